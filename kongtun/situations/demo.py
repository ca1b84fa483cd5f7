"""Demo situation data: every demo fund of the small set, the current fiscal year and the two
before it, every active indicator of each year's issues; values drift a little each year,
mostly in the good direction."""

from __future__ import annotations

from decimal import Decimal

from kongtun.core.demo import SMALL_DISTRICTS, demo_years, rng_for
from kongtun.funds.models import Fund
from kongtun.programme.models import Direction, Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.selectors import issue_indicators, year_issues


def demo_value(fund_code: str, indicator: Indicator, fiscal_year: int) -> Decimal:
    """The same value for the same fund, indicator and year on every machine."""
    rng = rng_for("situation", fund_code, indicator.code)
    high = float(indicator.max_value) if indicator.max_value is not None else 0
    base = rng.uniform(5, min(high, 60)) if high else rng.uniform(5, 200)
    step = float(indicator.typical_change or 1)
    value = base
    for year in demo_years():
        if year == fiscal_year:
            break
        change = rng.uniform(-0.3, 1.0) * step
        value += -change if indicator.direction == Direction.LOWER else change
    value = max(float(indicator.min_value), value)
    if high:
        value = min(high, value)
    return Decimal(f"{value:.2f}") if high else Decimal(round(value))


def load(size: str) -> None:
    if size != "small":
        return
    funds = list(Fund.objects.filter(district_id__in=SMALL_DISTRICTS).order_by("code"))
    rows = []
    for year in demo_years():
        indicators = [i for issue in year_issues(year) for i in issue_indicators(issue)]
        for fund in funds:
            for indicator in indicators:
                rows.append(
                    SituationValue(
                        fund=fund,
                        fiscal_year=year,
                        indicator=indicator,
                        value=demo_value(fund.code, indicator, year),
                        source="สำรวจโดย อสม. (ข้อมูลตัวอย่าง)",
                    )
                )
    SituationValue.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
