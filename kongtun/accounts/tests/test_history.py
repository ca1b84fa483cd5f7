"""People, roles and API tokens are in the audit trail, without passwords or token secrets."""

from __future__ import annotations

from typing import Any

from django.db import connection

from kongtun.accounts.models import ApiToken, Membership, Role, User
from kongtun.conftest import login


def _columns(model: Any) -> set[str]:
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, model._meta.db_table)
    return {column.name for column in described}


def _rows(model: Any) -> str:
    return " ".join(str(row) for row in model.objects.values_list())


def test_a_profile_change_is_in_the_trail_with_the_user(story: Any) -> None:
    response = login(story.officer_a).post(
        "/accounts/profile/", {"display_name": "สมศรี ใจดี", "email": "somsri@example.org", "language": "th"}
    )
    assert response.status_code == 302
    latest = User.objects.get(pk=story.officer_a.pk).history.latest()
    assert latest.display_name == "สมศรี ใจดี" and latest.history_user == story.officer_a


def test_the_trail_of_users_never_holds_a_password_and_a_login_adds_no_row(story: Any, client: Any) -> None:
    user: User = story.officer_a
    assert "password" not in _columns(User.history.model)
    assert user.password not in _rows(User.history.model)
    before = user.history.count()
    assert (
        client.post("/accounts/login/", {"username": "officer_a", "password": "test-pass-1234"}).status_code
        == 302
    )
    assert user.history.count() == before


def test_a_token_made_on_the_profile_page_is_in_the_trail_without_its_secret(story: Any) -> None:
    response = login(story.officer_a).post("/accounts/tokens/new/", {"name": "แอปของกองทุน"}, follow=True)
    assert response.status_code == 200
    token = ApiToken.objects.get(user=story.officer_a)
    record = token.history.get()
    assert record.history_user == story.officer_a and record.prefix == token.prefix
    assert not {"key_hash", "last_used_at"} & _columns(ApiToken.history.model)
    page = response.content.decode()
    key = page[page.index("kt_") :].split("<", 1)[0].split()[0]
    assert key[3:] not in _rows(ApiToken.history.model)
    assert token.key_hash not in _rows(ApiToken.history.model)
    login(story.officer_a).post(f"/accounts/tokens/{token.pk}/delete/")
    deleted = ApiToken.history.filter(id=token.pk).latest()
    assert deleted.history_type == "-" and deleted.history_user == story.officer_a


def test_a_role_given_and_taken_at_the_fund_is_in_the_trail_with_the_officer(story: Any) -> None:
    client = login(story.officer_a)
    url = f"/funds/{story.fund_a.code}/members/"
    data = {"email": "new@example.org", "display_name": "อาสาใหม่", "role": Role.DATA_COLLECTOR}
    assert client.post(url, data).status_code == 302
    membership = Membership.objects.get(user__email="new@example.org")
    assert membership.history.get().history_user == story.officer_a
    assert client.post(f"{url}{membership.pk}/remove/").status_code == 302
    removed = Membership.history.filter(id=membership.pk).latest()
    assert removed.history_type == "-" and removed.history_user == story.officer_a


def test_the_fund_officer_reads_the_history_of_roles_and_tokens_and_outsiders_do_not(story: Any) -> None:
    client = login(story.officer_a)
    url = f"/funds/{story.fund_a.code}/members/"
    client.post(url, {"email": "new@example.org", "display_name": "อาสาใหม่", "role": Role.DATA_COLLECTOR})
    page = client.get(f"{url}history/")
    assert page.status_code == 200 and "officer_a" in page.content.decode()
    assert f"{url}history/" in client.get(url).content.decode()
    assert login(story.committee_a).get(f"{url}history/").status_code == 403
    assert login(story.officer_b).get(f"{url}history/").status_code == 404
