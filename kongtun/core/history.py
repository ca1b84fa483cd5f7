"""The audit trail: who changed what, when, read back as a list of changes with Thai labels.

Models keep their history with `History()` (django-simple-history's `HistoricalRecords`; the user
comes from the request through its middleware, or from the API token, and is empty for management
commands). A page that shows the history of an object and its parts asks `changes(slot, obj)`; the
apps that own the parts register, in their `AppConfig.ready()`, what to read for the slot:

    @history_source("project")
    def project_parts(project) -> Iterable[QuerySet]: ...   # historical querysets

The same shape as panels (`core/panels.py`): a lower app's page lists the changes of upper apps'
parts without importing them. Each change names the record, who made it, when, and the fields it
changed, old → new, under the fields' own (translated) labels. Fields without a label of their own
(keys, stamps, hashes) are never shown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from kongtun.core.thai import format_baht, format_date, format_datetime

# The most changes one page reads; older ones stay in the tables.
LIMIT = 1000
TEXT_CUT = 300


class History(HistoricalRecords):
    """`HistoricalRecords` that adds no row for a save touching only excluded fields (a login
    stamping `last_login`, a token's `last_used_at`), so the trail holds real changes only."""

    def post_save(self, instance: Any, created: bool, using: str | None = None, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if not created and update_fields and set(update_fields) <= set(self.excluded_fields):
            return
        super().post_save(instance, created, using=using, **kwargs)


M = TypeVar("M", bound=models.Model)


def rows_replace(
    existing: Sequence[M], rows: Sequence[dict[str, Any]], create: Callable[[dict[str, Any]], M]
) -> list[M]:
    """Replace a record's list of lines (budget lines, payment periods, spending) by `rows` in
    place: the n-th line takes the n-th values and is saved only if they differ, further rows are
    created with `create`, the lines left over deleted. The trail then shows what changed, not
    every line deleted and made again (and what points at a line keeps pointing at it)."""
    kept: list[M] = []
    for obj, values in zip(existing, rows, strict=False):
        differ = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in differ:
            setattr(obj, name, values[name])
        if differ:
            obj.save(update_fields=differ)
        kept.append(obj)
    for obj in existing[len(rows) :]:
        obj.delete()
    kept.extend(create(values) for values in rows[len(existing) :])
    return kept


KIND_LABELS = {
    "+": gettext_lazy("added"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    at: dt.datetime
    user: Any  # a User, or None for the system (a management command)
    kind: str  # "+", "~", "-"
    what: str  # the record's kind, e.g. "budget line"
    label: str  # the record itself, e.g. "ไวนิล: 500.00"
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def when(self) -> str:
        return format_datetime(self.at)


HistorySource = Callable[[Any], Iterable[models.QuerySet[Any]]]
_sources: dict[str, list[HistorySource]] = defaultdict(list)


def history_source(slot: str) -> Callable[[HistorySource], HistorySource]:
    """Register what to read for the history of `slot` (its argument: the object of the page)."""

    def register(source: HistorySource) -> HistorySource:
        if source not in _sources[slot]:
            _sources[slot].append(source)
        return source

    return register


def changes(slot: str, obj: Any, *, limit: int = LIMIT) -> list[Change]:
    """Every change to `obj` and its parts that the sources of `slot` read, newest first."""
    return changes_of([qs for source in _sources[slot] for qs in source(obj)], limit=limit)


def changes_of(querysets: Sequence[models.QuerySet[Any]], *, limit: int = LIMIT) -> list[Change]:
    """The changes in these historical querysets, newest first, each diffed against the record's
    previous version; saves that changed no shown field are left out."""
    found: list[Change] = []
    for qs in querysets:
        newest = qs.select_related("history_user").order_by("-history_date", "-history_id")
        found.extend(_changes(newest[:limit]))
    found.sort(key=lambda change: change.at, reverse=True)
    return found[:limit]


def _shown_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The fields a person reads: those with a label of their own, not stamped by Django."""
    return [
        f
        for f in model._meta.concrete_fields
        if getattr(f, "_verbose_name", None) is not None
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def _changes(records: Iterable[Any]) -> list[Change]:
    rows = list(records)
    if not rows:
        return []
    model = rows[0].instance_type
    tracked = {f.attname for f in type(rows[0]).tracked_fields}
    shown = [f for f in _shown_fields(model) if f.attname in tracked]
    previous = _previous_versions(rows)
    names = _related_names(rows, shown)
    found = []
    for record in rows:
        before = previous.get(record.history_id)
        fields = _field_changes(record, before, shown, names)
        if record.history_type == "~" and not fields:
            continue
        found.append(
            Change(
                at=record.history_date,
                user=record.history_user,
                kind=record.history_type,
                what=str(model._meta.verbose_name),
                label=_label(record),
                fields=fields,
            )
        )
    return found


def _previous_versions(rows: list[Any]) -> dict[int, Any]:
    """Each record's previous version: from the rows read, or (for the oldest read) one query."""
    by_object: dict[Any, list[Any]] = defaultdict(list)
    for record in rows:
        by_object[record.id].append(record)
    previous: dict[int, Any] = {}
    for versions in by_object.values():
        versions.sort(key=lambda r: (r.history_date, r.history_id))
        for older, newer in pairwise(versions):
            previous[newer.history_id] = older
        oldest = versions[0]
        if oldest.history_type != "+":
            earlier = oldest.prev_record
            if earlier is not None:
                previous[oldest.history_id] = earlier
    return previous


def _related_names(rows: list[Any], shown: list[models.Field[Any, Any]]) -> dict[tuple[str, Any], str]:
    """What each foreign key shown points to, read in one query per field (deleted rows: "#pk")."""
    names: dict[tuple[str, Any], str] = {}
    for f in shown:
        if not f.is_relation or f.related_model is None:
            continue
        pks = {getattr(r, f.attname) for r in rows} - {None}
        target: Any = f.related_model
        for obj in target._default_manager.filter(pk__in=pks):
            names[(f.name, obj.pk)] = str(obj)
    return names


def _field_changes(
    record: Any, before: Any, shown: list[models.Field[Any, Any]], names: dict[tuple[str, Any], str]
) -> list[FieldChange]:
    if record.history_type == "-":
        return []
    fields = []
    for f in shown:
        new = getattr(record, f.attname)
        old = getattr(before, f.attname) if before is not None else None
        if before is None and new in (None, "", False):
            continue
        if before is not None and old == new:
            continue
        fields.append(
            FieldChange(label=str(f.verbose_name), old=_show(f, old, names), new=_show(f, new, names))
        )
    return fields


def _show(f: models.Field[Any, Any], value: Any, names: dict[tuple[str, Any], str]) -> str:
    """A value as the pages print it: choices by their label, money in baht, dates in B.E."""
    if value is None or value == "":
        return "—"
    if f.is_relation:
        return names.get((f.name, value), f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return format_baht(value, unit=False)
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, FieldFile) or isinstance(f, models.FileField):
        return str(getattr(value, "name", value)).rsplit("/", 1)[-1]
    text = str(value)
    return text if len(text) <= TEXT_CUT else text[: TEXT_CUT - 1] + "…"


def _label(record: Any) -> str:
    try:
        return str(record.instance)
    except ObjectDoesNotExist:  # its str reads a parent that is gone
        return f"#{record.id}"
