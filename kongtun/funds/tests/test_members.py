"""Inviting people to a fund."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from kongtun.accounts.models import Membership, Role, User
from kongtun.funds.services import fund_member_invite


def test_an_invited_person_sets_a_password_with_the_link_and_logs_in(story: SimpleNamespace) -> None:
    fund_member_invite(
        fund=story.fund_a,
        email="nok@example.org",
        role=Role.PROPOSER,
        display_name="นก",
        invited_by=story.officer_a,
    )
    body = str(mail.outbox[0].body)
    assert "officer_a" in body  # who invited
    assert "ผู้เสนอโครงการ" in body  # the role, in Thai
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", body)
    assert link is not None
    client = Client()
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Nok-pass-2568!", "new_password2": "Nok-pass-2568!"})
    assert response.status_code == 302
    assert Client().login(username="nok@example.org", password="Nok-pass-2568!")


def test_inviting_the_same_person_twice_gives_one_account_and_one_role(story: SimpleNamespace) -> None:
    for _ in range(2):
        fund_member_invite(
            fund=story.fund_a,
            email="Nok@Example.org",
            role=Role.PROPOSER,
            display_name="นก",
            invited_by=story.officer_a,
        )
    assert User.objects.filter(email="nok@example.org").count() == 1
    assert Membership.objects.filter(user__email="nok@example.org").count() == 1
    assert len(mail.outbox) == 1


def test_no_one_can_be_made_admin_through_a_fund_invitation(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError):
        fund_member_invite(
            fund=story.fund_a,
            email="x@example.org",
            role=Role.ADMIN,
            display_name="x",
            invited_by=story.officer_a,
        )
    assert not User.objects.filter(email="x@example.org").exists()
