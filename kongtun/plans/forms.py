from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import MoneyField
from kongtun.plans.services import plan_target_validate
from kongtun.programme.models import Indicator, OrgType, SupportType

_NUMBER = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


class PlanForm(forms.Form):
    situation = forms.CharField(
        label=_("Situation and problems"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    objective = forms.CharField(label=_("Objective"), widget=forms.Textarea(attrs={"rows": 3}))
    approach = forms.CharField(
        label=_("Approach"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How the fund will work on this issue this year."),
    )
    budget = MoneyField(label=_("Plan budget (baht)"))


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(Indicator.objects.all(), widget=forms.HiddenInput)
    problem = forms.CharField(label=_("Problem"), max_length=500, required=False)
    baseline = forms.DecimalField(
        label=_("Size of the problem now"), required=False, max_digits=14, decimal_places=2, widget=_NUMBER
    )
    target = forms.DecimalField(
        label=_("1-year target"), required=False, max_digits=14, decimal_places=2, widget=_NUMBER
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        indicator = data.get("indicator")
        if indicator is not None and "target" not in self.errors:
            try:
                plan_target_validate(
                    indicator=indicator, baseline=data.get("baseline"), target=data.get("target")
                )
            except ValidationError as exc:
                self.add_error("target", exc.messages)
        return data


class ProjectForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Project title"), max_length=300)
    support_type = forms.ModelChoiceField(SupportType.objects.filter(is_active=True), label=_("Support type"))
    org_type = forms.ModelChoiceField(
        OrgType.objects.filter(is_active=True), label=_("Responsible organisation type")
    )
    budget = MoneyField(label=_("Budget (baht)"), required=False)


TargetFormSet = forms.formset_factory(TargetForm, extra=0)
ProjectFormSet = forms.formset_factory(ProjectForm, extra=2, can_delete=True)


def project_rows(formset: Any) -> list[dict[str, Any]]:
    """The filled-in, not deleted projects of the formset."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("title")
    ]
