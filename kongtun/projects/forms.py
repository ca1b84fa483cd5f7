"""Forms of the proposal editor. Each section of the proposal has an editor: the forms of one step,
their validation, and a `save()` that calls the section's service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kongtun.core.forms import CountField, MoneyField, ThaiDateField
from kongtun.core.thai import fiscal_year_of
from kongtun.plans.models import Plan
from kongtun.programme.models import Indicator, OrgType, SupportType, TargetGroup
from kongtun.projects import services
from kongtun.projects.models import Activity, ExpenseGroup, Project

_DECIMAL = {"inputmode": "decimal"}


def _current_fiscal_year() -> int:
    return fiscal_year_of(timezone.localdate())


def _fiscal_year_choices() -> list[tuple[int, int]]:
    current = fiscal_year_of(timezone.localdate())
    return [(y, y) for y in range(current + 1, current - 3, -1)]


class ProjectStartForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=300)
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year (B.E.)"), coerce=int, choices=_fiscal_year_choices, initial=_current_fiscal_year
    )
    organisation = forms.CharField(label=_("Proposing organisation"), max_length=300, required=False)


class GeneralForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=300)
    organisation = forms.CharField(label=_("Proposing organisation"), max_length=300, required=False)
    responsible_people = forms.CharField(
        label=_("Responsible people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Names and roles, one person a line."),
    )
    location = forms.CharField(label=_("Area / location"), max_length=300, required=False)


class PlansForm(forms.Form):
    plans = forms.ModelMultipleChoiceField(
        label=_("Plans this project belongs to"),
        queryset=Plan.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A project can belong to more than one plan."),
    )
    support_type = forms.ModelChoiceField(
        label=_("Support type (NHSO announcement)"),
        queryset=SupportType.objects.filter(is_active=True),
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    org_type = forms.ModelChoiceField(
        label=_("Type of responsible organisation"),
        queryset=OrgType.objects.filter(is_active=True),
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    main_target_group = forms.ModelChoiceField(
        label=_("Main target group"),
        queryset=TargetGroup.objects.filter(is_active=True),
        required=False,
        empty_label=_("– choose –"),
    )

    def __init__(self, *args: Any, fund_id: int, fiscal_year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["plans"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Plan.objects.filter(fund_id=fund_id, fiscal_year=fiscal_year).select_related("issue")
        field.label_from_instance = lambda obj: str(obj.issue)  # type: ignore[method-assign]
        if not field.queryset.exists():
            field.help_text = _("The fund has no plan for fiscal year %(year)s yet.") % {"year": fiscal_year}


class SituationForm(forms.Form):
    rationale = forms.CharField(
        label=_("Situation and rationale"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class ProblemForm(forms.Form):
    problem = forms.CharField(label=_("Problem"), max_length=500, required=False)
    size = forms.DecimalField(
        label=_("Size of the problem"),
        max_digits=14,
        decimal_places=2,
        required=False,
        widget=forms.TextInput(_DECIMAL),
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.filter(is_active=True), required=False
    )


class ObjectiveRowForm(forms.Form):
    objective = forms.CharField(
        label=_("Objective"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty to add another indicator to the objective above."),
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator from the programme list"),
        queryset=Indicator.objects.filter(is_active=True).select_related("issue"),
        required=False,
        help_text=_("Its baseline comes from the fund's situation data."),
    )
    name = forms.CharField(label=_("Indicator (own wording)"), max_length=300, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.DecimalField(
        label=_("Baseline"), max_digits=14, decimal_places=2, required=False, widget=forms.TextInput(_DECIMAL)
    )
    target = forms.DecimalField(
        label=_("Target"), max_digits=14, decimal_places=2, required=False, widget=forms.TextInput(_DECIMAL)
    )


class TargetGroupRowForm(forms.Form):
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.filter(is_active=True),
        required=False,
        empty_label=_("– choose –"),
    )
    name = forms.CharField(label=_("Described as"), max_length=200, required=False)
    planned_count = CountField(
        label=_("Planned (persons)"),
        required=False,
        widget=forms.TextInput({"inputmode": "numeric"}),
    )


class PeriodForm(forms.Form):
    start_date = ThaiDateField(label=_("From"), required=False)
    end_date = ThaiDateField(label=_("To"), required=False)


class ResultsForm(forms.Form):
    expected_results = forms.CharField(
        label=_("Expected results"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    abstract = forms.CharField(label=_("Abstract"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=300)
    details = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    planned_output = forms.CharField(
        label=_("Planned output"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    planned_output_count = CountField(
        label=_("Planned output (count)"),
        required=False,
        widget=forms.TextInput({"inputmode": "numeric"}),
    )
    start_date = ThaiDateField(label=_("From"), required=False)
    end_date = ThaiDateField(label=_("To"), required=False)


class BudgetLineForm(forms.Form):
    expense_group = forms.ChoiceField(label=_("Expense group"), choices=ExpenseGroup.choices)
    description = forms.CharField(label=_("Item"), max_length=300, required=False)
    quantity = forms.DecimalField(
        label=_("Quantity"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
        widget=forms.TextInput({"inputmode": "decimal", "class": "js-qty"}),
    )
    unit_cost = MoneyField(
        label=_("Unit cost (baht)"),
        required=False,
        widget=forms.TextInput({"inputmode": "decimal", "class": "js-cost"}),
    )


ProblemFormSet = formset_factory(ProblemForm, extra=1)
ObjectiveFormSet = formset_factory(ObjectiveRowForm, extra=1)
TargetGroupFormSet = formset_factory(TargetGroupRowForm, extra=1)
BudgetLineFormSet = formset_factory(BudgetLineForm, extra=2)


class DecisionForm(forms.Form):
    meeting_no = forms.CharField(label=_("Committee meeting no."), max_length=50)
    meeting_date = ThaiDateField(label=_("Meeting date"))
    approved_budget = MoneyField(label=_("Approved amount (baht)"))
    report_due_date = ThaiDateField(label=_("Report due date"))
    agreement_no = forms.CharField(label=_("Agreement no."), max_length=50, required=False)
    comment = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    comment = forms.CharField(label=_("Comment / reason"), widget=forms.Textarea(attrs={"rows": 3}))


class RejectForm(ReasonForm):
    meeting_no = forms.CharField(label=_("Committee meeting no."), max_length=50, required=False)
    meeting_date = ThaiDateField(label=_("Meeting date"), required=False)


class NoteForm(forms.Form):
    comment = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


# The name of each change, on its button and as the title of its page.
TRANSITION_TITLES = {
    "submit": _("Submit the proposal"),
    "return": _("Return for revision"),
    "cancel": _("Cancel the proposal"),
    "approve": _("Record the approval"),
    "reject": _("Record that it was not approved"),
}

# What each change does, said on its page above the form.
TRANSITION_INTROS = {
    "submit": _(
        "The fund officer is told and receives the proposal; you cannot edit it while it is with the fund."
    ),
    "return": _(
        "The proposer is told and can edit the proposal and submit it again. "
        "Say clearly what to revise; the proposer sees it at the top of every step."
    ),
    "cancel": _("The proposal is closed and cannot be submitted again. Give the reason."),
    "approve": _(
        "Record the committee's resolution. The approved amount may be lower than requested. "
        "The proposal becomes a running project and gets its project code."
    ),
    "reject": _("Record the committee's resolution. The proposer is told, with your reason."),
}


class CommentForm(forms.Form):
    section = forms.TypedChoiceField(label=_("Section"), coerce=str, choices=())
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, sections: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = sections  # type: ignore[attr-defined]


class ReplyForm(forms.Form):
    reply_to = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))


class WindowForm(forms.Form):
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year (B.E.)"), coerce=int, choices=_fiscal_year_choices, initial=_current_fiscal_year
    )
    opens_on = ThaiDateField(label=_("Opens on"))
    closes_on = ThaiDateField(label=_("Closes on"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


# --- section editors: the forms of one step and the service that saves them ----------------------


class SectionEditor:
    """The forms of one section. `forms` are plain forms, `formsets` formsets; `save()` calls the
    section's service and may raise ValidationError, which `add_error` shows on the page."""

    template = ""

    def __init__(self, project: Project, data: Any = None) -> None:
        self.project = project
        self.data = data
        self.form: forms.Form | None = None
        self.formset: Any = None
        self.formset_title: Any = ""
        self.non_field_errors: list[str] = []
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def is_valid(self) -> bool:
        ok = self.form.is_valid() if self.form is not None else True
        if self.formset is not None:
            ok = self.formset.is_valid() and ok
        return ok

    def add_error(self, exc: ValidationError) -> None:
        if self.form is not None and hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                target = name if name in self.form.fields else None
                for error in errors:
                    self.form.add_error(target, error)
        else:
            self.non_field_errors.extend(exc.messages)

    def rows(self) -> list[dict[str, Any]]:
        """The formset's filled rows, in order, without deleted ones."""
        return [
            f.cleaned_data
            for f in self.formset.forms
            if f.cleaned_data
            and not f.cleaned_data.get("DELETE")
            and any(v not in (None, "") for v in f.cleaned_data.values())
        ]

    def save(self) -> None:
        raise NotImplementedError


