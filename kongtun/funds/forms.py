from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kongtun.areas.models import Subdistrict
from kongtun.core.forms import CountField, FiscalYearField, MoneyField
from kongtun.funds.models import Fund, ProgrammeRole


class FundForm(forms.ModelForm):
    subdistricts = forms.ModelMultipleChoiceField(
        label=_("Sub-districts covered"),
        queryset=Subdistrict.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choices"}),
    )

    class Meta:
        model = Fund
        fields = ["name", "lg_type", "lg_name", "subdistricts", "address", "phone", "email"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer the sub-districts of the fund's own district and those it already covers elsewhere
        # (an unlisted one would be dropped on save); listing all 7,436 would bury them.
        fund: Fund = self.instance
        choices = Subdistrict.objects.filter(Q(district=fund.district_id) | Q(funds=fund)).distinct()
        self.fields["subdistricts"].queryset = choices  # type: ignore[attr-defined]


class FundYearForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("Fiscal year (B.E.)"))
    programme_role = forms.ChoiceField(label=_("Programme role"), choices=ProgrammeRole.choices)
    registered_population = CountField(label=_("Registered population"), required=False)
    lg_revenue = MoneyField(label=_("Local-government revenue (baht)"), required=False)
    carry_over = MoneyField(label=_("Balance carried over (baht)"), required=False)
