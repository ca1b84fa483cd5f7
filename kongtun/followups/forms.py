from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import CountField, MoneyField, ThaiDateField, rating_errors
from kongtun.followups.checklists import VALUE_ITEMS
from kongtun.followups.models import ClosingStatus, Rating, ReportPhoto, SatisfactionQuestion, ValueDimension
from kongtun.followups.selectors import participants_by_group
from kongtun.followups.services import REPORT_FIELDS
from kongtun.projects.models import Activity, ExpenseGroup, Project


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos at once from the phone camera; each is checked by the service."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*", "multiple": True}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ActivityReportForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("— An activity that was not in the plan —"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the planned activity's title."),
    )
    date = ThaiDateField(label=_("Date of the activity"))
    done = forms.CharField(
        label=_("What was done"),
        widget=_textarea(5),
        help_text=_("The details of what was actually done."),
    )
    results = forms.CharField(
        label=_("What actually came of it"),
        widget=_textarea(5),
        required=False,
        help_text=_("Outputs / outcomes / the key results of the activity."),
    )
    actual_output_count = CountField(
        label=_("Actual output (count)"),
        required=False,
        help_text=_("Leave it empty to count the persons taking part."),
    )
    rating = forms.TypedChoiceField(
        label=_("Achievement"),
        choices=Rating.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages=rating_errors(),
    )
    problems = forms.CharField(label=_("Problems"), widget=_textarea(3), required=False)
    suggestions = forms.CharField(label=_("Suggestions"), widget=_textarea(3), required=False)
    help_needed = forms.CharField(label=_("Help needed from the mentor"), widget=_textarea(3), required=False)
    photos = PhotosField(
        label=_("Photos"),
        help_text=_("Several photos at once; JPEG, PNG or WebP, up to 10 MB each."),
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["activity"].queryset = project.activities.all()  # type: ignore[attr-defined]
        self.target_groups = list(project.target_groups.all())
        for group in self.target_groups:
            self.fields[f"participants_{group.pk}"] = CountField(
                label=_("%(group)s: persons taking part (planned %(planned)s)")
                % {"group": group.name, "planned": group.planned_count},
                required=False,
            )
        for value, label in ExpenseGroup.choices:
            self.fields[f"spending_{value}"] = MoneyField(
                label=_("Spent on %(group)s (baht)") % {"group": label}, required=False
            )
        participants = [f"participants_{g.pk}" for g in self.target_groups]
        spending = [f"spending_{value}" for value in ExpenseGroup.values]
        self.order_fields(
            [
                *REPORT_ORDER[:5],
                *participants,
                *REPORT_ORDER[5:],
                "photos",
                *spending,
                "problems",
                "suggestions",
                "help_needed",
            ]
        )

    def report_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in REPORT_FIELDS if name in self.cleaned_data} | {
            "activity": self.cleaned_data.get("activity"),
            "title": self.cleaned_data.get("title") or "",
            "actual_output_count": self.cleaned_data.get("actual_output_count"),
        }

    def participants(self) -> list[dict[str, Any]]:
        return [
            {"project_target_group": g, "actual": self.cleaned_data.get(f"participants_{g.pk}") or 0}
            for g in self.target_groups
        ]

    def spending(self) -> list[dict[str, Any]]:
        return [
            {"expense_group": value, "amount": self.cleaned_data.get(f"spending_{value}") or Decimal("0")}
            for value in ExpenseGroup.values
        ]

    @classmethod
    def initial_for(cls, report: Any) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(report, name) for name in REPORT_FIELDS}
        initial["activity"] = report.activity_id
        by_group = {p.group_id: p.actual for p in report.participants.all()}
        for group in report.project.target_groups.all():
            initial[f"participants_{group.pk}"] = by_group.get(group.pk)
        for line in report.spending.all():
            key = f"spending_{line.expense_group}"
            initial[key] = (initial.get(key) or Decimal("0")) + line.amount
        return initial


REPORT_ORDER = ["activity", "title", "date", "done", "results", "actual_output_count", "rating"]


class PhotoForm(forms.Form):
    photos = PhotosField(label=_("Photos"))


class FinalReportPhotosForm(forms.Form):
    """The photos of the project's activity reports to print in its final report."""

    photos = forms.ModelMultipleChoiceField(
        label=_("Photos"),
        queryset=ReportPhoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["photos"].queryset = ReportPhoto.objects.filter(report__project=project)  # type: ignore[attr-defined]

    def photo_ids(self) -> list[int]:
        return [photo.pk for photo in self.cleaned_data["photos"]]


class AdviceForm(forms.Form):
    mentor_advice = forms.CharField(label=_("Mentor's advice"), widget=_textarea(4))


class PeriodForm(forms.Form):
    amount = MoneyField(label=_("Amount (baht)"), required=False)
    due_date = ThaiDateField(label=_("Due date"), required=False)
    paid_on = ThaiDateField(label=_("Paid on"), required=False)


PeriodFormSet = formset_factory(PeriodForm, extra=0)


class ClosingForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How the project ended"), choices=ClosingStatus.choices, widget=forms.RadioSelect
    )
    closed_on = ThaiDateField(label=_("Closing date"))
    returned_amount = MoneyField(
        label=_("Money returned to the fund (baht)"),
        required=False,
        help_text=_("Leave it empty to return all the unused money."),
    )
    note = forms.CharField(label=_("Note"), widget=_textarea(3), required=False)


class ClosingReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why the closing is reopened"), widget=_textarea(3))


class ClosingProblemForm(forms.Form):
    problem = forms.CharField(label=_("Problem or obstacle"), widget=_textarea(2))
    cause = forms.CharField(label=_("Cause"), widget=_textarea(2), required=False)
    suggestion = forms.CharField(label=_("Suggestion"), widget=_textarea(2), required=False)


def _result_label(indicator: Any) -> str:
    if indicator.target is None:
        return _("Result: %(indicator)s") % {"indicator": indicator.name}
    names = {"indicator": indicator.name, "target": indicator.target}
    return _("Result: %(indicator)s (target %(target)s)") % names


class ResultsForm(forms.Form):
    """The final report's numbers: abstract, each indicator's result, persons reached per group."""

    abstract = forms.CharField(label=_("Abstract"), widget=_textarea(6), required=False)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = [i for o in project.objectives.all() for i in o.indicators.all()]
        self.counts = {c.group.pk: c for c in participants_by_group(project) if c.group}
        self.groups = list(project.target_groups.all())
        for ind in self.indicators:
            self.fields[f"result_{ind.pk}"] = forms.DecimalField(
                label=(
                    _("Result: %(indicator)s (target %(target)s)")
                    % {"indicator": ind.name, "target": ind.target}
                    if ind.target is not None
                    else _("Result: %(indicator)s") % {"indicator": ind.name}
                ),
                max_digits=14,
                decimal_places=2,
                required=False,
            )
            self.fields[f"explanation_{ind.pk}"] = forms.CharField(
                label=_("Explanation"), widget=_textarea(2), required=False
            )
        for group in self.groups:
            # A group approved with 0 persons planned (as in seed 002) can get its number here.
            if not group.planned_count:
                self.fields[f"planned_{group.pk}"] = CountField(
                    label=_("%(group)s: persons planned") % {"group": group.name}, required=False
                )
            self.fields[f"actual_{group.pk}"] = CountField(
                label=_("%(group)s: persons reached (planned %(planned)s)")
                % {"group": group.name, "planned": group.planned_count},
                required=False,
                help_text=_(
                    "The activity reports add up to %(reported)s persons. Change it only if the same "
                    "people took part in several activities."
                )
                % {"reported": f"{self.counts[group.pk].reported:,}"},
            )
        if not self.is_bound:
            self.initial.setdefault("abstract", project.abstract)
            for ind in self.indicators:
                self.initial[f"result_{ind.pk}"] = ind.result
                self.initial[f"explanation_{ind.pk}"] = ind.explanation
            for group in self.groups:
                self.initial[f"actual_{group.pk}"] = self.counts[group.pk].actual

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "abstract": data.get("abstract", ""),
            "indicator_results": {
                i.pk: {"result": data.get(f"result_{i.pk}"), "explanation": data.get(f"explanation_{i.pk}")}
                for i in self.indicators
            },
            "target_group_actuals": {g.pk: data.get(f"actual_{g.pk}") for g in self.groups},
            "target_group_planned": {
                g.pk: data[f"planned_{g.pk}"] for g in self.groups if data.get(f"planned_{g.pk}")
            },
        }


class ValueAssessmentForm(forms.Form):
    def __init__(self, *args: Any, saved: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        saved = saved or {}
        self.dimensions = []
        for dimension, items in VALUE_ITEMS.items():
            keys = []
            for key, label in items:
                self.fields[f"achieved_{key}"] = forms.BooleanField(label=label, required=False)
                self.fields[f"evidence_{key}"] = forms.CharField(
                    label=_("Evidence"), widget=_textarea(2), required=False
                )
                if key in saved:
                    self.initial[f"achieved_{key}"] = saved[key].achieved
                    self.initial[f"evidence_{key}"] = saved[key].evidence
                keys.append((self[f"achieved_{key}"], self[f"evidence_{key}"]))
            self.dimensions.append((ValueDimension(dimension).label, keys))

    def items(self) -> dict[str, dict[str, Any]]:
        return {
            key: {
                "achieved": self.cleaned_data.get(f"achieved_{key}"),
                "evidence": self.cleaned_data.get(f"evidence_{key}", ""),
            }
            for items in VALUE_ITEMS.values()
            for key, _label in items
        }


class SatisfactionForm(forms.Form):
    def __init__(self, *args: Any, saved: dict[int, int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(SatisfactionQuestion.objects.filter(active=True))
        for q in self.questions:
            self.fields[f"q_{q.pk}"] = forms.TypedChoiceField(
                label=f"{q.order}. {q.text}",
                choices=[(n, str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
            )
            if saved and q.pk in saved:
                self.initial[f"q_{q.pk}"] = saved[q.pk]

    def scores(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q_{q.pk}"] for q in self.questions}
