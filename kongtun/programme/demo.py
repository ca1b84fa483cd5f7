from __future__ import annotations

from kongtun.core.demo import demo_years
from kongtun.programme.models import Issue, ProgrammeYear


def load(size: str) -> None:
    """Open the demo fiscal years with every configured issue."""
    issues = list(Issue.objects.all())
    for fiscal_year in demo_years():
        year, _ = ProgrammeYear.objects.get_or_create(fiscal_year=fiscal_year)
        year.issues.add(*issues)
