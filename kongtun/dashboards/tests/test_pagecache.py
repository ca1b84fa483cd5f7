"""The dashboard pages are kept in the page cache (kongtun.core.pagecache) until a write that they
count commits: a visitor's second look reads no figures; a write in fund A's district shows at once
on that district's page and the nation's; a write in fund B's province leaves A's district cached."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kongtun.core.events import changed
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.projects.models import Project


def _get(url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url, {"year": YEAR})
    assert response.status_code == 200
    # The content only: the page around it is rendered for each request (its CSRF token differs).
    return response.text.split("<h1>", 1)[1], len(queries)


def _approve_more(project: Project, budget: str) -> None:
    with transaction.atomic():  # as a service writes: the page learns of it after commit
        Project.objects.filter(pk=project.pk).update(approved_budget=Decimal(budget))
        project.refresh_from_db()
        changed(project)


def test_a_dashboard_is_served_from_the_cache_until_a_write_it_counts_commits(story):
    data = rollup_data(story)
    district = reverse("dashboards:district", args=[story.district.pk])
    nation = reverse("dashboards:nation")
    first, read = _get(district)
    again, cached = _get(district)
    assert again == first and cached < read / 2
    _get(nation)

    _approve_more(data.p1, "9500")  # fund A, in the district
    after, read_again = _get(district)
    assert read_again > cached
    assert "21,000.00" in first and "21,500.00" in after  # the district's approved total moved
    assert _get(nation)[1] > cached


def test_a_write_in_another_province_leaves_the_district_page_cached(story):
    data = rollup_data(story)
    district = reverse("dashboards:district", args=[story.district.pk])
    nation = reverse("dashboards:nation")
    first, _read = _get(district)
    _get(nation)
    _same, cached = _get(district)
    _approve_more(data.p4, "7700")  # fund B, Phatthalung
    again, queries = _get(district)
    assert again == first and queries == cached
    assert _get(nation)[1] > cached  # the nation counts fund B: read anew


def test_the_trend_page_is_cached_and_read_anew_after_a_write_in_its_area(story):
    data = rollup_data(story)
    trend = reverse("dashboards:trends", args=["district", story.district.pk])
    first, read = _get(trend)
    again, cached = _get(trend)
    assert again == first and cached < read
    _approve_more(data.p5, "6600")  # fund A2, in the same district
    assert _get(trend)[1] > cached
