"""Printed Thai reads back as the text that was printed: ำ, tone marks over it, ฤ, digits, English."""

from __future__ import annotations

import copy
import re
import unicodedata
from typing import Any

import pytest
import weasyprint
from django.conf import settings as django_settings

from kongtun.reports import pdftext
from kongtun.reports.pdf import render_pdf
from kongtun.reports.tests.poppler import pdf_lines, pdf_pages_as_png, pdf_text

# ตำบล comes first, so the glyph SARA AA is first met inside SARA AM (the order that printed กำร).
SAMPLE = [
    "ตำบลนาทับ อำเภอจะนะ จังหวัดสงขลา",
    "จำนวนผู้เข้าร่วม 120 คน งบประมาณ 45,000.00 บาท",
    "การประชุมชี้แจง การออกกำลังกาย",
    "น้ำดื่มสะอาด ค่ำคืน ทำบุญ กำไร ช้ำ ร่ำเรียน",
    "ฤดูฝน ฤๅษี ทฤษฎี พฤษภาคม อังกฤษ ฦๅ",
    "ที่ ปี่ ป้า สุข ญาติ ฐานะ กตัญญู ฎีกา ปฏิบัติ",
    "Kongtun report 2568 (พ.ศ. ๒๕๖๘) ข้อ 10(1) e-mail: fund@example.org",
]

# A paragraph long enough to wrap over several lines (seed 002's rationale, in its own words).
PARAGRAPH = (
    "ปัจจุบันผู้สูงอายุในตำบลนาทับมีจำนวนเพิ่มขึ้นทุกปี หลายคนอยู่บ้านลำพังในเวลากลางวัน "
    "ขาดการออกกำลังกายและกินอาหารไม่ถูกหลัก ทำให้เป็นโรคความดันโลหิตสูงและเบาหวาน "
    "กองทุนหลักประกันสุขภาพจึงร่วมกับชมรมผู้สูงอายุและอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) "
    "จัดกิจกรรมออกกำลังกายทุกวันพุธ ตรวจวัดความดันและน้ำตาลในเลือดเดือนละครั้ง "
    "และให้ความรู้เรื่องอาหารที่เหมาะสมกับวัย เพื่อให้ผู้สูงอายุ 120 คนดูแลตนเองได้ในฤดูฝนและฤดูร้อน"
)

SAMPLE_TEMPLATE = (
    "{% extends 'reports/print_base.html' %}{% block body %}"
    "{% for line in lines %}<p>{{ line }}</p>{% endfor %}"
    "{% for line in bold %}<p><b>{{ line }}</b></p>{% endfor %}"
    "{% for line in italic %}<p><i>{{ line }}</i></p>{% endfor %}"
    "{% for line in cells %}<table><tr><td>{{ line }}</td><td class='num'>1,234.00</td></tr></table>"
    "{% endfor %}"
    "{% endblock %}"
)

CONSONANTS = [chr(c) for c in range(ord("ก"), ord("ฮ") + 1)]  # with ฤ and ฦ
UPPER_AND_LOWER_VOWELS = ["", "ั", "ิ", "ี", "ึ", "ื", "ุ", "ู"]
TONE_MARKS = ["", "่", "้", "๊", "๋", "์"]


@pytest.fixture
def sample_template(settings: Any) -> str:
    """A page on the print base (Sarabun, A4) that prints what it is given, one paragraph a line."""
    templates: Any = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        ("django.template.loaders.locmem.Loader", {"reports_test/sample.html": SAMPLE_TEMPLATE}),
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates
    return "reports_test/sample.html"


def _sample_pdf(template: str) -> bytes:
    context = {"lines": SAMPLE, "bold": ["ตำบลน้ำค่ำ การ"], "italic": ["จำนวนทำ ฤดู"], "cells": ["ค่ำน้ำ จำนวน"]}
    return render_pdf(template, context)


def test_pdftotext_gives_back_every_line_of_the_thai_sample_as_it_was_written(sample_template: str) -> None:
    lines = pdf_lines(_sample_pdf(sample_template))
    assert lines[: len(SAMPLE)] == SAMPLE
    assert lines[len(SAMPLE) :] == ["ตำบลน้ำค่ำ การ", "จำนวนทำ ฤดู", "ค่ำน้ำ จำนวน", "1,234.00", "1"]


