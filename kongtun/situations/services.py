"""Writes of health-situation data. Every value goes through `situation_value_validate`, whether it
comes from the phone form, a bulk upsert (API) or an Excel/CSV import."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kongtun.accounts.permissions import Action, AnyUser, can, signed_in
from kongtun.areas.models import District
from kongtun.core.events import changed
from kongtun.core.thai import parse_date
from kongtun.funds.models import Fund
from kongtun.programme.models import Indicator
from kongtun.reports.cells import csv_cell_read
from kongtun.situations.models import SituationValue

COLUMNS = [
    "fund_code",
    "fiscal_year",
    "indicator_code",
    "indicator_name",
    "unit",
    "value",
    "source",
    "survey_date",
]
MIN_YEAR, MAX_YEAR = 2500, 2700


def situation_value_validate(*, indicator: Indicator, value: Decimal) -> None:
    """Refuse a value outside the indicator's valid range, with a Thai message."""
    if value < indicator.min_value or (indicator.max_value is not None and value > indicator.max_value):
        if indicator.max_value is None:
            message = _("The value of “%(name)s” must be at least %(min)s %(unit)s.")
        else:
            message = _("The value of “%(name)s” must be between %(min)s and %(max)s %(unit)s.")
        raise ValidationError(
            message
            % {
                "name": indicator.name,
                "min": _num(indicator.min_value),
                "max": _num(indicator.max_value),
                "unit": indicator.unit,
            },
            code="out_of_range",
        )


