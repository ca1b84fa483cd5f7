"""Sections that upper apps add to the pages of lower ones.

A fund's page shows its situation data, plans, projects and books; a project's page its follow-up
and similar projects; a district's page its funds and plans. Each page belongs to a lower app that
must not import the upper ones (CONTRIBUTING.md, layers), so an upper app *provides* a panel for a
slot of the page in its `AppConfig.ready()`, and the page's view asks for the panels of the slot:

    @provide("fund.sections", order=20)
    def projects_of_fund(request, fund) -> Panel | None: ...   # in the upper app

    context["sections"] = panels("fund.sections", request, fund)   # in the lower app's view
    {% for panel in sections %}{{ panel }}{% endfor %}             # in its template

A provider decides (with the permission layer) whether its panel shows and reads what it needs
through its app's selectors, before the page is rendered: no queries hide in template tags.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Panel:
    """A template and its context, rendered where the page puts it (`{{ panel }}`)."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    request: HttpRequest | None = field(default=None, compare=False)

    def __html__(self) -> SafeString:
        return mark_safe(render_to_string(self.template, dict(self.context), request=self.request))

    def __str__(self) -> str:
        return str(self.__html__())


# Providers type their own request and object (an HtmxRequest and a Fund, say), hence Any here.
Provider = Callable[[Any, Any], Panel | None]
_providers: dict[str, list[tuple[int, Provider]]] = defaultdict(list)


def provide(slot: str, *, order: int = 50) -> Callable[[Provider], Provider]:
    """Register a provider of a panel for `slot` (lower `order` comes first)."""

    def register(provider: Provider) -> Provider:
        entries = _providers[slot]
        if all(p is not provider for _order, p in entries):
            entries.append((order, provider))
            entries.sort(key=lambda entry: entry[0])
        return provider

    return register


def panels(slot: str, request: HttpRequest, obj: Any) -> list[Panel]:
    """The panels the providers of `slot` give for `obj`, in order; a provider may give none."""
    found = []
    for _order, provider in _providers[slot]:
        panel = provider(request, obj)
        if panel is not None:
            found.append(Panel(panel.template, panel.context, request))
    return found