class GeneralEditor(SectionEditor):
    def build(self) -> None:
        p = self.project
        initial = {
            "title": p.title,
            "organisation": p.organisation,
            "responsible_people": p.responsible_people,
            "location": p.location,
        }
        self.form = GeneralForm(self.data, initial=initial)

    def save(self) -> None:
        assert self.form is not None
        services.project_update_general(project=self.project, **self.form.cleaned_data)


class PlansEditor(SectionEditor):
    def build(self) -> None:
        p = self.project
        initial = {
            "plans": list(p.plans.all()),
            "support_type": p.support_type_id,
            "org_type": p.org_type_id,
            "main_target_group": p.main_target_group_id,
        }
        self.form = PlansForm(self.data, initial=initial, fund_id=p.fund_id, fiscal_year=p.fiscal_year)

    def save(self) -> None:
        assert self.form is not None
        services.project_update_plans(project=self.project, **self.form.cleaned_data)


class SituationEditor(SectionEditor):
    def build(self) -> None:
        p = self.project
        self.form = SituationForm(self.data, initial={"rationale": p.rationale})
        initial = [
            {"problem": x.problem, "size": x.size, "indicator": x.indicator_id} for x in p.problems.all()
        ]
        self.formset = ProblemFormSet(self.data, initial=initial, prefix="problems")
        self.formset_title = _("Problems of the area and their size")

    def save(self) -> None:
        assert self.form is not None
        services.project_update_situation(
            project=self.project, rationale=self.form.cleaned_data["rationale"], problems=self.rows()
        )


