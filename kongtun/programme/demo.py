from __future__ import annotations

from kongtun.programme.models import Issue, ProgrammeYear

DEMO_YEARS = (2567, 2568, 2569)


def load(size: str) -> None:
    """Open the demo fiscal years with every configured issue."""
    issues = list(Issue.objects.all())
    for fiscal_year in DEMO_YEARS:
        year, _ = ProgrammeYear.objects.get_or_create(fiscal_year=fiscal_year)
        year.issues.add(*issues)
