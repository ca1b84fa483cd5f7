"""Test fixtures: the user story every test tells.

Fund A (อำเภอจะนะ, สงขลา) has an officer, a committee member, a data collector and a proposer;
the district has an officer and a mentor; the province and region have officers; fund B
(อำเภอเขาชัยสน, พัทลุง) has its own officer, who must see nothing of fund A.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from kongtun.accounts.models import Membership, Role, User
from kongtun.areas.models import District, Province, Region, Subdistrict
from kongtun.areas.services import areas_load
from kongtun.funds.services import fund_create

PASSWORD = "test-pass-1234"


def make_user(username: str, role: str | None = None, **scope: Any) -> User:
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, display_name=username
    )
    if role:
        Membership.objects.create(user=user, role=role, **scope)
    return user


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _only_test_blocks_open(connection: Any) -> bool:
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _run_commit_hooks(connection: Any) -> None:
    while connection.run_on_commit:
        _sids, func, _robust = connection.run_on_commit.pop(0)
        func()


@pytest.fixture(autouse=True)
def _fresh_page_cache(request: pytest.FixtureRequest) -> None:
    """A test with real commits (browser tests) leaves the database cache table filled, and the
    database is flushed between such tests but that table is not: start each with it empty, so no
    page cached for another test's data is served (kongtun.core.pagecache)."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        from django.core.cache import cache

        request.getfixturevalue("transactional_db")
        cache.clear()


@pytest.fixture(autouse=True)
def _commits_as_in_production(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    """pytest-django runs a test inside a transaction that is rolled back, never committed, so the
    after-commit hooks (`kongtun.core.events`, mail) would never run. Here a write "commits" as it
    would in production: when the outermost atomic block opened by the code under test exits
    successfully, or at once for a hook registered outside any such block. Inside an open block the
    hooks wait, as they do in production. (Browser tests use real commits.)"""
    from django.db import transaction
    from django.db.backends.base.base import BaseDatabaseWrapper

    settings.KONGTUN_EVENTS_RAISE = True  # a failing read model fails the test
    original_exit = transaction.Atomic.__exit__
    original_on_commit = BaseDatabaseWrapper.on_commit

    def exit_(self: Any, exc_type: Any, exc_value: Any, traceback: Any) -> Any:
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if exc_type is None and connection.atomic_blocks and _only_test_blocks_open(connection):
            _run_commit_hooks(connection)
        return result

    def on_commit(self: Any, func: Any, robust: bool = False) -> None:
        original_on_commit(self, func, robust)
        if self.atomic_blocks and _only_test_blocks_open(self):
            _run_commit_hooks(self)

    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)
    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """A real hasher costs ~0.5 s per user on a busy machine; the story makes thirteen users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def story(db: None) -> SimpleNamespace:
    areas_load(only=["90", "93"])
    chana = District.objects.get(code="9003")
    khao_chaison = District.objects.get(code="9303")
    sub_a = Subdistrict.objects.filter(district=chana).order_by("code")[0]
    sub_a2 = Subdistrict.objects.filter(district=chana).order_by("code")[1]
    sub_b = Subdistrict.objects.filter(district=khao_chaison).order_by("code")[0]
    fund_a = fund_create(
        code="L9001",
        name="กองทุนหลักประกันสุขภาพตำบลบ้านนา",
        lg_type="tambon",
        lg_name="เทศบาลตำบลบ้านนา",
        subdistricts=[sub_a.code],
    )
    fund_a2 = fund_create(
        code="L9002",
        name="กองทุนหลักประกันสุขภาพ อบต.ป่าชิง",
        lg_type="sao",
        lg_name="อบต.ป่าชิง",
        subdistricts=[sub_a2.code],
    )
    fund_b = fund_create(
        code="L9301",
        name="กองทุนหลักประกันสุขภาพ อบต.เขาชัยสน",
        lg_type="sao",
        lg_name="อบต.เขาชัยสน",
        subdistricts=[sub_b.code],
    )
    return SimpleNamespace(
        fund_a=fund_a,
        fund_a2=fund_a2,
        fund_b=fund_b,
        district=chana,
        province=Province.objects.get(code="90"),
        region=Region.objects.get(number=12),
        officer_a=make_user("officer_a", Role.FUND_OFFICER, fund=fund_a),
        committee_a=make_user("committee_a", Role.COMMITTEE, fund=fund_a),
        collector_a=make_user("collector_a", Role.DATA_COLLECTOR, fund=fund_a),
        proposer_a=make_user("proposer_a", Role.PROPOSER, fund=fund_a),
        mentor=make_user("mentor_chana", Role.MENTOR, district=chana),
        district_officer=make_user("district_chana", Role.DISTRICT_OFFICER, district=chana),
        province_officer=make_user("province_90", Role.PROVINCE_OFFICER, province_id="90"),
        region_officer=make_user("region_12", Role.REGION_OFFICER, region_id=12),
        officer_b=make_user("officer_b", Role.FUND_OFFICER, fund=fund_b),
        admin=make_user("admin", Role.ADMIN),
        nobody=make_user("nobody"),
    )


CHROMIUM = "/usr/bin/chromium"


def seed_configuration() -> None:
    """Put back what the data migrations seed. A browser test needs a live server, so its database
    is flushed after it (not rolled back), and the configuration goes with it."""
    from django.apps import apps

    from kongtun.followups.checklists import seed_questions
    from kongtun.programme.seed import seed, seed_finance_rules

    seed(apps)
    seed_finance_rules(apps)
    seed_questions(apps)


@pytest.fixture
def browser_page(live_server: Any) -> Iterator[Any]:
    """A phone-sized page in Debian's Chromium, driven by Playwright. Skips where Chromium is not
    installed (.ci/run installs it, so CI always runs these). Mark the test
    `django_db(transaction=True)`."""
    if not shutil.which(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    seed_configuration()
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
        page = context.new_page()
        page.set_default_timeout(15000)
        page.base_url = live_server.url  # type: ignore[attr-defined]
        yield page
        context.close()
        browser.close()
