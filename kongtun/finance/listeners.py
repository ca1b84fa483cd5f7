"""The books hear of new funds after they commit (`kongtun.core.events`) and give each the default
chart of accounts; `services.books_open` seeds it too, for funds made without announcing."""

from __future__ import annotations

from collections.abc import Sequence

from kongtun.core.events import Change
from kongtun.finance.models import Account
from kongtun.finance.services import chart_seed
from kongtun.funds.models import Fund


def on_changes(changes: Sequence[Change]) -> None:
    fund_ids = {c.pk for c in changes if c.model == "funds.fund" and not c.deleted}
    if not fund_ids:
        return
    seeded = set(Account.objects.filter(fund_id__in=fund_ids).values_list("fund_id", flat=True))
    for fund in Fund.objects.filter(pk__in=fund_ids - seeded):
        chart_seed(fund=fund)
