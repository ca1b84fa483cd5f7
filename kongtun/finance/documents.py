"""The fund's printed statements and documents, built once and rendered to the web page, PDF and
Excel: the income–expense–balance statement of a month, quarter or fiscal year and the
receipt–payment control book, each with the committee's signature block; and each receipt, payment
voucher and refund as the Thai document the officer signs, with its amount in words."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kongtun.core.thai import baht_in_words, format_baht, format_date
from kongtun.finance.models import Document as BooksDocument
from kongtun.finance.models import PaymentVoucher, Receipt, Refund
from kongtun.finance.statements import ControlBook, Period, Statement
from kongtun.funds.models import Fund
from kongtun.projects.models import Project
from kongtun.reports.document import (
    Block,
    Cell,
    Column,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Row,
    Section,
    Signature,
    Table,
    Text,
)

DOTS = "................................"


def _head(title: str, fund: Fund, period: Period) -> list[Block]:
    return [
        Heading(title, level=1),
        Paragraph(f"{fund.name} ({fund.code})", align="center"),
        Paragraph(f"{period.label} · {period.dates}", align="center", muted=True),
    ]


def _signatures() -> Section:
    """Who prepared, checked and certified the statement (the committee signs it every quarter)."""
    signers = (
        _("Fund officer, who prepared it"),
        _("Secretary of the committee"),
        _("Chair of the committee"),
    )
    blocks: list[Block] = [Signature([DOTS, f"( {DOTS} )", position]) for position in signers]
    return Section(blocks, keep_together=True)


def statement_document(report: Statement) -> Document:
    """รายงานรับ-จ่ายและเงินคงเหลือ: brought forward, income by source, expense by support type, balance."""
    money = _("Amount (baht)")
    table = Table(
        [Column(_("Item"), 12.5), Column(money, 4, "money")],
        [
            Row([_("Money brought forward"), report.brought_forward], kind="total"),
            Row([Cell(_("Income"), colspan=2)], kind="group"),
            *(Row([f"{a.code} {a.label}", a.amount]) for a in report.income),
            Row([_("Total income"), report.total_income], kind="total"),
            Row([Cell(_("Expense by support type"), colspan=2)], kind="group"),
            *(Row([a.label, a.amount]) for a in report.expense),
            Row([_("Total expense"), report.total_expense], kind="total"),
            Row([_("Money at the end of the period"), report.balance], kind="total"),
        ],
        title=_("Statement"),
    )
    blocks = [*_head(_("Income, expense and balance statement"), report.fund, report.period), table]
    return Document(
        title=_("Income, expense and balance statement"),
        filename=f"statement-{report.fund.code}-{report.period.slug}",
        blocks=[*blocks, _signatures()],
    )


def control_book_document(book: ControlBook) -> Document:
    """สมุดคุมรับ-จ่าย: every movement of the fund's money in date order, with the balance after it."""
    table = Table(
        [
            Column(_("Date"), 2.6),
            Column(_("Document"), 2.8),
            Column(_("Description"), 5.1),
            Column(_("Received"), 2.5, "money"),
            Column(_("Paid"), 2.5, "money"),
            Column(_("Balance"), 2.5, "money"),
        ],
        [
            Row([Cell(_("Brought forward"), colspan=5), book.brought_forward], kind="total"),
            *(
                Row(
                    [
                        line.date,
                        line.reference,
                        line.description,
                        line.received or None,
                        line.paid or None,
                        line.balance,
                    ]
                )
                for line in book.lines
            ),
            Row(
                [Cell(_("Total"), colspan=3), book.total_received, book.total_paid, book.balance],
                kind="total",
            ),
        ],
        title=_("Control book"),
        small=True,
    )
    blocks = [*_head(_("Receipt and payment control book"), book.fund, book.period), table]
    return Document(
        title=_("Receipt and payment control book"),
        filename=f"control-book-{book.fund.code}-{book.period.slug}",
        blocks=[*blocks, _signatures()],
    )


# The books' documents ---------------------------------------------------------------------------


def _signers(*positions: str) -> Section:
    """A dotted line, a name in brackets and the position of each who signs the document."""
    return Section([Signature([DOTS, f"( {DOTS} )", position]) for position in positions], keep_together=True)


def _document_head(title: str, document: BooksDocument) -> list[Block]:
    fund = document.fund
    return [
        Heading(title, level=1),
        Paragraph(f"{fund.name} ({fund.code})", align="center"),
        KeyValues([(_("Number"), str(document)), (_("Date"), format_date(document.date))]),
    ]


def _money(document: BooksDocument, account_label: str) -> KeyValues:
    """The amount in figures and in Thai words, and the account it went into or out of."""
    return KeyValues(
        [
            (_("Amount"), format_baht(document.amount)),
            (_("In words"), f"({baht_in_words(document.amount)})"),
            (account_label, str(document.money_account)),
        ]
    )


def _project_lines(project: Project) -> list[tuple[str, Text]]:
    lines: list[tuple[str, Text]] = [(_("Project"), " ".join(p for p in (project.code, project.title) if p))]
    if project.support_type is not None:
        lines.append((_("Support type"), str(project.support_type)))
    return lines


def _note(document: BooksDocument) -> list[Block]:
    return [Paragraph(document.description)] if document.description else []


def _printed(
    document: BooksDocument,
    title: str,
    slug: str,
    details: list[tuple[str, Text]],
    account_label: str,
    signers: tuple[str, ...],
) -> Document:
    """A document of the books: its head, what it is for, the money, the note, who signs."""
    blocks = [
        *_document_head(title, document),
        KeyValues(details),
        _money(document, account_label),
        *_note(document),
        _signers(*signers),
    ]
    filename = f"{slug}-{document.fund.code}-{document.fiscal_year}-{document.number}"
    return Document(title=title, filename=filename, blocks=blocks)


def receipt_document(receipt: Receipt) -> Document:
    """ใบเสร็จรับเงิน: who paid the fund, for what, how much (and in words), signed by who received it."""
    details: list[tuple[str, Text]] = [
        (_("Received from"), receipt.payer),
        (_("Income"), receipt.get_source_display()),
    ]
    signers = (_("Who received the money (fund officer)"), _("Who paid the money"))
    return _printed(receipt, _("Receipt"), "receipt", details, _("Paid into"), signers)


def voucher_document(voucher: PaymentVoucher) -> Document:
    """ใบเบิกเงิน: the project and its payment period, who is paid, how much, and who approved it."""
    details = _project_lines(voucher.project)
    if voucher.period is not None:
        details.append((_("Payment period"), _("Period %(number)s") % {"number": voucher.period.number}))
    details.append((_("Paid to"), voucher.payee))
    signers = (
        _("Who received the money"),
        _("Fund officer, who paid it"),
        _("Chair of the committee, who approved it"),
    )
    return _printed(voucher, _("Payment voucher"), "voucher", details, _("Paid from"), signers)


def refund_document(refund: Refund) -> Document:
    """บันทึกการคืนเงิน: the project that returned its unused money, how much, and who received it."""
    signers = (_("Who returned the money (project leader)"), _("Who received the money (fund officer)"))
    details = _project_lines(refund.project)
    return _printed(refund, _("Refund record"), "refund", details, _("Paid into"), signers)


def books_document(document: BooksDocument) -> Document:
    """The printed document of a receipt, payment voucher or refund."""
    if isinstance(document, Receipt):
        return receipt_document(document)
    if isinstance(document, PaymentVoucher):
        return voucher_document(document)
    assert isinstance(document, Refund)
    return refund_document(document)
