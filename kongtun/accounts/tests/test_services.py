"""Writes for people: invitations, tokens, profile, notices."""

from __future__ import annotations

from types import SimpleNamespace

from kongtun.accounts.models import ApiToken, Notification
from kongtun.accounts.services import (
    api_token_create,
    api_token_delete,
    api_token_user,
    notifications_mark_read,
    notify,
)


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