class ObjectivesEditor(SectionEditor):
    def build(self) -> None:
        initial = []
        for objective in self.project.objectives.prefetch_related("indicators"):
            indicators: list[Any] = list(objective.indicators.all()) or [None]
            for i, ind in enumerate(indicators):
                row: dict[str, Any] = {"objective": objective.text if i == 0 else ""}
                if ind is not None:
                    row.update(
                        indicator=ind.indicator_id,
                        name=ind.name,
                        unit=ind.unit,
                        baseline=ind.baseline,
                        target=ind.target,
                    )
                initial.append(row)
        self.formset = ObjectiveFormSet(self.data, initial=initial, prefix="objectives")
        self.formset_title = _("Objectives, each with its indicators")

    def objectives(self) -> list[dict[str, Any]]:
        """Rows with an objective start a new objective; rows without one add an indicator to it."""
        result: list[dict[str, Any]] = []
        for row in self.rows():
            text = (row.get("objective") or "").strip()
            if text or not result:
                result.append({"text": text, "indicators": []})
            if row.get("indicator") or (row.get("name") or "").strip():
                result[-1]["indicators"].append(
                    {k: row.get(k) for k in ("indicator", "name", "unit", "baseline", "target")}
                )
        if result and not result[0]["text"]:
            raise ValidationError(_("Write the objective in the first row."))
        return result

    def save(self) -> None:
        services.project_update_objectives(project=self.project, objectives=self.objectives())


class TargetGroupsEditor(SectionEditor):
    def build(self) -> None:
        initial = [
            {"target_group": g.target_group_id, "name": g.name, "planned_count": g.planned_count}
            for g in self.project.target_groups.all()
        ]
        self.formset = TargetGroupFormSet(self.data, initial=initial, prefix="groups")
        self.formset_title = _("Target groups and how many people")

    def save(self) -> None:
        services.project_update_target_groups(project=self.project, groups=self.rows())


class PeriodEditor(SectionEditor):
    def build(self) -> None:
        p = self.project
        self.form = PeriodForm(self.data, initial={"start_date": p.start_date, "end_date": p.end_date})

    def save(self) -> None:
        assert self.form is not None
        services.project_update_period(project=self.project, **self.form.cleaned_data)


class ActivitiesEditor(SectionEditor):
    """Step 7 lists the activities; each is edited on its own page (`ActivityEditor`)."""

    def build(self) -> None:
        pass

    def save(self) -> None:
        pass


class ResultsEditor(SectionEditor):
    def build(self) -> None:
        p = self.project
        self.form = ResultsForm(
            self.data, initial={"expected_results": p.expected_results, "abstract": p.abstract}
        )

    def save(self) -> None:
        assert self.form is not None
        services.project_update_results(project=self.project, **self.form.cleaned_data)


EDITORS: dict[int, type[SectionEditor]] = {
    1: GeneralEditor,
    2: PlansEditor,
    3: SituationEditor,
    4: ObjectivesEditor,
    5: TargetGroupsEditor,
    6: PeriodEditor,
    7: ActivitiesEditor,
    8: ResultsEditor,
}


class ActivityEditor(SectionEditor):
    def __init__(self, project: Project, data: Any = None, activity: Activity | None = None) -> None:
        self.activity = activity
        super().__init__(project, data)

    def build(self) -> None:
        a = self.activity
        initial: dict[str, Any] = {}
        lines: list[dict[str, Any]] = []
        if a is not None:
            initial = {f: getattr(a, f) for f in ActivityForm.base_fields}
            lines = [
                {
                    "expense_group": x.expense_group,
                    "description": x.description,
                    "quantity": x.quantity,
                    "unit_cost": x.unit_cost or x.amount,
                }
                for x in a.budget_lines.all()
            ]
        self.form = ActivityForm(self.data, initial=initial)
        self.formset = BudgetLineFormSet(self.data, initial=lines, prefix="lines")
        self.formset_title = _("Budget lines")

    def save(self) -> None:
        assert self.form is not None
        lines = [r for r in self.rows() if (r.get("description") or "").strip()]
        self.activity = services.activity_save(
            project=self.project, activity=self.activity, budget_lines=lines, **self.form.cleaned_data
        )