def test_a_copied_paragraph_reads_back_whole_line_breaks_aside(sample_template: str) -> None:
    pdf = render_pdf(sample_template, {"lines": [PARAGRAPH]})
    lines = pdf_lines(pdf)
    assert len(lines) >= 4  # it did wrap
    assert lines[-1] == "1"  # the page number
    assert "".join("".join(lines[:-1]).split()) == "".join(PARAGRAPH.split())
    for line in lines[:-1]:  # each printed line is a piece of the paragraph, spaces and all
        assert line in PARAGRAPH, line


def test_every_consonant_reads_back_with_its_vowel_and_tone_marks_in_place(sample_template: str) -> None:
    """Marks that stack (ปี่), hang over the next letter (อยู่) or sit low (ฤุ in bold) stay put."""
    words = [
        f"ก{consonant}{vowel}{tone}บ"
        for consonant in CONSONANTS
        for vowel in UPPER_AND_LOWER_VOWELS
        for tone in TONE_MARKS
        if vowel or tone
    ]
    lines = [" ".join(words[i : i + 8]) for i in range(0, len(words), 8)]
    pdf = render_pdf(sample_template, {"lines": lines, "bold": lines, "italic": lines})
    read = [word for word in pdf_text(pdf).split() if not word.isdigit()]  # page numbers aside
    assert read == [*words, *words, *words]


def test_the_pages_look_exactly_as_weasyprint_draws_them(sample_template: str, monkeypatch: Any) -> None:
    from weasyprint.draw import text

    fixed = _sample_pdf(sample_template)
    assert "ตาบล" not in pdf_text(fixed)
    monkeypatch.setattr(text, "draw_first_line", text.draw_first_line.__wrapped__)  # WeasyPrint's own
    monkeypatch.setattr(pdftext, "install", lambda: None)
    as_drawn = _sample_pdf(sample_template)
    assert "ตาบล" in pdf_text(as_drawn) or "กำร" in pdf_text(as_drawn)  # the fault this module mends
    assert pdf_pages_as_png(fixed, dpi=150) == pdf_pages_as_png(as_drawn, dpi=150)


def test_a_reader_without_actual_text_still_gets_every_character_and_never_reads_sara_aa_as_sara_am() -> None:
    """ToUnicode alone (as readers that ignore /ActualText use it) keeps า as า and spells ำ as ํ + า."""
    pdftext.install()
    font = f"file://{django_settings.SARABUN_DIR}/Sarabun-Regular.ttf"
    paragraphs = "".join(f"<p>{line}</p>" for line in SAMPLE)
    style = f'@font-face {{ font-family: S; src: url("{font}") }} p {{ font-family: S }}'
    html = f"<style>{style}</style>{paragraphs}"
    pdf = weasyprint.HTML(string=html).write_pdf(uncompressed_pdf=True)
    assert pdf is not None
    # Blank out the spans (same length, so the file's offsets still hold).
    bare = re.sub(rb"/Span <</ActualText <[0-9a-f]+>>> BDC|(?<=\n)EMC(?=\n)", lambda m: b" " * len(m[0]), pdf)
    assert bare != pdf and b"ActualText" not in bare
    lines = pdf_lines(bare)
    assert lines[2].split()[0] == "การประชุมชี้แจง"
    assert lines[0] == "ตําบลนาทับ อําเภอจะนะ จังหวัดสงขลา"  # NIKHAHIT + SARA AA, as NFKC spells ำ
    for line, printed in zip(lines, SAMPLE, strict=True):
        assert sorted(line) == sorted(unicodedata.normalize("NFKC", printed)), line


def test_it_is_checked_against_the_installed_weasyprint() -> None:
    """pdftext relies on how WeasyPrint draws lines: on an upgrade, read weasyprint/draw/text.py's
    draw_first_line again, check the module still applies, and then bump WRITTEN_FOR_WEASYPRINT."""
    assert weasyprint.__version__ == pdftext.WRITTEN_FOR_WEASYPRINT
