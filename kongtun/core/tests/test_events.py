"""The after-commit hook: writes announce themselves, read models hear of them once, after commit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from kongtun.core import events
from kongtun.core.events import Change
from kongtun.projects.services import project_create, project_update_general
from kongtun.search.models import Kind, SearchDocument


@pytest.fixture
def heard() -> Iterator[list[Sequence[Change]]]:
    calls: list[Sequence[Change]] = []
    listener = events.listen(calls.append)
    yield calls
    events._listeners.remove(listener)


def _doc_exists(pk: int) -> bool:
    return SearchDocument.objects.filter(kind=Kind.PROJECT, object_id=pk).exists()


def test_nothing_is_indexed_while_the_transaction_is_open(story: SimpleNamespace) -> None:
    with transaction.atomic():
        project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการลดหวานมันเค็ม")
        assert not _doc_exists(project.pk)
    assert _doc_exists(project.pk)


def test_a_rolled_back_write_announces_nothing(story: SimpleNamespace, heard: list[Any]) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการที่ไม่เกิด")
        raise RuntimeError("the user's request failed after the write")
    assert heard == []
    assert not _doc_exists(project.pk)


def test_listeners_hear_each_object_once_per_commit(story: SimpleNamespace, heard: list[Any]) -> None:
    with transaction.atomic():
        project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการเดิน วิ่ง")
        project_update_general(project=project, title="โครงการเดิน วิ่ง ปั่น")
    assert len(heard) == 1
    (change,) = heard[0]
    assert (change.model, change.pk, change.fund_id) == ("projects.project", project.pk, story.fund_a.pk)
    assert change.fiscal_year == project.fiscal_year


def test_a_delete_wins_over_earlier_updates_of_the_same_object(
    story: SimpleNamespace, heard: list[Any]
) -> None:
    project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการชั่วคราว")
    heard.clear()
    with transaction.atomic():
        events.changed(project)
        events.changed(project, deleted=True)
        events.changed(project)
    assert [c.deleted for c in heard[0]] == [True]


def test_a_delete_outside_a_transaction_is_refused(story: SimpleNamespace) -> None:
    project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการชั่วคราว")
    connection = transaction.get_connection()
    blocks = connection.atomic_blocks
    connection.atomic_blocks = []  # as in autocommit, outside the test's own transaction
    connection.in_atomic_block, was_in = False, connection.in_atomic_block
    try:
        with pytest.raises(RuntimeError):
            events.changed(project, deleted=True)
    finally:
        connection.atomic_blocks, connection.in_atomic_block = blocks, was_in


def test_a_failing_listener_does_not_undo_a_committed_write(
    story: SimpleNamespace, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.KONGTUN_EVENTS_RAISE = False

    def broken(changes: Sequence[Change]) -> None:
        raise ValueError("read model down")

    events.listen(broken)
    try:
        project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการยังอยู่")
    finally:
        events._listeners.remove(broken)
    assert project.pk is not None
    assert "read model down" in caplog.text


def test_mail_goes_out_only_after_commit(story: SimpleNamespace, settings: Any) -> None:
    from kongtun.accounts.services import notify

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    sent: list[Any] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("kongtun.accounts.services.send_mail", lambda *a, **k: sent.append(a))
        with transaction.atomic():
            notify(users=[story.officer_a], message="มีโครงการส่งมา", url="/")
            assert sent == []
        assert len(sent) == 1
    assert mail.outbox == []
