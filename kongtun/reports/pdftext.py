"""Make WeasyPrint's PDFs give their Thai text back whole (copy, search, screen readers).

Why: a PDF gives each glyph one text, in its font's ToUnicode map, and WeasyPrint 70 writes there
the text of the glyph's first occurrence (``weasyprint/draw/text.py: draw_first_line``). HarfBuzz
shapes SARA AM (ำ) as two glyphs, NIKHAHIT + SARA AA, and that SARA AA glyph is also the glyph of
า. Whichever comes first wins, so ``ตำบล`` reads back ``ตาบล``, or ``การ`` reads back ``กำร``; a
tone mark over ำ (``น้ำ``) joins the same cluster and is lost. Extractors also put text in
reading order by the glyphs' positions, and Thai marks are not where the next character is
expected: poppler (pdftotext, Evince, Okular) cuts ``อยู่บ้าน`` into ``อยูบ`` and ``่ ้าน``.

Fix: after WeasyPrint has drawn a line, this walks the Pango glyph string it drew from, letter by
letter (a glyph that advances with the marks drawn over or under it), and wraps the glyphs of a
letter in a marked-content span with ``/ActualText`` (PDF 32000-1 §14.9.4), which extractors read
instead of the glyphs, when their ToUnicode texts do not spell the letter, or when its marks are
stacked, raised, or drawn off the letter's end. Glyphs, fonts and positions are not touched, so
the page looks the same. A glyph first met inside a letter of several glyphs gets its own
characters (from the font's cmap or glyph name) in ToUnicode rather than the letter's text, so a
reader that ignores ActualText gets ``ตําบล`` (NIKHAHIT + SARA AA, the compatibility decomposition
of ``ตำบล``) and never reads า as ำ.

Written against WeasyPrint 70.0 (pydyf 0.13). It relies on how ``draw_first_line`` writes a line
(``[<hex glyph ids> adjustments] TJ``, text rises as ``Ts``, one code per glyph but for
PANGO_GLYPH_EMPTY ones, a .notdef as its ``font.missing`` id), on ``font.to_unicode`` and on the
Stream's ``_fonts`` and ``_current_font``. A line it cannot match is left as WeasyPrint drew it,
with a warning, and ``tests/test_pdftext.py`` fails once WeasyPrint is not the version checked.
"""

from __future__ import annotations

import array
import bisect
import functools
import io
import itertools
import logging
import operator
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

WRITTEN_FOR_WEASYPRINT = "70.0"

# Poppler starts a word at a glyph drawn within a tenth of an em of the one before, and spaces
# words out from 0.03 em (maxCharSpacing): a mark that ends its letter less than this (in
# thousandths of an em) before the next letter's origin still reads in its place.
_NEAR = 25
_CODES = re.compile(rb"<([0-9a-f]+)>")  # a hex string of glyph codes in a TJ
_NUMBERS = re.compile(rb"[-+.0-9e]+")  # its adjustments

# A drawn line: per run, its glyph codes and their hex digits; the (first, last, text) spans.
Runs = list[tuple[list[int], int]]
Spans = list[tuple[int, int, str]]


def install() -> None:
    """Wrap WeasyPrint's line drawing, once per process (``render_pdf`` calls this)."""
    import weasyprint
    from weasyprint.draw import text

    if getattr(text.draw_first_line, "kongtun_actual_text", False):
        return
    if weasyprint.__version__ != WRITTEN_FOR_WEASYPRINT:
        logger.warning(
            "kongtun.reports.pdftext was written for WeasyPrint %s, not %s: check that it still applies",
            WRITTEN_FOR_WEASYPRINT,
            weasyprint.__version__,
        )
    text.draw_first_line = _with_actual_text(text.draw_first_line)