def _num(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


@transaction.atomic
def situation_value_save(
    *,
    fund: Fund,
    fiscal_year: int,
    indicator: Indicator,
    value: Decimal,
    source: str = "",
    survey_date: dt.date | None = None,
    user: AnyUser | None = None,
) -> SituationValue:
    situation_value_validate(indicator=indicator, value=value)
    row, _created = SituationValue.objects.update_or_create(
        fund=fund,
        fiscal_year=fiscal_year,
        indicator=indicator,
        defaults={
            "value": value,
            "source": source,
            "survey_date": survey_date,
            "entered_by": signed_in(user),
        },
    )
    changed(row)  # the plans of the year before are judged against it
    return row


class RowErrors(ValidationError):
    """Errors of a bulk upsert or import, each naming its row number."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.row_errors = errors
        super().__init__(
            [_("Row %(row)s: %(error)s") % {"row": row, "error": error} for row, error in errors]
        )


def _clean_row(
    raw: dict[str, Any],
    *,
    user: AnyUser,
    funds: dict[str, Fund],
    indicators: dict[str, Indicator],
    district: District | None,
) -> dict[str, Any]:
    """One row of input to the arguments of `situation_value_save`, or ValidationError."""
    code = str(raw.get("fund_code") or "").strip()
    fund = funds.get(code)
    if fund is None:
        raise ValidationError(_("unknown fund code “%(code)s”.") % {"code": code})
    if district is not None and fund.district_id != district.pk:
        raise ValidationError(_("fund %(code)s is not in %(area)s.") % {"code": code, "area": district})
    if not can(user, Action.ENTER_DATA, fund):
        raise ValidationError(_("you may not enter data for fund %(code)s.") % {"code": code})
    indicator = indicators.get(str(raw.get("indicator_code") or "").strip())
    if indicator is None:
        raise ValidationError(_("unknown indicator “%(code)s”.") % {"code": raw.get("indicator_code") or ""})
    try:
        fiscal_year = int(str(raw.get("fiscal_year") or "").strip())
    except ValueError:
        fiscal_year = 0
    if not MIN_YEAR <= fiscal_year <= MAX_YEAR:
        raise ValidationError(_("the fiscal year must be a Buddhist-Era year such as 2568."))
    unit = str(raw.get("unit") or "").strip()
    if unit and unit != indicator.unit:
        raise ValidationError(
            _("the unit of “%(name)s” is %(unit)s, not %(given)s.")
            % {"name": indicator.name, "unit": indicator.unit, "given": unit}
        )
    try:
        value = Decimal(str(raw.get("value")).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(
            _("the value “%(value)s” is not a number.") % {"value": raw.get("value")}
        ) from None
    situation_value_validate(indicator=indicator, value=value)
    survey_date = raw.get("survey_date")
    if isinstance(survey_date, dt.datetime):
        survey_date = survey_date.date()
    elif survey_date in (None, ""):
        survey_date = None
    elif not isinstance(survey_date, dt.date):
        try:
            survey_date = parse_date(str(survey_date))
        except ValueError:
            raise ValidationError(
                _("the survey date “%(date)s” is not a date like 15/03/2567.") % {"date": survey_date}
            ) from None
    return {
        "fund": fund,
        "fiscal_year": fiscal_year,
        "indicator": indicator,
        "value": value,
        "source": str(raw.get("source") or "").strip()[:200],
        "survey_date": survey_date,
    }


def situation_values_bulk_upsert(
    *, user: AnyUser, rows: list[dict[str, Any]], district: District | None = None
) -> list[SituationValue]:
    """Validate every row (keys of COLUMNS; `row` = its number in the file), then write all of them
    in one transaction, or none: raises RowErrors listing every bad row."""
    codes = {str(r.get("fund_code") or "").strip() for r in rows}
    funds = {f.code: f for f in Fund.objects.filter(code__in=codes).select_related("district")}
    indicators = {i.code: i for i in Indicator.objects.filter(is_active=True)}
    cleaned, errors = [], []
    for index, raw in enumerate(rows, start=1):
        try:
            cleaned.append(_clean_row(raw, user=user, funds=funds, indicators=indicators, district=district))
        except ValidationError as exc:
            errors.append((int(raw.get("row") or index), " ".join(exc.messages)))
    if errors:
        raise RowErrors(errors)
    with transaction.atomic():
        return [situation_value_save(user=user, **row) for row in cleaned]


def _blank(row: dict[str, Any]) -> bool:
    return row.get("value") in (None, "") or str(row.get("value")).strip() == ""


def situation_file_read(*, upload: IO[bytes], filename: str) -> list[dict[str, Any]]:
    """Rows of an uploaded template (.xlsx or .csv) keyed by COLUMNS; rows without a value are
    skipped (a template lists every indicator; a fund fills in what it surveyed)."""
    raw_rows: list[tuple[int, list[Any]]] = []
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
        except Exception:
            raise ValidationError(_("The file could not be read as an Excel (.xlsx) file.")) from None
        raw_rows = [(n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    elif filename.lower().endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The CSV file must be saved as UTF-8.")) from None
        reader = csv.reader(io.StringIO(text))
        raw_rows = [(n, [csv_cell_read(c) for c in r]) for n, r in enumerate(reader, start=1)]
    else:
        raise ValidationError(_("Upload the template as an .xlsx or .csv file."))
    if not raw_rows:
        raise ValidationError(_("The file is empty."))
    header = [str(c or "").strip() for c in raw_rows[0][1]]
    missing = [c for c in ("fund_code", "fiscal_year", "indicator_code", "value") if c not in header]
    if missing:
        raise ValidationError(
            _("The first row must hold the column names of the template; missing: %(cols)s.")
            % {"cols": ", ".join(missing)}
        )
    rows = []
    for number, cells in raw_rows[1:]:
        row = {
            name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name in COLUMNS
        }
        row["row"] = number
        if not _blank(row):
            rows.append(row)
    if not rows:
        raise ValidationError(_("The file has no values to import."))
    return rows


def situation_import(
    *, user: AnyUser, upload: IO[bytes], filename: str, district: District | None = None
) -> list[SituationValue]:
    """Read and write a whole file: all rows or nothing."""
    return situation_values_bulk_upsert(
        user=user, rows=situation_file_read(upload=upload, filename=filename), district=district
    )


def situation_sheet_save(
    *, fund: Fund, fiscal_year: int, entries: list[dict[str, Any]], user: AnyUser
) -> list[SituationValue]:
    """Save the entry sheet of one issue: each entry has indicator, value, source, survey_date;
    entries without a value are left alone. All or nothing."""
    with transaction.atomic():
        return [
            situation_value_save(fund=fund, fiscal_year=fiscal_year, user=user, **entry)
            for entry in entries
            if entry.get("value") is not None
        ]
