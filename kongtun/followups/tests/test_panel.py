from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from kongtun.core.panels import panels
from kongtun.followups.tests.factories import running_project


def test_project_panel_renders_progress_and_links(story: Any) -> None:
    project = running_project(story)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = "".join(str(p) for p in panels("project.panels", request, project))
    assert "0/2" in html
    assert f"/followups/projects/{project.pk}/" in html


def test_a_proposal_has_no_follow_up_panel(story: Any) -> None:
    project = running_project(story)
    project.status = "submitted"
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert panels("project.panels", request, project) == []
