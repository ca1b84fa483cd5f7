"""Thai is the first language: every string a user can see must have a Thai translation."""

from __future__ import annotations

import re
from pathlib import Path

import kongtun

APPS_DIR = Path(kongtun.__file__).parent
_ENTRY = re.compile(
    r'^msgid (".*"(?:\n".*")*)\n(?:msgid_plural .*\n)?((?:msgstr(?:\[\d\])? ".*"(?:\n".*")*\n?)+)', re.M
)


def _text(quoted: str) -> str:
    return "".join(re.findall(r'"(.*)"', quoted))


def untranslated(po: Path) -> list[str]:
    missing = []
    content = po.read_text(encoding="utf-8")
    for block in content.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"' not in block:
            missing.append(f"fuzzy: {block.strip().splitlines()[-1]}")
            continue
        for msgid, msgstrs in _ENTRY.findall(block):
            if not _text(msgid):
                continue  # the header
            if any(not _text(s) for s in re.findall(r'msgstr(?:\[\d\])? (".*"(?:\n".*")*)', msgstrs)):
                missing.append(_text(msgid))
    return missing


def test_every_app_string_has_a_thai_translation() -> None:
    pos = sorted(APPS_DIR.glob("*/locale/th/LC_MESSAGES/django.po"))
    assert pos, "no Thai catalogues found"
    report = {str(po.relative_to(APPS_DIR)): untranslated(po) for po in pos}
    assert {k: v for k, v in report.items() if v} == {}


def test_every_thai_catalogue_is_compiled() -> None:
    for po in APPS_DIR.glob("*/locale/th/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        assert mo.exists(), f"{mo} is missing: run make messages"
