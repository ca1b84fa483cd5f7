"""Not found under /api/ is JSON in the API's error shape; elsewhere the site's 404 page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found

from kongtun.core.api_errors import error_response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return error_response(_("Not found."), status=404)
    return page_not_found(request, exception)  # type: ignore[arg-type]
