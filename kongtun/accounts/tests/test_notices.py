"""Notices by e-mail: one per notice after the write commits, or a daily digest, or none, as each
user chose; the officer hears of a submission, the proposer of a decision, the mentor of a call
for help."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from kongtun.accounts.models import DigestDay, NoticeEmail, Notification
from kongtun.accounts.services import notices_digest, notify
from kongtun.accounts.tasks import notices_digest_daily
from kongtun.followups.services import report_create
from kongtun.followups.tests.factories import running_project


def test_a_notice_is_mailed_once_the_write_commits_with_a_full_link(story: SimpleNamespace, settings) -> None:  # type: ignore[no-untyped-def]
    settings.KONGTUN_SITE_URL = "https://kongtun.example.org"
    with transaction.atomic():
        notify(users=[story.officer_a], message="มีข้อเสนอโครงการใหม่", url="/projects/1/")
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == ["officer_a@example.org"] and message.subject == "มีข้อเสนอโครงการใหม่"
    assert "https://kongtun.example.org/projects/1/" in message.body
    assert Notification.objects.get().emailed_at is not None


def test_a_rolled_back_write_mails_nothing(story: SimpleNamespace) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(users=[story.officer_a], message="ไม่ควรส่ง")
        raise RuntimeError
    assert mail.outbox == []


def test_the_daily_digest_gathers_the_day_s_notices_in_one_mail_once(story: SimpleNamespace) -> None:
    story.officer_a.notice_email = NoticeEmail.DAILY
    story.officer_a.save()
    story.committee_a.notice_email = NoticeEmail.OFF
    story.committee_a.save()
    notify(users=[story.officer_a, story.committee_a], message="มีข้อเสนอโครงการใหม่ ก", url="/projects/1/")
    notify(users=[story.officer_a], message="มีข้อเสนอโครงการใหม่ ข")
    assert mail.outbox == []
    assert notices_digest() == 1
    [digest] = mail.outbox
    assert digest.to == ["officer_a@example.org"] and "2" in digest.subject
    assert "มีข้อเสนอโครงการใหม่ ก" in digest.body and "มีข้อเสนอโครงการใหม่ ข" in digest.body
    call_command("notices_digest")
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=story.committee_a).count() == 1  # still on the site


def test_the_mentor_is_mailed_when_a_report_asks_for_help(story: SimpleNamespace) -> None:
    project = running_project(story)
    report_create(
        project=project,
        by=story.proposer_a,
        title="ประชุมชี้แจง",
        date=dt.date(2025, 2, 10),
        help_needed="ขอคำแนะนำการวัดผล",
    )
    assert [m.to for m in mail.outbox] == [["mentor_chana@example.org"]]


def test_a_user_chooses_the_digest_on_their_profile(story: SimpleNamespace) -> None:
    from kongtun.conftest import login

    client = login(story.officer_a)
    page = client.get("/accounts/profile/")
    assert "notice_email" in page.content.decode()
    client.post(
        "/accounts/profile/",
        {
            "display_name": "เจ้าหน้าที่",
            "email": "officer_a@example.org",
            "phone": "",
            "organisation": "",
            "language": "th",
            "notice_email": "daily",
        },
    )
    story.officer_a.refresh_from_db()
    assert story.officer_a.notice_email == NoticeEmail.DAILY


def test_the_digest_job_runs_once_a_day_however_often_it_is_enqueued(story: SimpleNamespace) -> None:
    story.officer_a.notice_email = NoticeEmail.DAILY
    story.officer_a.save()
    notify(users=[story.officer_a], message="มีข้อเสนอโครงการใหม่ ก")
    call_command("notices_digest", "--enqueue", "--day", "2025-03-01")  # the immediate backend runs it
    assert len(mail.outbox) == 1 and DigestDay.objects.get(day="2025-03-01").sent == 1
    notify(users=[story.officer_a], message="มีข้อเสนอโครงการใหม่ ข")
    result = notices_digest_daily.enqueue("2025-03-01")
    assert result.return_value is None and len(mail.outbox) == 1  # that day's digest went out already
    call_command("notices_digest", "--day", "2025-03-01")
    assert len(mail.outbox) == 1
    assert notices_digest_daily.enqueue("2025-03-02").return_value == 1  # the next day's has the new notice
    assert "มีข้อเสนอโครงการใหม่ ข" in mail.outbox[1].body
