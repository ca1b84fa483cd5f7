"""Login limits per account and per client address, and the client address behind a proxy."""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from kongtun.accounts.limits import client_address
from kongtun.conftest import PASSWORD

PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db: None) -> Iterator[None]:
    """An empty cache, and the clock of the limits held still: a 15-minute window that ends in the
    middle of a test would start the count again."""
    cache.clear()  # the database cache on the embedded default
    with mock.patch("django_ratelimit.core.time.time", return_value=time.time()):
        yield
    cache.clear()


def _post(username: str, password: str, *, peer: str = "192.0.2.1", forwarded: str = "") -> int:
    extra: dict[str, Any] = {"REMOTE_ADDR": peer}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    response = Client().post(reverse("accounts:login"), {"username": username, "password": password}, **extra)
    return response.status_code


def test_an_account_is_refused_after_ten_wrong_passwords_from_any_address(story: SimpleNamespace) -> None:
    statuses = [_post("officer_a", "wrong", peer=f"192.0.2.{i}") for i in range(10)]
    assert statuses == [200] * 10
    assert _post("officer_a", PASSWORD, peer="198.51.100.7") == 429
    assert _post("OFFICER_A@example.org", PASSWORD, peer="198.51.100.8") == 429  # the same account


def test_an_address_is_refused_after_thirty_tries_on_many_accounts(story: SimpleNamespace) -> None:
    statuses = [_post(f"guess{i}", "wrong") for i in range(30)]
    assert statuses == [200] * 30
    assert _post("officer_a", PASSWORD) == 429
    assert _post("officer_a", PASSWORD, peer="192.0.2.99") == 302  # another address is not affected


def test_another_account_behind_the_same_proxy_still_logs_in(story: SimpleNamespace, settings: Any) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [_post("officer_a", "wrong", peer=PROXY, forwarded="203.0.113.5") for _ in range(30)]
    assert statuses == [200] * 10 + [429] * 20
    # Another person of the same office (same address) and one elsewhere, both through the proxy.
    assert _post("officer_b", PASSWORD, peer=PROXY, forwarded="203.0.113.5") == 302
    assert _post("mentor_chana", PASSWORD, peer=PROXY, forwarded="203.0.113.9") == 302


def test_many_accounts_tried_behind_the_proxy_block_only_that_client(
    story: SimpleNamespace, settings: Any
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(30):
        _post(f"guess{i}", "wrong", peer=PROXY, forwarded="203.0.113.5")
    assert _post("officer_a", PASSWORD, peer=PROXY, forwarded="203.0.113.5") == 429
    assert _post("officer_a", PASSWORD, peer=PROXY, forwarded="203.0.113.9") == 302


def test_without_a_trusted_proxy_a_forwarded_address_is_not_believed(story: SimpleNamespace) -> None:
    for i in range(30):
        _post(f"guess{i}", "wrong", forwarded=f"203.0.113.{i}")
    assert _post("officer_a", PASSWORD, forwarded="203.0.113.200") == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", PROXY),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),  # what the client wrote itself is not believed
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_the_one_the_nearest_trusted_proxy_saw(
    settings: Any, count: int, forwarded: str, expected: str
) -> None:
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
