"""The plans' printed documents: a fund's plan of one issue, and the district (province, region) plan
rolled up from the fund plans. Built once, rendered to PDF and Word from the same blocks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kongtun.areas.selectors import Area
from kongtun.core.thai import baht_in_words, format_baht, format_date
from kongtun.plans import selectors
from kongtun.plans.models import Plan
from kongtun.plans.selectors import IssueRollup
from kongtun.reports.document import (
    Block,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Signature,
    Table,
    format_number,
)


def plan_document(plan: Plan, *, today: dt.date) -> Document:
    fund = plan.fund
    title, fiscal_year = " ".join((_("Plan"), str(plan.issue))), _("fiscal year")
    district, province = _("District"), _("Province")
    targets = Table(
        [
            Column(_("Problem"), 7.5),
            Column(_("Unit"), 3),
            Column(_("Size now"), 3, "number", empty="–"),
            Column(_("1-year target"), 3, "number", empty="–"),
        ],
        [
            Row([t.problem or t.indicator.name, t.indicator.unit, t.baseline, t.target])
            for t in selectors.plan_targets(plan)
        ],
    )
    blocks: list[Block] = [
        Heading(f"{title}\n{fiscal_year} {plan.fiscal_year}", level=1),
        Paragraph(
            f"{fund.name} ({fund.code})\n{district} {fund.district} {province} {fund.province}",
            align="center",
        ),
        Heading(_("Problems and 1-year targets")),
        targets,
    ]
    for title, text in (
        (_("Situation and problems"), plan.situation),
        (_("Objective"), plan.objective or "–"),
    ):
        if text:
            blocks += [Heading(title), Paragraph(text, indent=True)]
    if plan.approach:
        blocks += [Heading(_("Approach")), Paragraph(plan.approach, indent=True)]
    updated, updated_label, printed = timezone.localdate(plan.updated_at), _("Updated"), _("Printed")
    blocks += [
        Heading(_("Budget")),
        Paragraph(f"{format_baht(plan.budget)} ({baht_in_words(plan.budget)})"),
        Heading(_("Projects to do")),
        _planned_projects(plan),
        Paragraph(f"{updated_label} {format_date(updated)} · {printed} {format_date(today)}", muted=True),
        Signature(
            [
                _("Signed") + " ..........................................",
                "(" + "." * 42 + ")",
                _("Fund officer"),
            ]
        ),
    ]
    return Document(
        title=title,
        filename=f"plan-{fund.code}-{plan.fiscal_year}-{plan.issue.code}",
        blocks=blocks,
    )


def _planned_projects(plan: Plan) -> Block:
    projects = selectors.plan_projects(plan)
    if not projects:
        return Paragraph(_("No projects to do yet."), muted=True)
    columns = [
        Column(_("No."), 1.2, "int"),
        Column(_("Project title"), 6.3),
        Column(_("Support type"), 2.4),
        Column(_("Responsible organisation type"), 3.6),
        Column(_("Budget (baht)"), 3, "money"),
    ]
    rows = [
        Row([n, p.title, p.support_type.code, str(p.org_type or ""), p.budget])
        for n, p in enumerate(projects, 1)
    ]
    return Table(columns, rows)


def _range(stats: tuple[Decimal, Decimal, Decimal] | None) -> str:
    return " – ".join(format_number(v) for v in stats) if stats else "–"


def area_plan_document(
    *, area: Area, level: str, year: int, rollups: list[IssueRollup], today: dt.date
) -> Document:
    totals = selectors.area_plan_totals(rollups)
    name = _("District plan") if level == "district" else _("Plans of the area")
    fiscal_year = _("fiscal year")
    summary = _("%(plans)s plans of %(funds)s funds") % {"plans": totals["plans"], "funds": totals["funds"]}
    blocks: list[Block] = [
        Heading(f"{name} {area}\n{fiscal_year} {year}", level=1),
        Paragraph(f"{summary} · {format_baht(totals['budget'])}", align="center"),
    ]
    for number, rollup in enumerate(rollups, start=1):
        blocks += _issue_rollup(number, rollup)
    if not rollups:
        blocks.append(Paragraph(_("No fund of this area has a plan for this fiscal year yet."), muted=True))
    blocks.append(Paragraph(" ".join((_("Printed"), format_date(today))), muted=True))
    return Document(title=f"{area} {year}", filename=f"plan-{level}-{area.pk}-{year}", blocks=blocks)


def _issue_rollup(number: int, rollup: IssueRollup) -> list[Block]:
    funds = len(rollup.plans)
    planned = ngettext("%(funds)s fund planned this issue", "%(funds)s funds planned this issue", funds) % {
        "funds": funds
    }
    blocks: list[Block] = [
        Heading(f"{number}. {rollup.issue}"),
        Paragraph(" ".join((planned, "·", _("Budget"), format_baht(rollup.budget)))),
        Paragraph(", ".join(p.fund.name for p in rollup.plans), muted=True),
    ]
    if rollup.indicator_rows:
        columns = [
            Column(_("Indicator"), 8),
            Column(_("Size now: lowest – median – highest"), 4.25, align="right"),
            Column(_("Target: lowest – median – highest"), 4.25, align="right"),
        ]
        rows = [
            Row(
                [f"{s.indicator.name} ({s.indicator.unit})", _range(s.baseline_stats), _range(s.target_stats)]
            )
            for s in rollup.indicator_rows
        ]
        blocks.append(Table(columns, rows))
    if rollup.projects:
        columns = [
            Column(_("Project to do"), 6.5),
            Column(_("Fund"), 5),
            Column(_("Support type"), 2),
            Column(_("Budget (baht)"), 3, "money"),
        ]
        rows = [Row([p.title, p.plan.fund.name, p.support_type.code, p.budget]) for p in rollup.projects]
        blocks.append(Table(columns, rows))
    return blocks
