"""Choice lists of the configuration, read from the cache.

The filter forms of search, the dashboards and the project lists offer every region, province,
issue, support type and target group. Read from their tables on each request they cost a query each
(over a server-side cursor on PostgreSQL: three round trips) and Django renders each option through
a template: at national size that was a third of the search page's time. These lists change only
when an administrator edits the configuration, so:

- a filter declares such a list as `ConfigChoiceFilter(queryset=Model.objects.all(), ...)`;
- a FilterSet with the `ConfigChoices` mixin fills all of them from one cache entry per language
  (built on a miss), and `QuickSelect` renders the options in Python;
- a write to one of those models announces itself (`core.events.changed`: the admin through
  `core.admin.AnnouncedAdmin`, `areas_load` itself), and `forget_on_changes` drops the entry, so
  every worker reads the new list at its next request. The entry also expires after `TIMEOUT`, for
  writes made outside the app (a migration, the shell).

A chosen value is still checked against the table (the form field's queryset), so a stale list can
show an option that is gone, never accept one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from typing import Any

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kongtun.core.events import Change

TIMEOUT = 600  # seconds; writes through the app forget the lists at once
_models: set[str] = set()  # the model labels some ConfigChoiceFilter lists


def _key(language: str | None) -> str:
    return f"kongtun:config-choices:{language or settings.LANGUAGE_CODE}"


class QuickSelect(forms.Select):
    """A `<select>` of flat choices written directly, not through a template per option (a hundred
    provinces, issues and groups took milliseconds that way). Labels and values are escaped with
    the standard library's `html.escape`, as Django's `escape` does."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for v, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        # Every part is escaped above.
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')


class ConfigChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among every row of a configuration model (`queryset` is its `.all()`, in the
    model's order), offered from the cache by a `ConfigChoices` FilterSet."""

    def __init__(self, *args: Any, queryset: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, queryset=queryset, **kwargs)
        self.model_label: str = queryset.model._meta.label_lower
        _models.add(self.model_label)


def config_choices(filters: Sequence[ConfigChoiceFilter]) -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every row of the filters' models, in the current language: one cache read,
    and the missing lists read from their tables and written back."""
    key = _key(get_language())
    lists: dict[str, list[tuple[str, str]]] = cache.get(key) or {}
    missing = [f for f in filters if f.model_label not in lists]
    for f in missing:
        field = f.field
        lists[f.model_label] = [
            (str(field.prepare_value(obj)), str(field.label_from_instance(obj))) for obj in f.queryset.all()
        ]
    if missing:
        cache.set(key, lists, TIMEOUT)
    return lists


class _Options:
    """A widget's options, read when the widget is rendered (a form that is only validated, as
    behind the API or the search selector, reads no list)."""

    def __init__(self, filterset: ConfigChoices, model_label: str, empty: list[tuple[str, Any]]) -> None:
        self.filterset, self.model_label, self.empty = filterset, model_label, empty

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        yield from self.empty
        yield from self.filterset.config_choice_lists()[self.model_label]


class ConfigChoices:
    """FilterSet mixin: the options of its `ConfigChoiceFilter`s come from `config_choices`, one
    cache read for all of them when the form is first rendered."""

    filters: dict[str, Any]

    @property
    def form(self) -> Any:
        form = super().form  # type: ignore[misc]
        if not getattr(form, "config_choices_set", False):
            for name, f in self.filters.items():
                if isinstance(f, ConfigChoiceFilter) and name in form.fields:
                    field = form.fields[name]
                    empty = [("", field.empty_label)] if field.empty_label is not None else []
                    field.widget.choices = _Options(self, f.model_label, empty)
            form.config_choices_set = True
        return form

    def config_choice_lists(self) -> dict[str, list[tuple[str, str]]]:
        if not hasattr(self, "_config_choice_lists"):
            wanted = [f for f in self.filters.values() if isinstance(f, ConfigChoiceFilter)]
            self._config_choice_lists = config_choices(wanted)
        return self._config_choice_lists


def forget_on_changes(changes: Sequence[Change]) -> None:
    """Listener (core.events): a write to a listed model drops the cached lists of every language."""
    if any(c.model in _models for c in changes):
        cache.delete_many([_key(code) for code, _name in settings.LANGUAGES])
