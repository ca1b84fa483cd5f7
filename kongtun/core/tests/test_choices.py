"""The configuration's choice lists: read once into the cache, forgotten when the configuration is
written, rendered without a template per option."""

from __future__ import annotations

from types import SimpleNamespace

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kongtun.accounts.models import User
from kongtun.core.choices import QuickSelect
from kongtun.programme.models import TargetGroup

CONFIG_TABLES = (
    "areas_region",
    "areas_province",
    "programme_issue",
    "programme_supporttype",
    "programme_targetgroup",
)


def _tables_read(client: Client, url: str) -> set[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return {t for t in CONFIG_TABLES for q in captured.captured_queries if f'"{t}"' in q["sql"]}


def test_the_search_form_reads_its_choice_lists_once_then_from_the_cache(story: SimpleNamespace) -> None:
    client = Client()
    assert _tables_read(client, "/search/?q=x") == set(CONFIG_TABLES)
    assert _tables_read(client, "/search/?q=y") == set()
    page = client.get("/search/?q=y").content.decode()
    assert 'value="90">สงขลา</option>' in page  # the provinces of the story, in the cached list


def test_a_choice_renamed_in_the_admin_shows_at_the_next_request(story: SimpleNamespace) -> None:
    group = TargetGroup.objects.create(code="tg-x", name="กลุ่มเดิม", order=99)
    anonymous = Client()
    assert "กลุ่มเดิม" in anonymous.get("/search/").content.decode()
    admin = Client()
    admin.force_login(User.objects.create_superuser("root", "root@example.org", "x-pass-1234"))
    response = admin.post(
        f"/admin/programme/targetgroup/{group.pk}/change/",
        {"code": "tg-x", "name": "กลุ่มใหม่", "legal_reference": "", "order": 99, "is_active": "on"},
    )
    assert response.status_code == 302
    page = anonymous.get("/search/").content.decode()
    assert "กลุ่มใหม่" in page and "กลุ่มเดิม" not in page


def test_a_chosen_value_is_still_checked_against_the_table(story: SimpleNamespace) -> None:
    client = Client()
    client.get("/search/")  # the lists are cached
    assert client.get("/search/?province=99&q=x").status_code == 200  # no such province: ignored, no 500


def test_quick_select_marks_the_chosen_option_and_escapes() -> None:
    widget = QuickSelect(choices=[("", "ทั้งหมด"), ("1", "<b>หนึ่ง</b>"), ("2", 'สอง "2"')])
    html = widget.render("g", "1", {"id": "id_g"})
    assert html == (
        '<select name="g" id="id_g"><option value="">ทั้งหมด</option>'
        '<option value="1" selected>&lt;b&gt;หนึ่ง&lt;/b&gt;</option>'
        '<option value="2">สอง &quot;2&quot;</option></select>'
    )
