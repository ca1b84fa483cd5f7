from __future__ import annotations

from typing import Any

from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups.demo import seed002_project


def test_dump(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    r = login(story.officer_a).get(reverse("followups:final_report_pdf", args=[project.pk]))
    open("/tmp/fr.pdf", "wb").write(r.content)
    rep = project.activity_reports.first()
    r = login(story.officer_a).get(reverse("followups:report_pdf", args=[rep.pk]))
    open("/tmp/ar.pdf", "wb").write(r.content)
    r = login(story.officer_a).get(reverse("followups:final_report", args=[project.pk]))
    open("/tmp/fr.html", "wb").write(r.content)
