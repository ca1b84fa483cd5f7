"""The follow-up's printed documents, each built once and rendered to every format it is offered in.

The final report (รายงานฉบับสมบูรณ์) follows seed 002 part by part; each part is one function over
`selectors.final_report_context`, so a change to what a part prints (participants counted from the
activity reports, chosen photos) is a change to the selector and to that function alone.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kongtun.core.thai import format_baht, format_date
from kongtun.followups.models import ActivityReport
from kongtun.followups.selectors import ActivityResult, final_report_context
from kongtun.projects.models import Project
from kongtun.reports.document import (
    Block,
    BulletList,
    Cell,
    Column,
    Contents,
    Document,
    Heading,
    Image,
    Images,
    KeyValues,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Signature,
    Span,
    Table,
    redacted,
)

DOTS = "................................"


def final_report_document(project: Project, *, public: bool = False) -> Document:
    """The final report; `public=True` gives it as everyone may read it (no leaders' names, no
    phone numbers, e-mail addresses or ID numbers)."""
    ctx = final_report_context(project, public=public)
    document = Document(
        title=" ".join((_("Final report"), ctx["project"].title)),
        filename=f"final-report-{project.pk}",
        blocks=[
            _cover(ctx),
            PageBreak(),
            *_acknowledgements(ctx),
            PageBreak(),
            *_abstract(ctx),
            PageBreak(),
            Contents(_("Contents")),
            PageBreak(),
            *_background(ctx),
            PageBreak(),
            *_part1(ctx["results"]),
            *_photos(ctx["results"]),
            PageBreak(),
            *_part2(ctx),
            _closing(ctx),
        ],
    )
    return redacted(document) if public else document


def _cover(ctx: dict[str, Any]) -> Section:
    project = ctx["project"]
    blocks: list[Block] = [
        Heading(_("Final report"), level=1),
        Paragraph(ctx["funder"]),
        Paragraph([Span(f"“ {project.title} ”", bold=True)]),
        Paragraph(ctx["area"]),
    ]
    if ctx["leaders"]:
        blocks += [Paragraph([Span(_("Project leaders"), bold=True)]), Paragraph(ctx["leaders"])]
    period = _("from %(start)s to %(end)s") % {
        "start": format_date(project.start_date),
        "end": format_date(project.end_date),
    }
    blocks.append(
        KeyValues(
            [
                (_("Project title"), project.title),
                (_("Address"), " ".join((ctx["area"], _("Province"), ctx["province"]))),
                (_("Project code"), project.code or ""),
                (_("Agreement no."), project.agreement_no),
                (_("Period"), period),
            ]
        )
    )
    return Section(blocks, cover=True)


def _acknowledgements(ctx: dict[str, Any]) -> list[Block]:
    return [
        Heading(_("Acknowledgements"), anchor="fr-ack"),
        *(Paragraph(sentence, indent=True) for sentence in ctx["acknowledgement"]),
        Paragraph("\n".join((_("The project team"), ctx["project"].title)), align="right"),
    ]


def _abstract(ctx: dict[str, Any]) -> list[Block]:
    abstract = ctx["project"].abstract
    return [
        Heading(_("Abstract"), anchor="fr-abstract"),
        Paragraph(ctx["abstract_intro"], indent=True),
        Paragraph(abstract, indent=True)
        if abstract
        else Paragraph(_("No abstract has been written for this project yet."), muted=True),
    ]


def _groups_planned(ctx: dict[str, Any]) -> Table:
    return Table(
        [Column(_("Target group"), 12), Column(pgettext("final report", "Planned (persons)"), 4.5, "int")],
        [Row([g.name, g.planned]) for g in ctx["target_groups"] if g.group],
    )


def _background(ctx: dict[str, Any]) -> list[Block]:
    project = ctx["project"]
    blocks: list[Block] = [
        Heading(_("Background and rationale"), anchor="fr-background"),
        Paragraph(project.rationale or "-", indent=True),
    ]
    situation = list(project.problems.all())
    if situation:
        blocks += [
            Heading(_("Situation"), level=3),
            Table(
                [Column(_("Problem"), 13), Column(_("Size"), 3.5, "number")],
                [Row([p.problem, p.size]) for p in situation],
            ),
        ]
    return [
        *blocks,
        Heading(_("Objectives"), anchor="fr-objectives"),
        BulletList([o.text for o in ctx["objectives"]]),
        Heading(_("Activities"), anchor="fr-activities"),
        BulletList([r.title for r in ctx["results"]]),
        Heading(_("Target groups"), anchor="fr-groups"),
        _groups_planned(ctx),
        Heading(_("Expected results"), anchor="fr-expected"),
        Paragraph(project.expected_results or "-", indent=True),
    ]


def _part1(results: list[ActivityResult]) -> list[Block]:
    """Per activity: its planned and actual output, then what each of its reports says."""
    rows: list[Row] = []
    for result in results:
        rows.append(
            Row(
                [
                    [Span(f"{result.number}. {result.title}", bold=True)],
                    result.planned_count,
                    result.actual_count,
                ],
                "group",
            )
        )
        for report in result.reports:
            date = _("Date %(date)s") % {"date": format_date(report.date)}
            done = [
                Span(date, bold=True),
                Span(" · "),
                Span(_("What was done"), italic=True),
                Span(f"\n{report.done or '-'}"),
            ]
            outcome = [Span(_("Outputs / outcomes") + "**", italic=True), Span(f"\n{report.results or '-'}")]
            rows += [Row([Cell(done, colspan=3)]), Row([Cell(outcome, colspan=3)])]
        if not result.reports:
            rows.append(Row([Cell([Span(_("No report of this activity."), muted=True)], colspan=3)]))
    columns = [
        Column(_("Activities of the project"), 11.5),
        Column(_("Planned output*"), 2.5, "int"),
        Column(_("Actual output"), 2.5, "int"),
    ]
    return [
        Heading(_("Part 1: Results of the work"), anchor="fr-part1"),
        Table(columns, rows),
        *(Paragraph(note, muted=True, small=True) for note in _notes()),
    ]


def _photos(results: list[ActivityResult]) -> list[Block]:
    """The photos chosen for the report, under the number and title of their activity."""
    blocks: list[Block] = []
    for result in results:
        if result.photos:
            images = [Image(src=p.print_src, url=p.thumbnail_url, caption=p.caption) for p in result.photos]
            blocks += [Paragraph([Span(f"{result.number}. {result.title}", bold=True)]), Images(images)]
    return [Heading(_("Photos of the activities"), level=3, anchor="fr-photos"), *blocks] if blocks else []


def _notes() -> list[str]:
    return [
        _(
            "* An output is the quantity an activity produced, such as the number of people at a meeting "
            "or trained, or of households growing vegetables."
        ),
        _(
            "** An outcome is a change that leads to solving the problem, such as how many people changed "
            "their behaviour after training, or a community rule that changes behaviour or the environment. "
            "Back it with evidence: a list of leaders, a summary of a knowledge test, photos of the activity "
            "with captions."
        ),
    ]


def _objectives(ctx: dict[str, Any]) -> Table:
    rows = []
    for number, objective in enumerate(ctx["objectives"], start=1):
        indicators = list(objective.indicators.all())
        for ind in indicators:
            unit = f" ({ind.unit})" if ind.unit else ""
            name = [
                Span(f"{number}. {objective.text}\n"),
                Span(_("Indicator") + f": {ind.name}{unit}", muted=True),
            ]
            rows.append(Row([name, ind.baseline, ind.target, ind.result, ind.explanation]))
        if not indicators:
            rows.append(Row([f"{number}. {objective.text}", None, None, None, ""]))
    columns = [
        Column(_("Objective"), 6.4),
        Column(_("Situation"), 2.3, "decimal"),
        Column(_("Target"), 2.1, "decimal"),
        Column(_("Result"), 2.1, "decimal"),
        Column(_("Explanation"), 3.6),
    ]
    return Table(columns, rows, small=True)


def _participants(ctx: dict[str, Any]) -> Table:
    rows = [Row([g.name, g.planned, g.actual]) for g in ctx["target_groups"]]
    rows.append(Row([_("All target groups"), ctx["planned_total"], ctx["actual_total"]], "total"))
    columns = [
        Column(_("Target group"), 8.5),
        Column(pgettext("final report", "Planned (persons)"), 4, "int"),
        Column(_("Took part (persons)"), 4, "int"),
    ]
    return Table(columns, rows)


def _budget(ctx: dict[str, Any]) -> Paragraph:
    text = _("Budget approved %(approved)s, spent %(spent)s.") % {
        "approved": format_baht(ctx["approved"]),
        "spent": format_baht(ctx["spent"]),
    }
    if ctx["closing"]:
        returned = format_baht(ctx["closing"].returned_amount)
        text += " " + _("Money returned to the fund %(returned)s.") % {"returned": returned}
    return Paragraph(text)


def _part2(ctx: dict[str, Any]) -> list[Block]:
    problems = Table(
        [Column(_("Problem or obstacle"), 6), Column(_("Cause"), 5), Column(_("Suggestion"), 5.5)],
        [Row([p.problem, p.cause, p.suggestion]) for p in ctx["problems"]],
    )
    blocks: list[Block] = [
        Heading(_("Part 2: Results by objective"), anchor="fr-part2"),
        _objectives(ctx),
        Heading(_("Participants"), level=3),
        _participants(ctx),
        Heading(_("Abstract") + "*", level=3),
        Paragraph(ctx["project"].abstract or "-", indent=True),
        Heading(_("Problems and suggestions"), level=3, anchor="fr-problems"),
        problems,
        _budget(ctx),
    ]
    if ctx["values"]:
        blocks += [
            Heading(_("Value assessment"), level=3),
            Table(
                [Column(_("Dimension"), 4), Column(_("Item"), 6.5), Column(_("Evidence"), 6)],
                [Row([dimension, label, v.evidence]) for v, label, dimension in ctx["values"]],
            ),
        ]
    if ctx["satisfaction"]:
        rows = [Row([s.question.text, s.score]) for s in ctx["satisfaction"]]
        rows.append(Row([_("Average"), ctx["satisfaction_average"]], "total"))
        blocks += [
            Heading(_("Satisfaction"), level=3),
            Table([Column(_("Question"), 13), Column(_("Score (1–5)"), 3.5, "decimal")], rows),
        ]
    return blocks


def _closing(ctx: dict[str, Any]) -> Section:
    project = ctx["project"]
    return Section(
        [
            Paragraph(" ".join((project.title, _("Province"), ctx["province"]))),
            Paragraph(" ".join((_("Project code"), project.code or ""))),
            Paragraph(_("has carried out the activities it proposed, completely.")),
            Signature(
                [DOTS, f"( {ctx['leaders'] or DOTS} )", _("Project leader"), "......./............/......."]
            ),
        ],
        keep_together=True,
    )


def activity_report_document(report: ActivityReport, *, public: bool = False) -> Document:
    """One activity report printed on its own, laid out like the field's reports (seeds 000–004).
    `public=True` gives it as everyone may read it: without the reporter's name, the exchange with
    the mentor, or phone numbers, e-mail addresses and ID numbers in its text."""
    project = report.project
    line = [Span(format_date(report.date), bold=True)]
    if report.reporter and not public:
        line.append(Span(" · " + _("Reported from the area by %(name)s") % {"name": report.reporter}))
    if not report.activity_id:
        line.append(Span(" (" + _("not in the plan") + ")", muted=True))
    photos = [Image(src=p.print_src, url=p.thumbnail_url, caption=p.caption) for p in report.photos.all()]
    participants = Table(
        [
            Column(_("Target group"), 10.5),
            Column(_("Persons planned"), 3, "int"),
            Column(_("Persons taking part"), 3, "int"),
        ],
        [Row([p.name, p.planned, p.actual]) for p in report.participants.all()],
    )
    planned = report.activity.planned_output_count if report.activity else None
    achieved = report.actual_output_count
    outputs = " · ".join(
        (
            _("Output planned") + f": {'-' if planned is None else planned}",
            _("Output achieved") + f": {'-' if achieved is None else achieved}",
            _("Achievement") + f": {report.get_rating_display() or '-'}",
        )
    )
    blocks: list[Block] = [
        Paragraph(f"{project.fund.name} · {project.title}", muted=True),
        Heading(report.title),
        Paragraph(line),
    ]
    if photos:
        blocks.append(Images(photos))
    blocks += [
        *_report_section(
            _("Activities carried out"), report.done, _("The details of what was actually done")
        ),
        *_report_section(
            _("What actually came of it"),
            report.results,
            _("Outputs / outcomes / the key results of the activity"),
        ),
        Heading(_("Participants"), level=3),
        participants,
        Paragraph(outputs),
    ]
    spending = list(report.spending.all())
    if spending:
        blocks += [
            Heading(_("Spending"), level=3),
            Table(
                [Column(_("Expense group"), 12.5), Column(_("Amount (baht)"), 4, "money")],
                [Row([_spending_label(s), s.amount]) for s in spending],
            ),
        ]
    blocks += [
        *_report_section(_("Problems"), report.problems),
        *_report_section(_("Suggestions"), report.suggestions),
    ]
    if public:
        return redacted(Document(title=report.title, filename=f"activity-report-{report.pk}", blocks=blocks))
    blocks += _report_section(_("Help needed from the mentor"), report.help_needed)
    if report.mentor_advice:
        blocks += _report_section(_("Mentor's advice"), report.mentor_advice)
    return Document(title=report.title, filename=f"activity-report-{report.pk}", blocks=blocks)


def _report_section(title: str, text: str, sub: str = "") -> list[Block]:
    blocks: list[Block] = [Heading(title, level=3)]
    if sub:
        blocks.append(Paragraph(sub, muted=True, small=True))
    return [*blocks, Paragraph(text or "-")]


def _spending_label(line: Any) -> str:
    label = str(line.get_expense_group_display())
    return f"{label} – {line.description}" if line.description else label
