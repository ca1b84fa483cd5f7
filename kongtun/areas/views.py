"""Area pages are public: the hierarchy and the funds in it are open information."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kongtun.areas.models import Region
from kongtun.areas.selectors import area_children, area_get, area_search
from kongtun.core.panels import panels


def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    return render(
        request,
        "areas/index.html",
        {
            "regions": Region.objects.prefetch_related("provinces"),
            "query": query,
            "results": area_search(query),
        },
    )


def _area_page(request: HttpRequest, level: str, code: str) -> HttpResponse:
    area = area_get(level, code)
    context = {
        "area": area,
        "level": level,
        "children": area_children(area),
        "link_panels": panels("area.links", request, area),
        "section_panels": panels("area.sections", request, area),
    }
    return render(request, "areas/area.html", context)


def region(request: HttpRequest, number: int) -> HttpResponse:
    return _area_page(request, "region", str(number))


def province(request: HttpRequest, code: str) -> HttpResponse:
    return _area_page(request, "province", code)


def district(request: HttpRequest, code: str) -> HttpResponse:
    return _area_page(request, "district", code)
