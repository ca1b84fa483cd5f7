"""The fund's printed statements, built once and rendered to the web page, PDF and Excel: the
income–expense–balance statement of a month, quarter or fiscal year and the receipt–payment
control book, each with the committee's signature block."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kongtun.finance.statements import ControlBook, Period, Statement
from kongtun.funds.models import Fund
from kongtun.reports.document import (
    Block,
    Cell,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Section,
    Signature,
    Table,
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
