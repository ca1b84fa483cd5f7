"""Thai word segmentation for the index and for queries, and highlighted snippets."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pythainlp import word_tokenize
from pythainlp.corpus import thai_stopwords

_WORD = re.compile(r"\w", re.UNICODE)
# Thai vowel and tone marks written above or below a letter: a highlight never ends before them.
_MARKS = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
# Words that every project title carries: useless for "similar" and for ranking.
_GENERIC = {
    "โครงการ",
    "โครง",
    "กิจกรรม",
    "ลด",
    "รณรงค์",
    "สร้างเสริม",
    "ขับเคลื่อน",
    "อบรม",
    "ส่งเสริม",
    "ตำบล",
    "หมู่",
    "บ้าน",
    "พัฒนา",
    "การ",
    "และ",
    "ใน",
}


def trigrams(text: str, *, padded: bool = False) -> set[str]:
    """The three-letter pieces of each word, lower-cased, as SQLite's trigram tokenizer cuts them;
    `padded` adds two spaces before and one after each word, as pg_trgm does."""
    words = [f"  {w} " if padded else w for w in text.lower().split()]
    return {word[i : i + 3] for word in words for i in range(len(word) - 2)}


def word_similarity(query: str, text: str) -> float:
    """The share of the query's trigrams that the text holds, both padded like pg_trgm's: near its
    word_similarity, so that the embedded default finds the titles with a typo that PostgreSQL does."""
    wanted = trigrams(query, padded=True)
    return len(wanted & trigrams(text, padded=True)) / len(wanted) if wanted else 0.0


# Thai digits are the same numbers as Arabic ones: เขต ๕ is เขต 5, ๒๕๖๗ is 2567.
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def segment(text: str) -> str:
    """Thai (and any other) text as words separated by single spaces, lower-cased, Thai digits
    written as Arabic ones."""
    words = word_tokenize((text or "").translate(_DIGITS), engine="newmm", keep_whitespace=False)
    return " ".join(w.strip().lower() for w in words if _WORD.search(w))


@lru_cache(maxsize=1)
def _trie() -> Any:
    from pythainlp.tokenize import word_dict_trie

    return word_dict_trie()


def sub_words(word: str) -> list[str]:
    """Dictionary words of at least three letters inside a longer word (บุหรี่ inside สูบบุหรี่),
    starting and ending on Thai character-cluster boundaries."""
    if len(word) < 5 or not any("\u0e00" <= ch <= "\u0e7f" for ch in word):
        return []
    from pythainlp.tokenize.tcc import tcc_pos

    bounds = {0, *tcc_pos(word)}
    found: list[str] = []
    trie = _trie()
    for start in sorted(bounds):
        for part in trie.prefixes(word[start:]):
            end = start + len(part)
            if len(part) >= 3 and part != word and end in bounds and part not in found:
                found.append(part)
    return found


def index_text(text: str) -> str:
    """The segmented words of a document followed by the words found inside its compound words,
    so that a search for บุหรี่ finds สูบบุหรี่."""
    words = segment(text).split()
    extra: list[str] = []
    for word in dict.fromkeys(words):
        extra.extend(sub_words(word))
    return " ".join([*words, *extra])


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order, without punctuation."""
    seen: list[str] = []
    for word in segment(query).split():
        cleaned = word.replace('"', "")
        if cleaned and cleaned not in seen:
            seen.append(cleaned)
    return seen


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords()) | _GENERIC


def key_words(text: str, limit: int = 8) -> list[str]:
    """The words of a text worth matching on (no stop words or generic project words)."""
    stop = _stopwords()
    words: list[str] = []
    for word in query_words(text):
        for w in [word, *sub_words(word)]:
            if w not in stop and len(w) > 1 and w not in words:
                words.append(w)
    return words[:limit]


def warm_up() -> None:
    """Load the word-segmentation dictionaries now (about a second), as a web worker starts
    (`kongtun/wsgi.py`), rather than on its first search."""
    segment("ผู้สูงอายุ")
    sub_words("สูบบุหรี่")
    _stopwords()


def _word_edges(text: str, at: int, reach: int = 30) -> list[int]:
    """Where words begin and end in `text` near position `at` (Thai words segmented), so that a
    snippet never starts or ends in the middle of a word."""
    lo, hi = max(at - reach, 0), min(at + reach, len(text))
    edges, offset = [], lo
    for token in word_tokenize(text[lo:hi], engine="newmm", keep_whitespace=True):
        offset += len(token)
        edges.append(offset)
    # The first and last tokens may be cut by the window itself: trust only the inner edges.
    inner = edges[:-1] if hi < len(text) else edges
    return [e for e in inner if e > lo] or [at]


def snippet(text: str, words: list[str], *, width: int = 160) -> SafeString:
    """A piece of `text` around the first matched word, starting and ending on whole words, every
    matched word wrapped in <mark>."""
    text = " ".join((text or "").split())
    lowered = text.lower()
    positions = [lowered.find(w) for w in words if w and lowered.find(w) >= 0]
    start = max(min(positions) - width // 3, 0) if positions else 0
    if start > 0:
        start = min([e for e in _word_edges(text, start) if e >= start] or [start], default=start)
        start = min(start, min(positions))
    end = start + width
    if end < len(text):
        end = max([e for e in _word_edges(text, end) if start < e <= end] or [end])
    piece = text[start:end].strip()
    html = str(escape(piece))
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        pattern = re.escape(escape(word)) + _MARKS
        html = re.sub(pattern, lambda m: f"<mark>{m.group(0)}</mark>", html, flags=re.IGNORECASE)
    # Undo marks nested inside marks (a short word inside a longer matched word).
    html = re.sub(r"<mark>([^<]*)<mark>([^<]*)</mark>([^<]*)</mark>", r"<mark>\1\2\3</mark>", html)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)
