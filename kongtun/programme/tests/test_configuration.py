"""Programme configuration seeded by migration: issues, indicators, NHSO classifications."""

from __future__ import annotations

from kongtun.core.demo import demo_years
from kongtun.programme import demo
from kongtun.programme.models import (
    Indicator,
    Issue,
    IssueKind,
    OrgType,
    ProgrammeYear,
    SupportType,
    TargetGroup,
)


def test_the_ten_programme_issues_are_seeded_with_thai_names(db: None) -> None:
    issues = Issue.objects.filter(kind=IssueKind.ISSUE)
    assert issues.count() == 10
    assert {"ยาสูบ", "สุรา", "กิจกรรมทางกาย"} <= set(issues.values_list("name_th", flat=True))


def test_every_issue_has_indicators_with_a_unit_and_direction(db: None) -> None:
    for issue in Issue.objects.all():
        indicators = list(issue.indicators.all())
        assert indicators, issue.code
        assert all(i.unit and i.direction in {"lower", "higher"} for i in indicators)
    assert Indicator.objects.get(code="tobacco-adults").direction == "lower"


def test_support_types_are_clauses_10_1_to_10_5(db: None) -> None:
    assert list(SupportType.objects.values_list("code", flat=True)) == [
        "10(1)",
        "10(2)",
        "10(3)",
        "10(4)",
        "10(5)",
    ]
    assert OrgType.objects.exists()
    assert TargetGroup.objects.exists()


def test_the_demo_opens_its_years_with_every_issue_and_is_idempotent(db: None) -> None:
    demo.load("small")
    demo.load("small")
    assert ProgrammeYear.objects.filter(fiscal_year__in=demo_years()).count() == 3
    assert ProgrammeYear.objects.get(fiscal_year=2568).issues.count() == Issue.objects.count()
