"""The officer's forms for the books' documents. Their cleaned data are the keyword arguments of
the services (receipt_create, voucher_create, refund_create), which refuse what the books do not
allow with the same Thai sentences as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import MoneyField, ThaiDateField
from kongtun.core.thai import format_baht
from kongtun.finance.models import Account, AccountRole, IncomeSource
from kongtun.followups.models import PaymentPeriod
from kongtun.funds.models import Fund
from kongtun.projects.models import APPROVED_STATUSES, Project, Status


class ProjectChoiceField(forms.ModelChoiceField[Project]):
    def label_from_instance(self, obj: Project) -> str:
        return " ".join(part for part in (obj.code, obj.title) if part)


class PeriodChoiceField(forms.ModelChoiceField[PaymentPeriod]):
    def label_from_instance(self, obj: PaymentPeriod) -> str:
        names = {"number": obj.number, "amount": format_baht(obj.amount)}
        if obj.paid_on:
            return _("Period %(number)s · %(amount)s (paid)") % names
        return _("Period %(number)s · %(amount)s") % names


class BooksDocumentForm(forms.Form):
    """What every document asks: the day, the amount, the cash or bank account and a note."""

    date = ThaiDateField(label=_("Date"))
    amount = MoneyField(label=_("Amount (baht)"))
    money_account = forms.ModelChoiceField(
        queryset=Account.objects.none(),
        required=False,
        label=_("Cash or bank account"),
        empty_label=_("The fund's bank deposit"),
    )
    description = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, fund: Fund, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fund = fund
        self.fields["date"].initial = timezone.localdate()
        money = self.fields["money_account"]
        assert isinstance(money, forms.ModelChoiceField)
        money.queryset = Account.objects.filter(
            fund=fund, role__in=(AccountRole.CASH, AccountRole.BANK), is_active=True
        )


class ReceiptForm(BooksDocumentForm):
    """ใบเสร็จรับเงิน."""

    source = forms.ChoiceField(label=_("Income"), choices=IncomeSource.choices, widget=forms.RadioSelect)
    payer = forms.CharField(label=_("Received from"), max_length=200)
    field_order = ["source", "date", "payer", "amount", "money_account", "description"]


class VoucherForm(BooksDocumentForm):
    """ใบเบิกเงิน: a running project of the fund and one of its payment periods (listed again by
    HTMX when the project is chosen)."""

    project = ProjectChoiceField(queryset=Project.objects.none(), label=_("Project"))
    period = PeriodChoiceField(
        queryset=PaymentPeriod.objects.none(),
        required=False,
        label=_("Payment period"),
        empty_label=_("— No period —"),
    )
    payee = forms.CharField(label=_("Paid to"), max_length=200)
    field_order = ["project", "period", "date", "payee", "amount", "money_account", "description"]

    def __init__(self, fund: Fund, *args: Any, **kwargs: Any) -> None:
        super().__init__(fund, *args, **kwargs)
        project = self.fields["project"]
        assert isinstance(project, ProjectChoiceField)
        project.queryset = Project.objects.filter(fund=fund, status=Status.RUNNING).order_by("code", "pk")
        project.widget.attrs.update(
            {
                "hx-get": reverse("finance:voucher_periods", args=[fund.code]),
                "hx-target": "#id_period",
                "hx-trigger": "change",
            }
        )
        chosen = self.data.get("project") if self.is_bound else self.initial.get("project")
        period = self.fields["period"]
        assert isinstance(period, PeriodChoiceField)
        if str(chosen or "").isdigit():
            period.queryset = PaymentPeriod.objects.filter(project_id=int(str(chosen)), project__fund=fund)


class RefundForm(BooksDocumentForm):
    """บันทึกการคืนเงิน: money a project the fund has paid brings back."""

    project = ProjectChoiceField(queryset=Project.objects.none(), label=_("Project"))
    field_order = ["project", "date", "amount", "money_account", "description"]

    def __init__(self, fund: Fund, *args: Any, **kwargs: Any) -> None:
        super().__init__(fund, *args, **kwargs)
        project = self.fields["project"]
        assert isinstance(project, ProjectChoiceField)
        project.queryset = (
            Project.objects.filter(fund=fund, status__in=APPROVED_STATUSES, payment_vouchers__isnull=False)
            .distinct()
            .order_by("code", "pk")
        )
