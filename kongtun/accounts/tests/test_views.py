"""Login, password reset, profile, API tokens and notices."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from kongtun.accounts.models import ApiToken, Notification
from kongtun.accounts.services import api_token_create, notify
from kongtun.conftest import PASSWORD, login


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db: None) -> Iterator[None]:
    cache.clear()  # the login rate limit counts in the cache
    yield
    cache.clear()


def _login(username: str, password: str = PASSWORD) -> tuple[Client, object]:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    return client, response


def test_the_login_page_is_thai(db: None) -> None:
    response = Client().get(reverse("accounts:login"))
    assert "ชื่อผู้ใช้หรืออีเมล" in response.content.decode()


def test_an_officer_logs_in_with_the_username(story: SimpleNamespace) -> None:
    client, response = _login("officer_a")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert client.get(reverse("workspace:home")).context["user"] == story.officer_a


def test_an_officer_logs_in_with_the_e_mail_address_in_any_case(story: SimpleNamespace) -> None:
    client, response = _login("Officer_A@Example.org")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert client.get(reverse("workspace:home")).context["user"] == story.officer_a


def test_a_wrong_password_gets_a_thai_message(story: SimpleNamespace) -> None:
    _client, response = _login("officer_a", "wrong-password")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "ชื่อผู้ใช้ อีเมล หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()  # type: ignore[attr-defined]


def test_an_unknown_e_mail_cannot_log_in(story: SimpleNamespace) -> None:
    _client, response = _login("someone@nowhere.org")
    assert response.status_code == 200  # type: ignore[attr-defined]


def test_too_many_login_tries_are_refused(story: SimpleNamespace) -> None:
    client = Client()
    url = reverse("accounts:login")
    statuses = [client.post(url, {"username": "officer_a", "password": "x"}).status_code for _ in range(11)]
    assert statuses[-1] == 429
    assert "ลองหลายครั้งเกินไป" in client.post(url, {"username": "officer_a", "password": "x"}).content.decode()


def test_password_reset_sends_a_link_by_mail(story: SimpleNamespace) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "officer_a@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["officer_a@example.org"]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert "officer_a" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_sends_nothing_but_says_the_same(db: None) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "ghost@example.org"}, follow=True)
    assert mail.outbox == []
    assert "กรุณาตรวจสอบอีเมล" in response.content.decode()


def test_the_profile_needs_a_login(db: None) -> None:
    response = Client().get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_the_profile_shows_the_roles(story: SimpleNamespace) -> None:
    response = login(story.officer_a).get(reverse("accounts:profile"))
    assert "เจ้าหน้าที่กองทุน" in response.content.decode()


def test_a_user_saves_their_profile(story: SimpleNamespace) -> None:
    data = {
        "display_name": "สมศรี ใจดี",
        "email": "somsri@example.org",
        "phone": "081",
        "organisation": "รพ.สต.บ้านนา",
        "language": "th",
    }
    response = login(story.officer_a).post(reverse("accounts:profile"), data)
    assert response.status_code == 302
    story.officer_a.refresh_from_db()
    assert story.officer_a.display_name == "สมศรี ใจดี"
    assert story.officer_a.organisation == "รพ.สต.บ้านนา"


def test_a_profile_with_someone_elses_e_mail_is_refused_and_keeps_what_was_typed(
    story: SimpleNamespace,
) -> None:
    data = {"display_name": "ชื่อใหม่", "email": "officer_b@example.org", "phone": "", "organisation": ""}
    response = login(story.officer_a).post(reverse("accounts:profile"), {**data, "language": "th"})
    assert response.status_code == 200
    assert 'value="ชื่อใหม่"' in response.content.decode()
    story.officer_a.refresh_from_db()
    assert story.officer_a.email == "officer_a@example.org"


def test_a_user_creates_an_api_token_and_sees_the_key_once(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    response = client.post(reverse("accounts:token_create"), {"name": "ระบบบัญชี"}, follow=True)
    token = ApiToken.objects.get(user=story.officer_a)
    assert token.name == "ระบบบัญชี"
    assert f"kt_{token.prefix}" in response.content.decode()
    assert f"kt_{token.prefix}" not in client.get(reverse("accounts:profile")).content.decode()


def test_a_token_without_a_name_is_refused(story: SimpleNamespace) -> None:
    response = login(story.officer_a).post(reverse("accounts:token_create"), {"name": ""}, follow=True)
    assert not ApiToken.objects.exists()
    assert "กรุณาตั้งชื่อโทเค็น" in response.content.decode()


def test_a_user_deletes_their_own_token(story: SimpleNamespace) -> None:
    token, _key = api_token_create(user=story.officer_a, name="x")
    login(story.officer_a).post(reverse("accounts:token_delete", args=[token.pk]))
    assert not ApiToken.objects.exists()


def test_a_user_cannot_delete_someone_elses_token(story: SimpleNamespace) -> None:
    token, _key = api_token_create(user=story.officer_a, name="x")
    login(story.officer_b).post(reverse("accounts:token_delete", args=[token.pk]))
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_deleting_a_token_needs_post(story: SimpleNamespace) -> None:
    token, _key = api_token_create(user=story.officer_a, name="x")
    response = login(story.officer_a).get(reverse("accounts:token_delete", args=[token.pk]))
    assert response.status_code == 405


def test_notifications_are_listed_and_marked_read(story: SimpleNamespace) -> None:
    notify(users=[story.officer_a], message="มีข้อเสนอโครงการใหม่", url="/funds/L9001/")
    notify(users=[story.officer_b], message="ของคนอื่น")
    client = login(story.officer_a)
    assert client.get(reverse("workspace:home")).context["nav_unread"]() == 1
    response = client.get(reverse("accounts:notifications"))
    assert "มีข้อเสนอโครงการใหม่" in response.content.decode()
    assert "ของคนอื่น" not in response.content.decode()
    assert Notification.objects.get(user=story.officer_a).read_at is not None
    assert Notification.objects.get(user=story.officer_b).read_at is None


def test_a_user_changes_their_password(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    assert "เปลี่ยนรหัสผ่าน" in client.get(reverse("accounts:password_change")).content.decode()
    data = {"old_password": PASSWORD, "new_password1": "Baan-na-2568!", "new_password2": "Baan-na-2568!"}
    assert client.post(reverse("accounts:password_change"), data).status_code == 302
    story.officer_a.refresh_from_db()
    assert story.officer_a.check_password("Baan-na-2568!")


def test_logging_out_needs_post_and_ends_the_session(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_deleting_a_token_asks_first_and_no_tokens_is_said(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    assert "ยังไม่มีโทเค็น" in client.get(reverse("accounts:profile")).content.decode()
    api_token_create(user=story.officer_a, name="ระบบบัญชี")
    html = client.get(reverse("accounts:profile")).content.decode()
    assert 'hx-confirm="ลบโทเค็น “ระบบบัญชี” หรือไม่?' in html
