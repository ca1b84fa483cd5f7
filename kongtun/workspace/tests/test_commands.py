"""The `demo` command and the production settings check."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from kongtun.accounts.models import ApiToken, Membership, User
from kongtun.areas.models import Subdistrict
from kongtun.funds.models import Fund, FundYear


def _counts() -> dict[str, int]:
    models = (Subdistrict, Fund, FundYear, User, Membership)
    return {m.__name__: m.objects.count() for m in models}


@pytest.mark.django_db
def test_demo_is_idempotent_and_gives_one_login_per_role() -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    first = _counts()
    call_command("demo", stdout=StringIO())
    assert _counts() == first
    assert first["Subdistrict"] > 7000
    assert 25 <= first["Fund"] <= 40
    assert not ApiToken.objects.exists()
    text = out.getvalue()
    for role in ("admin", "officer", "officer2", "committee", "mentor", "proposer"):
        assert f"\n  {role} " in text
    membership = Membership.objects.select_related("fund").get(user__username="officer")
    assert membership.fund is not None
    assert membership.fund.district.name_th == "จะนะ"
    assert User.objects.get(username="officer").check_password("kongtun-demo")


def test_check_deploy_is_clean_with_production_settings() -> None:
    # Not the whole test environment: browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x7!kq" * 12,
        "DJANGO_ALLOWED_HOSTS": "kongtun.example.org",
        "DJANGO_SETTINGS_MODULE": "kongtun.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_development_secret_key() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env.update({"DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": "kongtun.settings"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