def _with_actual_text(draw_first_line: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(draw_first_line)
    def draw_first_line_with_actual_text(
        stream: Any, textbox: Any, text_overflow: Any, block_ellipsis: Any, matrix: Any
    ) -> Any:
        start = len(stream.stream)
        size = stream._current_font[1] if stream._current_font else None
        known = {id(font): len(font.to_unicode) for font in stream._fonts.values()}
        emojis = draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
        if len(stream.stream) > start:
            runs, spans = _letters_to_mark(stream, textbox, known)
            if spans:
                _mark(stream, start, size, runs, spans)
        return emojis

    draw_first_line_with_actual_text.kongtun_actual_text = True  # type: ignore[attr-defined]
    return draw_first_line_with_actual_text


def _letters_to_mark(stream: Any, textbox: Any, known: dict[int, int]) -> tuple[Runs, Spans]:
    """The line's glyph codes, and the spans of glyphs that extractors would not read back right."""
    from weasyprint.text.ffi import ffi, pango

    first_line = pango.pango_layout_get_line_readonly(textbox.pango_layout.layout, 0)
    utf8 = textbox.pango_layout.text.encode()
    runs: Runs = []
    spans: Spans = []
    drawn = 0  # glyph codes written so far on this line
    stride = _glyph_info_size() // 4  # guints: glyph id, width, x offset, y offset, attributes
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item, run = run.data, run.next
        item = glyph_item.item
        font, size = stream.add_font(item.analysis.font)
        near = size * _NEAR
        to_unicode = font.to_unicode
        count = glyph_item.glyphs.num_glyphs
        infos = ffi.buffer(glyph_item.glyphs.glyphs, count * stride * 4)
        ids = memoryview(infos).cast("I")[::stride].tolist()
        geometry = memoryview(infos).cast("i")
        marks = list(map(operator.not_, geometry[1::stride].tolist()))  # glyphs that do not advance
        offsets, rises = geometry[2::stride].tolist(), geometry[3::stride].tolist()
        text = utf8[item.offset : item.offset + item.length]
        new = _new_glyphs(font, known)
        special = bool(ids) and max(ids) >= pango.PANGO_GLYPH_EMPTY
        if special:
            ids = [_code(font, glyph_id) for glyph_id in ids]
        if not (new or special) and _reads_right(to_unicode, ids, marks, offsets, rises, text, near):
            runs.append((ids, 2 if font.bitmap else 4))  # most runs of English, figures, plain Thai
            drawn += count
            continue
        clusters = ffi.unpack(glyph_item.glyphs.log_clusters, count)
        rtl = item.analysis.level % 2
        if not (new or special or rtl):
            found = _letters_with_marks(to_unicode, ids, clusters, marks, offsets, rises, text, near)
            if found is not None:
                runs.append((ids, 2 if font.bitmap else 4))
                spans += [(drawn + first, drawn + last, printed) for first, last, printed in found]
                drawn += count
                continue
        # A letter is one of HarfBuzz's clusters, joined to the one before when it starts with a
        # glyph that does not advance (as ำ starts with NIKHAHIT).
        starts = [
            i
            for i in range(count)
            if i == 0 or (clusters[i] != clusters[i - 1] and (rtl or not marks[i] or ids[i] < 0))
        ]
        codes: list[int] = []
        for first, after in zip(starts, [*starts[1:], count], strict=True):
            letter = [code for code in ids[first:after] if code >= 0]
            if not letter:
                continue
            if new:
                _own_characters(font, letter, new)
            if rtl:  # the next characters are on the left
                end = item.length if first == 0 else clusters[first - 1]
            else:
                end = item.length if after == count else clusters[after]
            printed = text[clusters[first] : end].decode()
            if "".join(map(to_unicode.__getitem__, letter)) != printed or (
                len(letter) > 1
                and _marks_misplaced(marks[first:after], offsets[after - 1], rises[first:after], near)
            ):
                spans.append((drawn + len(codes), drawn + len(codes) + len(letter) - 1, printed))
            codes += letter
        runs.append((codes, 2 if font.bitmap else 4))
        drawn += len(codes)
    return runs, spans


@functools.cache
def _glyph_info_size() -> int:
    from weasyprint.text.ffi import ffi

    return int(ffi.sizeof("PangoGlyphInfo"))


def _reads_right(
    to_unicode: dict[int, str],
    ids: list[int],
    marks: list[bool],
    offsets: list[int],
    rises: list[int],
    text: bytes,
    near: float,
) -> bool:
    """Whether a run of plain glyphs has nothing to mark, checked on the whole run: it spells its
    text, and no mark stacks on another, is raised, or ends its letter off the next one's origin."""
    return (
        not any(rises)
        and not any(map(operator.and_, marks, marks[1:]))
        and all(-near <= offset <= 0 for mark, offset in zip(marks, offsets, strict=True) if mark)
        and "".join(map(to_unicode.__getitem__, ids)) == text.decode()
    )


def _letters_with_marks(
    to_unicode: dict[int, str],
    ids: list[int],
    clusters: list[int],
    marks: list[bool],
    offsets: list[int],
    rises: list[int],
    text: bytes,
    near: float,
) -> Spans | None:
    """The spans of a left-to-right run, looking only at its letters of several glyphs; None when
    the rest does not read right either, for the letter-by-letter walk to find out where."""
    readings = list(map(to_unicode.__getitem__, ids))
    joined = [i for i in range(1, len(ids)) if marks[i] or clusters[i] == clusters[i - 1]]
    spans: Spans = []
    pieces = []
    done = 0  # glyphs looked at
    g = 0
    while g < len(joined):
        h = g
        while h + 1 < len(joined) and joined[h + 1] == joined[h] + 1:
            h += 1
        first, after = joined[g] - 1, joined[h] + 1
        g = h + 1
        pieces.append("".join(readings[done:first]))
        printed = text[clusters[first] : clusters[after] if after < len(ids) else len(text)].decode()
        reading = "".join(readings[first:after])
        if reading != printed or _marks_misplaced(
            marks[first:after], offsets[after - 1], rises[first:after], near
        ):
            spans.append((first, after - 1, printed))
            reading = printed
        pieces.append(reading)
        done = after
    pieces.append("".join(readings[done:]))
    return spans if "".join(pieces) == text.decode() else None


def _marks_misplaced(marks: list[bool], last_offset: int, rises: list[int], near: float) -> bool:
    """Whether a letter's marks are not where extractors look for them. Poppler makes a word of a
    mark drawn on another (within a tenth of an em), or one that ends its letter off the next
    letter's origin, and puts it in order by position, after the next letter when it hangs over
    it, or with a space when it ends short of it; a raised glyph goes on a line of its own."""
    return sum(marks) > 1 or any(rises) or (marks[-1] and not -near <= last_offset <= 0)


def _code(font: Any, glyph_id: int) -> int:
    """The code WeasyPrint writes for a Pango glyph: none (-1) for an empty one, a .notdef's own id."""
    from weasyprint.text.ffi import pango

    if glyph_id == pango.PANGO_GLYPH_EMPTY:
        return -1
    if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
        return int(font.missing[glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG])
    return glyph_id


def _new_glyphs(font: Any, known: dict[int, int]) -> set[int]:
    """The glyphs this line gave their first ToUnicode entry (a dict keeps insertion order)."""
    seen = known.get(id(font), 0)
    if len(font.to_unicode) == seen:
        return set()
    return set(list(font.to_unicode)[seen:])


def _own_characters(font: Any, letter: list[int], new: set[int]) -> None:
    """A glyph first met inside a letter of several glyphs reads as its own characters, if it has any."""
    for glyph_id in letter:
        if glyph_id in new:
            new.discard(glyph_id)
            own = _characters_of_glyphs(font.file_content, font.index).get(glyph_id)
            if len(letter) > 1 and own is not None:
                font.to_unicode[glyph_id] = own


@functools.lru_cache(maxsize=16)
def _characters_of_glyphs(file_content: bytes, index: int) -> dict[int, str]:
    """Glyph id → its own characters: the lowest one the cmap draws with it, else its AGL name's.

    Names give the glyphs no character maps to, like Sarabun's NIKHAHIT + MAI THO ``uni0E4D0E49``;
    a private-use character is no one's text.
    """
    from fontTools import agl
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(file_content), fontNumber=index, lazy=True)
    characters: dict[int, str] = {}
    for codepoint, name in sorted((font.getBestCmap() or {}).items()):
        characters.setdefault(font.getGlyphID(name), chr(codepoint))
    for glyph_id, name in enumerate(font.getGlyphOrder()):
        text = agl.toUnicode(name)
        if glyph_id not in characters and text and not any(unicodedata.category(c) == "Co" for c in text):
            characters[glyph_id] = text
    return characters


