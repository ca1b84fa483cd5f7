"""The JSON API: /api/v1/…, documented at /api/docs. Each app adds its router here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import django_auth

from kongtun.accounts.api import router as accounts_router
from kongtun.accounts.auth import TokenAuth
from kongtun.areas.api import router as areas_router
from kongtun.dashboards.api import router as dashboards_router
from kongtun.exchange.api import router as exchange_router
from kongtun.field.api import router as field_router
from kongtun.finance.api import router as finance_router
from kongtun.followups.api import router as followups_router
from kongtun.funds.api import router as funds_router
from kongtun.plans.api import router as plans_router
from kongtun.projects.api import router as projects_router
from kongtun.search.api import router as search_router
from kongtun.situations.api import router as situations_router

api = NinjaAPI(
    title="Kongtun API",
    version="1",
    description="Community health funds: areas, funds, situation, plans, projects, follow-up.",
    docs_url="/docs",
    urls_namespace="api",
    auth=[TokenAuth(), django_auth],
)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = _("Log in, or send an API token as “Authorization: Bearer <token>”.")
    return api.create_response(request, {"detail": message}, status=401)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": _("You may not do this.")}, status=403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": _("The data is not valid."), "errors": errors}, status=422)


api.add_router("/v1/", accounts_router)
api.add_router("/v1/areas/", areas_router)
api.add_router("/v1/funds/", funds_router)
api.add_router("/v1/situations/", situations_router)
api.add_router("/v1/plans/", plans_router)
api.add_router("/v1/projects/", projects_router)
api.add_router("/v1/followups/", followups_router)
api.add_router("/v1/finance/", finance_router)
api.add_router("/v1/dashboards/", dashboards_router)
api.add_router("/v1/search/", search_router)
api.add_router("/v1/exchange/", exchange_router)
api.add_router("/v1/field/", field_router)
