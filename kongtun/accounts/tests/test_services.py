"""Writes for people: invitations, tokens, profile, notices."""

from __future__ import annotations

import re
from types import SimpleNamespace

from django.core import mail
from django.test import Client

from kongtun.accounts.models import ApiToken, Membership, Notification, Role, User
from kongtun.accounts.services import (
    api_token_create,
    api_token_delete,
    api_token_user,
    fund_member_invite,
    notifications_mark_read,
    notify,
)


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


def test_a_token_key_finds_its_user_and_is_not_stored(story: SimpleNamespace) -> None:
    token, key = api_token_create(user=story.officer_a, name="x")
    assert api_token_user(key) == story.officer_a
    assert api_token_user(key + "x") is None
    assert key not in token.key_hash
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_of_an_inactive_user_does_not_work(story: SimpleNamespace) -> None:
    _token, key = api_token_create(user=story.officer_a, name="x")
    story.officer_a.is_active = False
    story.officer_a.save()
    assert api_token_user(key) is None


def test_a_user_deletes_only_their_own_tokens(story: SimpleNamespace) -> None:
    token, _key = api_token_create(user=story.officer_a, name="x")
    api_token_delete(user=story.officer_b, token_id=token.pk)
    assert ApiToken.objects.count() == 1
    api_token_delete(user=story.officer_a, token_id=token.pk)
    assert ApiToken.objects.count() == 0


def test_notices_go_to_each_user_and_are_marked_read(story: SimpleNamespace) -> None:
    notify(users=[story.officer_a, story.committee_a], message="มีโครงการรออนุมัติ")
    notifications_mark_read(user=story.officer_a)
    assert Notification.objects.filter(read_at__isnull=True).get().user == story.committee_a


def test_no_one_can_be_made_admin_through_a_fund_invitation(story: SimpleNamespace) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        fund_member_invite(
            fund=story.fund_a,
            email="x@example.org",
            role=Role.ADMIN,
            display_name="x",
            invited_by=story.officer_a,
        )
    assert not User.objects.filter(email="x@example.org").exists()