def _mark(stream: Any, start: int, size: float | None, runs: Runs, spans: Spans) -> None:
    """Write the line's ``TJ`` operators (``stream.stream[start:]``) again, cut around the spans.

    Poppler gives a span the extent from its first glyph's origin to its last glyph's advance,
    and the last glyph of a letter is a mark that does not advance: so the adjustments that take
    the pen from it to the next glyph become that glyph's character spacing (Tc), the same move.
    """
    items = stream.stream[start:]
    tjs: dict[int, tuple[bytes, int, int, float | None]] = {}  # item → body, first glyph, digits, size
    written = []
    run_ends = list(itertools.accumulate(len(codes) for codes, _width in runs))
    position = 0
    for i, item in enumerate(items):
        if isinstance(item, bytes) and item.startswith(b"[") and item.endswith(b"] TJ"):
            codes = b"".join(_CODES.findall(item, 1, len(item) - 4))
            width = runs[min(bisect.bisect_right(run_ends, position), len(runs) - 1)][1]
            tjs[i] = (item[1:-4], position, width, size)
            written.append(codes)
            position += len(codes) // width
        elif isinstance(item, bytes) and item.endswith(b" Tf"):
            size = float(item.split()[-2])
    if b"".join(written) != b"".join(_hex(*run) for run in runs):
        return _leave_as_drawn()
    # Edits of TJ bodies: (offset, order, end, inside at offset, inside at end, operators to put there).
    edits: dict[int, list[tuple[int, int, int, bool, bool, list[bytes]]]] = {}
    located = _Locator(tjs)
    for number, (first, last, text) in enumerate(spans):
        i, group, into = located(first)
        offset = group.start(1) + into * tjs[i][2] if into else group.start()
        actual_text = b"/Span <</ActualText <feff" + text.encode("utf-16-be").hex().encode() + b">>> BDC"
        edits.setdefault(i, []).append((offset, 2 * number, offset, bool(into), bool(into), [actual_text]))
        i, group, into = located(last)
        body, _first, width, size = tjs[i]
        code = group.start(1) + into * width
        if code + width < group.end(1):  # the next glyph follows in the same string: no move
            edits.setdefault(i, []).append((code + width, 2 * number + 1, code + width, True, True, [b"EMC"]))
            continue
        moves, until, strip = _moves_after(items, tjs, i, group.end())
        shift = -sum(map(float, moves)) * (size or 0) / 1000
        if not shift:
            edits.setdefault(i, []).append((group.end(), 2 * number + 1, group.end(), False, False, [b"EMC"]))
            continue
        tj = b"[<" + body[code : code + width] + b">] TJ"
        at = code if into else group.start()
        edits.setdefault(i, []).append(
            (at, 2 * number + 1, until, bool(into), False, [b"%f Tc" % shift, tj, b"0 Tc", b"EMC"])
        )
        if strip is not None:  # the moves were at the start of the next TJ, after a text rise
            edits.setdefault(strip[0], []).append((0, -1, strip[1], False, False, []))
    out: list[Any] = []
    for i, item in enumerate(items):
        if i not in edits:
            out.append(item)
            continue
        body = tjs[i][0]
        cursor, inside = 0, False
        for offset, _order, end, inside_at_offset, inside_at_end, operators in sorted(edits[i]):
            _show(out, body[cursor:offset], inside, inside_at_offset)
            out += operators
            cursor, inside = end, inside_at_end
        _show(out, body[cursor:], inside, False)
    stream.stream[start:] = out


