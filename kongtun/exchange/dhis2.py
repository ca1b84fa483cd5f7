"""Situation values in the shapes DHIS2 exchanges: dataValueSets (JSON) and ADX (XML).

- dataElement: the indicator's data element in the mapping (`Dhis2Code`), else the indicator code;
  orgUnit: the fund's organisation unit in the mapping, else the fund code (import into DHIS2 with
  `dataElementIdScheme=CODE&orgUnitIdScheme=CODE` when no mapping is kept).
- period: DHIS2's October financial year, which is the Thai fiscal year: 2568 (1 Oct 2024 – 30 Sep
  2025) is `2024Oct` in dataValueSets and `2024-10-01/P1Y` in ADX.
- value: the number as text; comment: the source of the value.
Values coming in go through the situation app's own bulk upsert (its checks, all or nothing).
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

import defusedxml.ElementTree as SafeET
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kongtun.accounts.models import User
from kongtun.exchange.models import CodeKind, Dhis2Code
from kongtun.funds.models import Fund
from kongtun.situations.models import SituationValue
from kongtun.situations.services import RowErrors, situation_values_bulk_upsert

ADX_NS = "urn:ihe:qrph:adx:2015"
PERIOD = re.compile(r"^(\d{4})Oct$")
ADX_PERIOD = re.compile(r"^(\d{4})-10-01/P1Y$")


def dataset_code() -> str:
    return getattr(settings, "KONGTUN_DHIS2_DATASET", "KONGTUN_SITUATION")


def period_of(fiscal_year: int) -> str:
    return f"{fiscal_year - 544}Oct"


def fiscal_year_of_period(period: str) -> int | None:
    match = PERIOD.match(period) or ADX_PERIOD.match(period)
    return int(match.group(1)) + 544 if match else None


class Codes:
    """Both directions of the mapping, read once per file."""

    def __init__(self) -> None:
        rows = list(Dhis2Code.objects.all())
        self.out = {(r.kind, r.local_code): r for r in rows}
        self.back = {(r.kind, r.dhis2_code): r.local_code for r in rows}

    def remote(self, kind: str, code: str) -> str:
        row = self.out.get((kind, code))
        return row.dhis2_code if row else code

    def combo(self, indicator_code: str) -> str:
        row = self.out.get((CodeKind.INDICATOR, indicator_code))
        return row.category_option_combo if row else ""

    def local(self, kind: str, code: str) -> str:
        return self.back.get((kind, code), code)


def _values(funds: QuerySet[Fund], fiscal_year: int | None) -> QuerySet[SituationValue]:
    values = SituationValue.objects.filter(fund__in=funds).select_related("fund", "indicator")
    if fiscal_year:
        values = values.filter(fiscal_year=fiscal_year)
    return values.order_by("fund__code", "fiscal_year", "indicator__code")


def _number(value: Any) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def data_value_set(funds: QuerySet[Fund], fiscal_year: int | None = None) -> dict[str, Any]:
    codes = Codes()
    rows = []
    for v in _values(funds, fiscal_year):
        row = {
            "dataElement": codes.remote(CodeKind.INDICATOR, v.indicator.code),
            "period": period_of(v.fiscal_year),
            "orgUnit": codes.remote(CodeKind.FUND, v.fund.code),
            "value": _number(v.value),
        }
        if combo := codes.combo(v.indicator.code):
            row["categoryOptionCombo"] = combo
        if v.source:
            row["comment"] = v.source
        rows.append(row)
    return {"dataSet": dataset_code(), "dataValues": rows}


def adx(funds: QuerySet[Fund], fiscal_year: int | None = None) -> bytes:
    codes = Codes()
    root = Element("adx", {"xmlns": ADX_NS})
    groups: dict[tuple[str, int], Element] = {}
    for v in _values(funds, fiscal_year):
        key = (v.fund.code, v.fiscal_year)
        if key not in groups:
            groups[key] = SubElement(
                root,
                "group",
                {
                    "orgUnit": codes.remote(CodeKind.FUND, v.fund.code),
                    "period": f"{v.fiscal_year - 544}-10-01/P1Y",
                    "dataSet": dataset_code(),
                },
            )
        value = SubElement(
            groups[key],
            "dataValue",
            {"dataElement": codes.remote(CodeKind.INDICATOR, v.indicator.code), "value": _number(v.value)},
        )
        if v.source:
            SubElement(value, "annotation").text = v.source
    return tostring(root, encoding="utf-8", xml_declaration=True)


def _row(
    codes: Codes, number: int, element: Any, period: Any, org_unit: Any, value: Any, comment: Any
) -> dict:
    fiscal_year = fiscal_year_of_period(str(period or ""))
    return {
        "row": number,
        "fund_code": codes.local(CodeKind.FUND, str(org_unit or "")),
        "indicator_code": codes.local(CodeKind.INDICATOR, str(element or "")),
        # An unknown period is refused by the upsert, as a year out of range.
        "fiscal_year": fiscal_year or 0,
        "value": value,
        "source": comment or "",
    }


def rows_from_json(content: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(content.decode("utf-8-sig"))
        values = data["dataValues"]
        assert isinstance(values, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise ValidationError(
            _("The file is not a DHIS2 dataValueSet (JSON with a dataValues list).")
        ) from None
    codes = Codes()
    rows = []
    for number, item in enumerate(values, start=1):
        item = item if isinstance(item, dict) else {}
        rows.append(
            _row(
                codes,
                number,
                item.get("dataElement"),
                item.get("period"),
                item.get("orgUnit"),
                item.get("value"),
                item.get("comment"),
            )
        )
    return rows


def rows_from_adx(content: bytes) -> list[dict[str, Any]]:
    try:
        root = SafeET.fromstring(content)
    except Exception:
        raise ValidationError(_("The file is not ADX XML.")) from None
    ns = {"adx": ADX_NS}
    codes = Codes()
    rows: list[dict[str, Any]] = []
    for group in root.findall("adx:group", ns):
        for value in group.findall("adx:dataValue", ns):
            annotation = value.find("adx:annotation", ns)
            rows.append(
                _row(
                    codes,
                    len(rows) + 1,
                    value.get("dataElement"),
                    group.get("period"),
                    group.get("orgUnit"),
                    value.get("value"),
                    annotation.text if annotation is not None else "",
                )
            )
    return rows


def dhis2_import(*, user: User, fund: Fund, content: bytes, kind: str) -> int:
    """Write the values of a dataValueSet (`json`) or ADX (`adx`) file for `fund`: all or none
    (RowErrors names each refused value by its place in the file)."""
    rows = rows_from_json(content) if kind == "json" else rows_from_adx(content)
    if not rows:
        raise ValidationError(_("The file has no values to import."))
    errors = [
        (r["row"], _("this file may only hold values of %(fund)s.") % {"fund": fund.code})
        for r in rows
        if r["fund_code"] != fund.code
    ]
    if errors:
        raise RowErrors(errors)
    return len(situation_values_bulk_upsert(user=user, rows=rows))
