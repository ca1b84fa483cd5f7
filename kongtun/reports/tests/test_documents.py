"""One document, every format: what each renderer makes of the same blocks."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from kongtun.reports import document as d
from kongtun.reports.formats import document_pdf
from kongtun.reports.tests.poppler import pdf_lines, pdf_text
from kongtun.reports.to_docx import render_docx
from kongtun.reports.to_html import render_css, render_html
from kongtun.reports.to_xlsx import render_xlsx

TYPED = [
    '=HYPERLINK("http://evil.example","คลิก")',
    "+66 81 234 5678",
    "-ตำบล",
    "@SUM(A1)",
    "\tแท็บ",
    "\rขึ้นบรรทัด",
]


def report() -> d.Document:
    table = d.Table(
        [
            d.Column("กิจกรรม", 11.5),
            d.Column("ตั้งไว้", 2.5, "int"),
            d.Column("งบประมาณ", 2.5, "money"),
            d.Column("หมายเหตุ", 2, detail=True),
        ],
        [
            d.Row([[d.Span("1. ประชุมคณะทำงาน", bold=True)], 21, Decimal("1040000"), "ครั้งแรก"], "group"),
            d.Row([d.Cell("วันที่ 13 มกราคม 2563\nทำตามแผน", colspan=3), None]),
            d.Row(["รวม", 21, Decimal("1040000"), ""], "total"),
        ],
        title="ส่วนที่ 1",
    )
    return d.Document(
        title="รายงานฉบับสมบูรณ์",
        filename="final",
        blocks=[
            d.Section(
                [d.Heading("รายงานฉบับสมบูรณ์", level=1), d.KeyValues([("รหัสโครงการ", "L9001")])], cover=True
            ),
            d.PageBreak(),
            d.Contents("สารบัญ"),
            d.Heading("ส่วนที่ 1 ผลการดำเนินงาน", anchor="part1"),
            d.Paragraph("น้ำ <b>ฤดู</b>\nบรรทัดใหม่", indent=True),
            table,
            d.Signature(["( ผู้รับผิดชอบโครงการ )"]),
        ],
    )


def _xml(docx: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name).decode()


def test_word_file_sets_sarabun_in_every_script_slot_and_is_tagged_thai() -> None:
    docx = render_docx(report())
    styles = _xml(docx, "word/styles.xml")
    assert 'w:ascii="Sarabun" w:hAnsi="Sarabun" w:eastAsia="Sarabun" w:cs="Sarabun"' in styles
    assert 'w:lang w:val="th-TH" w:eastAsia="th-TH" w:bidi="th-TH"' in styles
    # A theme font would win over the named one, and the theme's Thai font is not Sarabun.
    assert "Theme=" not in styles and "w:cstheme" not in styles
    assert "<w:bCs" in styles  # Word bolds Thai headings with the complex-script flag
    assert _xml(docx, "docProps/core.xml").count("th-TH") == 1


def test_word_file_is_a4_with_the_margins_of_the_pdf() -> None:
    document = _xml(render_docx(report()), "word/document.xml")
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in document
    assert 'w:top="1134" w:right="1134" w:bottom="1134" w:left="1417"' in document


def test_word_file_embeds_sarabun_so_it_looks_the_same_without_it() -> None:
    from kongtun.reports.to_docx import _obfuscate

    docx = render_docx(report())
    fonts = _xml(docx, "word/fontTable.xml")
    assert '<w:font w:name="Sarabun">' in fonts and "w:embedBold" in fonts
    key = fonts.split('w:embedRegular r:id="')[1].split('w:fontKey="')[1].split('"')[0]
    embedded = zipfile.ZipFile(io.BytesIO(docx)).read("word/fonts/font1.odttf")
    original = (Path(settings.SARABUN_DIR) / "Sarabun-Regular.ttf").read_bytes()
    assert embedded != original and _obfuscate(embedded, key) == original  # XOR undoes itself
    assert "<w:embedTrueTypeFonts/>" in _xml(docx, "word/settings.xml")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_word_file_opens_in_libreoffice_with_its_thai_font(tmp_path: Path) -> None:
    source = tmp_path / "final.docx"
    source.write_bytes(render_docx(report()))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "final.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    assert "Sarabun-Regular" in fonts and "Sarabun-Bold" in fonts  # not installed here: the embedded one
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "ส่วนที่ 1" in text and "1,040,000" in text


def test_word_table_keeps_the_column_widths_and_spans() -> None:
    from docx import Document as Word

    word = Word(io.BytesIO(render_docx(report())))
    table = word.tables[-1]
    widths = [c.width for c in table.columns]
    assert len(widths) == 3  # the workbook-only column is not printed
    assert widths[0] > 4 * widths[1] and widths[1] == widths[2]
    assert table.rows[2].cells[0].text == "วันที่ 13 มกราคม 2563\nทำตามแผน"  # one cell over three columns
    assert table.rows[1].cells[2].text == "1,040,000.00"


def test_html_escapes_what_was_typed_and_keeps_its_line_breaks() -> None:
    html = render_html(report())
    assert "น้ำ &lt;b&gt;ฤดู&lt;/b&gt;<br>บรรทัดใหม่" in html
    assert '<a href="#part1">ส่วนที่ 1 ผลการดำเนินงาน</a>' in html  # the contents link to the heading
    assert '<td colspan="3">' in html and "ครั้งแรก" not in html  # workbook-only column left out


def test_print_css_gives_each_table_its_share_of_the_page() -> None:
    css = render_css(report())
    assert "#t1 col:nth-child(1) { width: 69.70%; }" in css and "nth-child(4)" not in css


def test_pdf_prints_the_blocks_with_contents_page_numbers() -> None:
    pdf = document_pdf(report())
    lines = pdf_lines(pdf)
    assert "ส่วนที่ 1 ผลการดำเนินงาน" in lines and "น้ำ <b>ฤดู</b>" in lines
    assert "1,040,000.00" in pdf_text(pdf)
    assert any(re.fullmatch(r"1\. ส่วนที่ 1 ผลการดำเนินงาน \.{10,} 2", line) for line in lines)  # led to its page


def test_workbook_never_turns_typed_text_into_a_formula() -> None:
    document = d.Document(
        title="ส่งออก",
        filename="export",
        blocks=[
            d.Table([d.Column("ข้อความ", 10), d.Column("จำนวน", 3, "money")], [d.Row([t, -5]) for t in TYPED])
        ],
    )
    sheet = load_workbook(io.BytesIO(render_xlsx(document))).worksheets[0]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == TYPED  # kept as typed, as text
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    numbers = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert all(c.value == -5 and c.data_type == "n" for c in numbers)  # a negative number stays a number


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_spreadsheet_program_shows_typed_formulas_as_text(tmp_path: Path) -> None:
    rows = [d.Row([t]) for t in TYPED[:4]] + [d.Row(["=1+2"])]
    document = d.Document(title="ส่งออก", filename="export", blocks=[d.Table([d.Column("ข้อความ", 10)], rows)])
    source = tmp_path / "export.xlsx"
    source.write_bytes(render_xlsx(document))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    utf8_csv = "csv:Text - txt - csv (StarCalc):44,34,76"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", utf8_csv, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    if not (tmp_path / "export.csv").exists():
        pytest.skip("LibreOffice Calc is not installed (libreoffice-calc-nogui)")
    with (tmp_path / "export.csv").open(encoding="utf-8", newline="") as out:
        cells = [row[0] for row in csv.reader(out)]
    assert cells == ["ข้อความ", *TYPED[:4], "=1+2"]  # not run: no "3", no link


def test_workbook_drops_characters_a_sheet_cannot_hold() -> None:
    document = d.Document(
        title="x", filename="x", blocks=[d.Table([d.Column("ข้อความ", 10)], [d.Row(["ตำบล\x0bบ้านนา"])])]
    )
    sheet = load_workbook(io.BytesIO(render_xlsx(document))).worksheets[0]
    assert sheet["A2"].value == "ตำบลบ้านนา"


def test_workbook_has_a_sheet_per_table_with_every_column() -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report())))
    assert book.sheetnames == ["ส่วนที่ 1"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("กิจกรรม", "ตั้งไว้", "งบประมาณ", "หมายเหตุ")  # the workbook-only column too
    assert rows[1] == ("1. ประชุมคณะทำงาน", 21, 1040000, "ครั้งแรก")
    assert book.worksheets[0]["C2"].number_format == "#,##0.00"


def test_word_file_leaves_out_a_photo_it_cannot_read(tmp_path: Path) -> None:
    from docx import Document as Word
    from PIL import Image

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (80, 40), (200, 30, 30)).save(photo, "JPEG")
    gone = d.Image(src=(tmp_path / "gone.jpg").as_uri(), url="/gone", caption="หายไป")
    here = d.Image(src=photo.as_uri(), url="/photo", caption="ภาพการประชุม")
    document = d.Document(title="ภาพ", filename="photos", blocks=[d.Images([gone, here])])
    word = Word(io.BytesIO(render_docx(document)))
    assert [c.text for c in word.tables[0].rows[0].cells if c.text] == ["\nภาพการประชุม"]
    assert len(word.inline_shapes) == 1
