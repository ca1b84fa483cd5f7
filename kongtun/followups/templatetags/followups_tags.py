"""`{% project_progress project as progress %}` for the panel the project page includes."""

from __future__ import annotations

from django import template

from kongtun.followups.selectors import Progress
from kongtun.followups.selectors import project_progress as _project_progress
from kongtun.projects.models import Project

register = template.Library()


@register.simple_tag
def project_progress(project: Project) -> Progress:
    return _project_progress(project)
