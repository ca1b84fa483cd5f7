from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from kongtun.followups.tests.factories import running_project


def test_project_panel_renders_progress_and_links(story: Any) -> None:
    project = running_project(story)
    html = render_to_string("followups/_project_panel.html", {"project": project})
    assert "0/2" in html
    assert f"/followups/projects/{project.pk}/" in html
