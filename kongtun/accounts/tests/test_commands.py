"""`manage.py create_token USER [--name N]`."""

from __future__ import annotations

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from kongtun.accounts.models import ApiToken
from kongtun.accounts.services import api_token_user


def test_create_token_prints_a_working_key_once(story: SimpleNamespace) -> None:
    out = StringIO()
    call_command("create_token", "officer_a", "--name", "ระบบบัญชี", stdout=out, stderr=StringIO())
    key = out.getvalue().strip()
    assert key.startswith("kt_")
    assert api_token_user(key) == story.officer_a
    token = ApiToken.objects.get(user=story.officer_a)
    assert token.name == "ระบบบัญชี"
    assert key not in (token.key_hash, token.prefix)


def test_create_token_finds_the_user_by_e_mail(story: SimpleNamespace) -> None:
    out = StringIO()
    call_command("create_token", "OFFICER_B@example.org", stdout=out, stderr=StringIO())
    assert api_token_user(out.getvalue().strip()) == story.officer_b


def test_create_token_for_an_unknown_user_fails(db: None) -> None:
    with pytest.raises(CommandError):
        call_command("create_token", "ghost", stdout=StringIO(), stderr=StringIO())
    assert not ApiToken.objects.exists()
