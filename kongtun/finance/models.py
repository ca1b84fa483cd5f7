"""The fund's books (บัญชีกองทุน): a small double-entry ledger per fund, and the documents that write it.

Design (part B — statements, control book, NHSO export, dashboards — reads these models):

- `Account`: the fund's own chart of accounts (code, name, kind, parent). `kind` is asset,
  liability, equity (the fund balance brought forward, เงินกองทุนยกมา), revenue or expense. A
  seeded account carries a `role` (cash, bank, NHSO transfer, …) by which the services find it, so
  an officer may rename, renumber or add accounts freely; an expense account of a support type
  10(1)–10(5) carries that `support_type`. `services.chart_seed(fund=)` seeds the default chart
  (DEFAULT_CHART in services.py), for every new fund (listener) and lazily before a first booking.
- `FundBooks`: one row per fund: the opening balance and date (booked as the opening entry) and
  `locked_through`, the last day of the last closed month. `MonthClose` is the record of each
  monthly close (ปิดงวดเดือน) and its reopening with a reason; both are in the audit history.
- `JournalEntry` (fund, date, fiscal year B.E., description, `source` = which kind of document made
  it, `posted`) and `JournalLine` (account, debit, credit, optional project and support type, so a
  statement groups expense by 10(1)–10(5) and per project without joining the documents).
  Every sum of money is Decimal(14, 2).
- The documents: `Receipt` (ใบเสร็จรับเงิน: carry-over, NHSO transfer, local-government
  contribution, interest, other), `PaymentVoucher` (ใบเบิกเงิน: a project and its payment period)
  and `Refund` (บันทึกการคืนเงิน: a project's unused money, at its closing). Each owns one entry
  (`entry`, one-to-one); an entry's `source` tells which reverse relation holds its document.

What the DATABASE enforces (triggers.py, installed by migration on SQLite and PostgreSQL alike):
an entry is written unposted, its lines are added, then `posted` is set; posting is refused when
the entry has no lines or its debits and credits differ; the lines of a posted entry cannot be
inserted, changed or deleted, and a posted entry cannot be moved to another date or fund (unpost
it first, which a locked entry refuses); nothing dated on or before the fund's `locked_through`
can be inserted, changed or deleted, nor moved into that range; a line's account must be of the
entry's fund. CHECK constraints: debit and credit are ≥ 0 and exactly one of them is above zero.
So every posted entry balances forever, and the balance of any account is the sum of its posted
lines. Read balances from posted entries only (`JournalLine.objects.filter(entry__posted=True)`).

Why in-house: django-hordak (double entry enforced in PostgreSQL) is not tested on Django 5.2,
has no period lock and its triggers are PostgreSQL-only, while the tests here run on SQLite too;
django-ledger brings invoices, bills, inventory and its own entity/ledger hierarchy that a fund
does not keep. The fund needs eight models and two triggers per table.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.followups.models import PaymentPeriod, ProjectClosing
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType
from kongtun.projects.models import Project


class AccountKind(models.TextChoices):
    ASSET = "asset", _("Asset")
    LIABILITY = "liability", _("Liability")
    EQUITY = "equity", _("Fund balance")
    REVENUE = "revenue", _("Revenue")
    EXPENSE = "expense", _("Expense")


# Kinds whose balance is debit minus credit; the others are credit minus debit.
DEBIT_KINDS = {AccountKind.ASSET, AccountKind.EXPENSE}


class AccountRole(models.TextChoices):
    """What the services book to. Unique per fund, except `expense` (one per support type)."""

    CASH = "cash", _("Cash")
    BANK = "bank", _("Bank deposit")
    FUND_BALANCE = "fund_balance", _("Fund balance brought forward")
    NHSO = "nhso", _("NHSO transfer")
    LOCAL_GOVERNMENT = "local_government", _("Local-government contribution")
    INTEREST = "interest", _("Interest")
    OTHER_INCOME = "other_income", _("Other income")
    REFUND = "refund", _("Refunds from projects")
    EXPENSE = "expense", _("Project expense")


class Account(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="accounts")
    code = models.CharField(_("account code"), max_length=20)
    name = models.CharField(_("account name"), max_length=200)
    kind = models.CharField(_("account type"), max_length=10, choices=AccountKind)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent account"),
    )
    role = models.CharField(_("used for"), max_length=20, choices=AccountRole, blank=True)
    support_type = models.ForeignKey(
        SupportType, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("support type")
    )
    is_active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "code"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "code"], name="finance_account_code_unique"),
            models.UniqueConstraint(
                fields=["fund", "role"],
                condition=~Q(role__in=["", AccountRole.EXPENSE]),
                name="finance_account_role_unique",
            ),
            models.UniqueConstraint(
                fields=["fund", "support_type"],
                condition=Q(support_type__isnull=False),
                name="finance_account_support_type_unique",
            ),
        ]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class FundBooks(models.Model):
    """The fund's opening balance and date, and how far its months are closed."""

    fund = models.OneToOneField(Fund, on_delete=models.CASCADE, related_name="books")
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    opening_balance = models.DecimalField(
        _("opening balance (baht)"), default=0, max_digits=14, decimal_places=2
    )
    # The last day of the last closed month: nothing dated on or before it may change (trigger).
    locked_through = models.DateField(_("closed through"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fund books")
        verbose_name_plural = _("fund books")

    def __str__(self) -> str:
        return str(self.fund_id)


class MonthClose(models.Model):
    """A monthly close (ปิดงวดเดือน) of a fund; `reopened_at` is set when it was opened again."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="month_closes")
    month_end = models.DateField(_("month end"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    closed_at = models.DateTimeField(_("closed at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "-month_end", "-closed_at"]
        indexes = [models.Index(fields=["fiscal_year", "month_end"])]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "month_end"],
                condition=Q(reopened_at__isnull=True),
                name="finance_month_close_unique",
            )
        ]
        verbose_name = _("monthly close")
        verbose_name_plural = _("monthly closes")

    def __str__(self) -> str:
        return f"{self.fund_id} {self.month_end}"


class EntrySource(models.TextChoices):
    OPENING = "opening", _("Opening balance")
    RECEIPT = "receipt", _("Receipt")
    PAYMENT = "payment", _("Payment voucher")
    REFUND = "refund", _("Refund from a project")
    ADJUSTMENT = "adjustment", _("Adjustment")


class IncomeSource(models.TextChoices):
    """What a receipt is for; each kind is booked to its own income account (services.INCOME_ACCOUNT)."""

    CARRY_OVER = "carry_over", _("Balance carried over")
    NHSO = "nhso", _("NHSO transfer")
    LOCAL_GOVERNMENT = "local_government", _("Local-government contribution")
    INTEREST = "interest", _("Interest")
    OTHER = "other", _("Other income")


class JournalEntry(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="journal_entries")
    date = models.DateField(_("date"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    description = models.CharField(_("description"), max_length=300)
    source = models.CharField(_("made by"), max_length=10, choices=EntrySource)
    posted = models.BooleanField(_("posted"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "date", "pk"]
        indexes = [
            models.Index(fields=["fund", "date"]),
            models.Index(fields=["fiscal_year", "fund"]),
        ]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")

    def __str__(self) -> str:
        return f"{self.date} {self.description}"


class JournalLine(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="lines")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="lines")
    debit = models.DecimalField(_("debit"), default=0, max_digits=14, decimal_places=2)
    credit = models.DecimalField(_("credit"), default=0, max_digits=14, decimal_places=2)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="journal_lines"
    )
    support_type = models.ForeignKey(SupportType, null=True, blank=True, on_delete=models.PROTECT)
    memo = models.CharField(_("memo"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["entry", "pk"]
        indexes = [models.Index(fields=["account", "entry"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(debit__gte=0, credit__gte=0)
                & ((Q(debit__gt=0) & Q(credit=0)) | (Q(debit=0) & Q(credit__gt=0))),
                name="finance_line_one_side",
            )
        ]
        verbose_name = _("journal line")
        verbose_name_plural = _("journal lines")

    def __str__(self) -> str:
        return f"{self.account_id} Dr {self.debit} Cr {self.credit}"


class Document(models.Model):
    """What the three documents share: a number per fund and fiscal year, a date, an amount, the
    account the money went in or out of, and the entry the document booked."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="%(class)ss")
    number = models.PositiveIntegerField(_("number"))
    date = models.DateField(_("date"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    amount = models.DecimalField(_("amount (baht)"), max_digits=14, decimal_places=2)
    description = models.CharField(_("description"), max_length=300, blank=True)
    money_account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="+", verbose_name=_("cash or bank account")
    )
    entry = models.OneToOneField(JournalEntry, on_delete=models.PROTECT, related_name="%(class)s")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["fund", "fiscal_year", "number"]

    def __str__(self) -> str:
        return f"{self.fiscal_year}/{self.number:04d}"


class Receipt(Document):
    """ใบเสร็จรับเงิน: money that came into the fund."""

    source = models.CharField(_("income"), max_length=20, choices=IncomeSource)
    payer = models.CharField(_("received from"), max_length=200)
    history = HistoricalRecords()

    class Meta(Document.Meta):
        constraints = [
            models.UniqueConstraint(fields=["fund", "fiscal_year", "number"], name="finance_receipt_number")
        ]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")


class PaymentVoucher(Document):
    """ใบเบิกเงิน: money paid to a project, for one of its payment periods (งวด)."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="payment_vouchers")
    period = models.ForeignKey(
        PaymentPeriod,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vouchers",
        verbose_name=_("payment period"),
    )
    payee = models.CharField(_("paid to"), max_length=200)
    history = HistoricalRecords()

    class Meta(Document.Meta):
        constraints = [
            models.UniqueConstraint(fields=["fund", "fiscal_year", "number"], name="finance_voucher_number")
        ]
        verbose_name = _("payment voucher")
        verbose_name_plural = _("payment vouchers")


class Refund(Document):
    """บันทึกการคืนเงิน: a project's unused money returned to the fund, at its closing."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="refunds")
    closing = models.OneToOneField(
        ProjectClosing, null=True, blank=True, on_delete=models.SET_NULL, related_name="refund"
    )
    # The entry that took the refund back out of the books when its closing was reopened (dated
    # the day of the reopening, so no closed month changes); a reversed refund counts for nothing.
    reversal = models.OneToOneField(
        JournalEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_refund"
    )
    history = HistoricalRecords()

    class Meta(Document.Meta):
        constraints = [
            models.UniqueConstraint(fields=["fund", "fiscal_year", "number"], name="finance_refund_number")
        ]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
