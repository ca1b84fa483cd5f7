"""Photo files are served through a view that checks who may see them: everyone for a public
project's photos, only the fund's roles and the proposer for any other; on object storage the
view sends the browser to a link signed for a few minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.test import Client
from django.urls import reverse
from moto import mock_aws

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.models import ReportPhoto
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.followups.tests.test_api import api
from kongtun.projects.models import Project, Status


def _photo(story: Any) -> ReportPhoto:
    project = running_project(story)
    report = services.report_create(
        project=project, by=story.proposer_a, activity=project.activities.first(), date=dt.date(2025, 2, 10)
    )
    return services.photo_add(report=report, upload=photo("a.jpg", width=800, height=600))


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_everyone_sees_the_photos_of_a_public_project(story: Any) -> None:
    item = _photo(story)
    for url, file in ((item.image_url, item.image), (item.thumbnail_url, item.thumbnail)):
        response = Client().get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "public, max-age=3600"
        with file.open("rb") as stored:
            assert _body(response) == stored.read()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer_a", 200),
        ("committee_a", 200),
        ("proposer_a", 200),  # the project's own proposer
        ("mentor", 200),  # the district's mentor
        ("province_officer", 200),
        ("admin", 200),
        ("officer_b", 404),  # another fund's officer must not learn it exists
        ("nobody", 404),
        ("anonymous", 404),
    ],
)
def test_the_photos_of_a_project_that_is_not_public_are_for_its_roles_only(
    story: Any, who: str, status: int
) -> None:
    item = _photo(story)
    Project.objects.filter(pk=item.report.project_id).update(status=Status.CANCELLED)
    client = Client() if who == "anonymous" else login(getattr(story, who))
    for url in (item.image_url, item.thumbnail_url):
        response = client.get(url)
        assert response.status_code == status
        if status == 200:
            assert response["Cache-Control"] == "private, max-age=3600"  # never in a shared cache


def test_a_photo_stored_without_a_thumbnail_shows_the_full_photo_and_its_pages_work(story: Any) -> None:
    item = _photo(story)
    ReportPhoto.objects.filter(pk=item.pk).update(thumbnail="")
    response = Client().get(item.thumbnail_url)
    assert response.status_code == 200
    with item.image.open("rb") as stored:
        assert _body(response) == stored.read()
    report, project = item.report, item.report.project
    officer = login(story.officer_a)
    for url in (
        reverse("followups:report", args=[report.pk]),
        reverse("followups:report_edit", args=[report.pk]),
        reverse("followups:report_pdf", args=[report.pk]),
        reverse("followups:public", args=[project.pk]),
    ):
        assert officer.get(url).status_code == 200, url


def test_a_photo_whose_file_is_gone_is_not_found(story: Any) -> None:
    item = _photo(story)
    item.image.storage.delete(str(item.image.name))
    assert Client().get(item.image_url).status_code == 404
    assert Client().get(reverse("followups:photo", args=[item.pk + 1000])).status_code == 404


def test_pages_and_the_api_link_photos_through_the_checking_view(story: Any) -> None:
    item = _photo(story)
    page = login(story.officer_a).get(reverse("followups:report", args=[item.report_id])).content.decode()
    assert f'src="{item.thumbnail_url}"' in page and f'href="{item.image_url}"' in page
    assert "/media/" not in page
    public = Client().get(reverse("followups:public", args=[item.report.project_id])).content.decode()
    assert f'src="{item.thumbnail_url}"' in public
    data = api(story.officer_a).get(f"/api/v1/followups/reports/{item.report_id}").json()
    assert data["photos"] == [{"id": item.pk, "image": item.image_url, "thumbnail": item.thumbnail_url}]


@pytest.fixture
def object_storage(settings: Any) -> Any:
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="kongtun-photos")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "kongtun-photos",
                    "region_name": "us-east-1",
                    "querystring_expire": 300,
                    "signature_version": "s3v4",
                    "addressing_style": "path",
                    "default_acl": None,
                    "file_overwrite": False,
                },
            },
        }
        yield


@pytest.mark.usefixtures("object_storage")
def test_on_object_storage_the_view_redirects_to_a_link_signed_for_five_minutes(story: Any) -> None:
    item = _photo(story)
    assert item.image.storage.__class__.__name__ == "S3Storage"
    response = Client().get(item.image_url)
    assert response.status_code == 302
    link = urlsplit(response["Location"])
    query = parse_qs(link.query)
    assert link.path.endswith(str(item.image.name)) and query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    Project.objects.filter(pk=item.report.project_id).update(status=Status.CANCELLED)
    assert login(story.officer_b).get(item.image_url).status_code == 404  # no link for an outsider
    assert login(story.officer_a).get(item.thumbnail_url).status_code == 302
    assert item.print_src.startswith("https://")  # WeasyPrint fetches the signed link
