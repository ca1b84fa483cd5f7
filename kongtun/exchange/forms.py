"""One row of an imported file is checked by the web's own forms: each row form below is the form
of the page that edits that record, plus the columns that say which record the row is (its key and
the keys of its parent)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import MoneyField, ThaiDateField
from kongtun.exchange.exports import FORMATS, OPTIONAL_COLUMNS
from kongtun.followups.forms import ActivityReportForm
from kongtun.plans.forms import PlanForm
from kongtun.programme.models import Issue, OrgType, SupportType, TargetGroup
from kongtun.projects.forms import ActivityForm, BudgetLineForm, GeneralForm, PeriodForm, ResultsForm
from kongtun.projects.models import ExpenseGroup, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MIN_YEAR, MAX_YEAR = 2500, 2700


def _key(required: bool = False) -> forms.CharField:
    return forms.CharField(max_length=40, required=required)


def _year() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Fiscal year (B.E.)"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "min_value": _("the fiscal year must be a Buddhist-Era year such as 2568."),
            "max_value": _("the fiscal year must be a Buddhist-Era year such as 2568."),
        },
    )


def _by_code(model: Any, label: StrOrPromise) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        model.objects.all(),
        to_field_name="code",
        required=False,
        label=label,
        error_messages={"invalid_choice": _("unknown code “%(value)s”.")},
    )


class ProjectRowForm(GeneralForm, PeriodForm, ResultsForm):
    key = _key()
    fund_code = forms.CharField(label=_("Fund code"), max_length=10)
    fiscal_year = _year()
    code = forms.CharField(label=_("Project code"), max_length=30, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    plans = forms.CharField(label=_("Plans (issue codes)"), required=False)
    support_type = _by_code(SupportType, _("Support type"))
    org_type = _by_code(OrgType, _("Responsible organisation type"))
    main_target_group = _by_code(TargetGroup, _("Main target group"))
    rationale = forms.CharField(label=_("Situation and rationale"), required=False)
    meeting_no = forms.CharField(label=_("Committee meeting no."), max_length=50, required=False)
    meeting_date = ThaiDateField(label=_("Meeting date"), required=False)
    approved_budget = MoneyField(label=_("Approved amount (baht)"), required=False)
    decision_note = forms.CharField(label=_("Decision note / reason"), required=False)
    report_due_date = ThaiDateField(label=_("Report due date"), required=False)
    agreement_no = forms.CharField(label=_("Agreement no."), max_length=50, required=False)

    def clean_plans(self) -> list[str]:
        return sorted({c.strip() for c in (self.cleaned_data.get("plans") or "").split(";") if c.strip()})


class ActivityRowForm(ActivityForm):
    key = _key()
    project_key = _key(required=True)
    order = forms.IntegerField(label=_("No."), min_value=0, required=False)


class BudgetLineRowForm(BudgetLineForm):
    activity_key = _key(required=True)
    line = forms.IntegerField(label=_("No."), min_value=1, required=False)
    amount = MoneyField(label=_("Amount (baht)"), required=False)

    def clean_description(self) -> str:
        description: str = (self.cleaned_data.get("description") or "").strip()
        if not description:
            raise forms.ValidationError(_("Enter the item."))
        return description


def _report_fields() -> dict[str, forms.Field]:
    """The activity report page's own fields (title, date, what was done…), one spending column per
    expense group as on that page, and the participants as `group|planned|actual; …`."""
    names = (
        *("title", "date", "done", "results", "actual_output_count", "rating", "problems"),
        *("suggestions", "help_needed"),
    )
    fields = {name: copy.deepcopy(ActivityReportForm.base_fields[name]) for name in names}
    fields |= {
        f"spending_{value}": MoneyField(
            label=_("Spent on %(group)s (baht)") % {"group": label}, required=False
        )
        for value, label in ExpenseGroup.choices
    }
    return fields


class ReportRowForm(forms.Form):
    key = _key()
    project_key = _key(required=True)
    activity_key = _key()
    mentor_advice = forms.CharField(label=_("Mentor's advice"), required=False)
    participants = forms.CharField(label=_("Participants"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_report_fields())

    def clean_participants(self) -> list[dict[str, Any]]:
        rows = []
        for part in (self.cleaned_data.get("participants") or "").split(";"):
            if not part.strip():
                continue
            bits = part.rsplit("|", 2)
            if len(bits) != 3 or not bits[1].strip().isdigit() or not bits[2].strip().isdigit():
                raise forms.ValidationError(
                    _("write the participants as group|planned|actual; for example ผู้สูงอายุ|30|28.")
                )
            rows.append({"name": bits[0].strip(), "planned": int(bits[1]), "actual": int(bits[2])})
        return rows


class PlanRowForm(PlanForm):
    fund_code = forms.CharField(label=_("Fund code"), max_length=10)
    fiscal_year = _year()
    issue_code = forms.ModelChoiceField(
        Issue.objects.all(),
        to_field_name="code",
        label=_("Issue code"),
        error_messages={"invalid_choice": _("unknown issue “%(value)s”.")},
    )


class SituationRowForm(forms.Form):
    """The columns of the situation app's template (its import checks the values)."""

    fund_code = forms.CharField(label=_("Fund code"))
    fiscal_year = _year()
    indicator_code = forms.CharField(label=_("Indicator code"))
    indicator_name = forms.CharField(label=_("Indicator"), required=False)
    unit = forms.CharField(label=_("Unit"), required=False)
    value = forms.DecimalField(label=_("Value"))
    source = forms.CharField(label=_("Source"), required=False)
    survey_date = ThaiDateField(label=_("Survey date"), required=False)


ROW_FORMS: dict[str, type[forms.Form]] = {
    "situation-values": SituationRowForm,
    "plans": PlanRowForm,
    "projects": ProjectRowForm,
    "activities": ActivityRowForm,
    "budget-lines": BudgetLineRowForm,
    "activity-reports": ReportRowForm,
}


def columns_of(entity: str) -> list[tuple[str, str, bool]]:
    """(column, its Thai label, whether the import needs it) for the formats page."""
    fields = ROW_FORMS[entity]().fields
    return [
        (
            name,
            str(fields[name].label or "") if name in fields else "",
            name in fields and fields[name].required and name not in OPTIONAL_COLUMNS,
        )
        for name in FORMATS[entity].columns
    ]


class ImportForm(forms.Form):
    entity = forms.ChoiceField(
        label=_("What the file holds"), choices=[(f.name, f.label) for f in FORMATS.values()]
    )
    file = forms.FileField(label=_("File (.xlsx or .csv)"))


class Dhis2ImportForm(forms.Form):
    file = forms.FileField(label=_("DHIS2 file (dataValueSet .json or ADX .xml)"))
