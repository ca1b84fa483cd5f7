"""Removing a role in a real phone-sized Chromium: the browser asks first; "cancel" keeps it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from kongtun.accounts.models import Membership
from kongtun.core.tests.test_browser_foundation import _log_in as log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_removing_a_role_asks_for_confirmation_and_cancel_keeps_it(
    story: SimpleNamespace, browser_page: Any
) -> None:
    page = browser_page
    log_in(page, "officer_a")
    membership = Membership.objects.get(user=story.collector_a)
    page.goto(f"{page.base_url}/funds/L9001/members/")
    row = page.locator("tr", has_text=str(story.collector_a))
    questions: list[str] = []

    def dismiss(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    row.get_by_role("button").click()
    page.wait_for_timeout(300)
    assert questions and str(story.collector_a) in questions[0]
    assert Membership.objects.filter(pk=membership.pk).exists()

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button").click()
    page.get_by_text("ถอดบทบาทออกแล้ว").wait_for()
    assert not Membership.objects.filter(pk=membership.pk).exists()