class _Locator:
    """Where the n-th glyph code of the line is: its TJ item, hex string, and place in it."""

    def __init__(self, tjs: dict[int, tuple[bytes, int, int, float | None]]) -> None:
        self.tjs = tjs
        self.items = list(tjs)
        self.firsts = [first for _body, first, _width, _size in tjs.values()]
        self.groups: dict[int, tuple[list[re.Match[bytes]], list[int]]] = {}

    def __call__(self, glyph: int) -> tuple[int, re.Match[bytes], int]:
        i = self.items[bisect.bisect_right(self.firsts, glyph) - 1]
        body, first, width, _size = self.tjs[i]
        if i not in self.groups:  # where each hex string ends, counted in hex digits
            ends = list(itertools.accumulate(map(len, _CODES.findall(body))))
            self.groups[i] = (list(_CODES.finditer(body)), ends)
        groups, ends = self.groups[i]
        digit = (glyph - first) * width
        index = bisect.bisect_right(ends, digit)
        return i, groups[index], (digit - (ends[index - 1] if index else 0)) // width


def _moves_after(
    items: list[Any], tjs: dict[int, tuple[bytes, int, int, float | None]], i: int, offset: int
) -> tuple[list[bytes], int, tuple[int, int] | None]:
    """The adjustments after a TJ's hex string ending at ``offset``, up to the next glyph: the
    numbers, where they end in this TJ, and (item, end) of those at the start of the next TJ,
    when they are there (WeasyPrint moves on from a raised glyph after resetting the rise)."""
    body = tjs[i][0]
    following = _CODES.search(body, offset)
    if following is not None:
        return _NUMBERS.findall(body, offset, following.start()), following.start(), None
    moves = _NUMBERS.findall(body, offset)
    after = i + 1
    while (
        after < len(items)
        and after not in tjs
        and isinstance(items[after], bytes)
        and items[after].endswith(b" Ts")
    ):
        after += 1
    if after in tjs:
        following = _CODES.search(tjs[after][0])
        until = following.start() if following is not None else len(tjs[after][0])
        return moves + _NUMBERS.findall(tjs[after][0], 0, until), len(body), (after, until)
    return moves, len(body), None


def _hex(codes: list[int], width: int) -> bytes:
    """Glyph codes as WeasyPrint writes them: 4 hex digits each (2 for bitmap fonts)."""
    if width == 2:
        return bytes(codes).hex().encode()
    big_endian = array.array("H", codes)
    if sys.byteorder == "little":
        big_endian.byteswap()
    return big_endian.tobytes().hex().encode()


def _show(out: list[Any], piece: bytes, open_string: bool, close_string: bool) -> None:
    """A piece of a TJ's body as a TJ of its own: it may start or end inside a hex string."""
    piece = (b"<" if open_string else b"") + piece + (b">" if close_string else b"")
    if piece.replace(b"<>", b"").strip(b"0 "):
        out.append(b"[" + piece + b"] TJ")


def _leave_as_drawn() -> None:
    logger.warning("WeasyPrint drew a line this adaptation does not recognise: its text is left as drawn")
