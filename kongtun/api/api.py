"""The JSON API: /api/v1/…, documented at /api/docs. Each app adds its router here.

Every 4xx answer has one shape, `{"detail": "…", "errors": [{"field", "message"}]}`
(core/api_errors.py): the handlers below give it to refused logins, permissions, missing records,
Django validation errors, the API's own parameter checks and unreadable bodies, and the OpenAPI
document names it for each status an operation can answer (`_Schema.responses`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ConfigError, HttpError
from ninja.errors import ValidationError as ParamsError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.security import django_auth

from kongtun.accounts.api import router as accounts_router
from kongtun.accounts.auth import TokenAuth
from kongtun.api.messages import params_error_items
from kongtun.areas.api import router as areas_router
from kongtun.core.api_errors import ErrorOut, error_body, validation_items
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
from kongtun.webhooks.api import router as webhooks_router

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
BODY_SOURCES = {"body", "form", "file"}


class _Schema(OpenAPISchema):
    """The OpenAPI document, with the error statuses of each operation and one name per schema."""

    def responses(self, operation: Operation) -> dict[int, Any]:
        result = super().responses(operation)
        error = self._create_schema_from_model(
            operation._create_response_model(ErrorOut),  # type: ignore[type-var]
            by_alias=True,
            mode="serialization",
        )[0]
        for status in error_statuses(operation):
            result[status] = {
                "description": _STATUS_TEXT[status],
                "content": {self.api.renderer.media_type: {"schema": error}},
            }
        return dict(sorted(result.items()))

    def add_schema_definitions(self, definitions: dict[str, Any]) -> None:
        for name, definition in definitions.items():
            if name in self.schemas and self.schemas[name] != definition:
                raise ConfigError(f"Two API schemas are named {name}: give one of them another name.")
        super().add_schema_definitions(definitions)


_STATUS_TEXT = {
    400: "The body could not be read (not JSON, or not the form it should be).",
    401: "No valid API token or session.",
    403: "The caller may see this but not do it.",
    404: "Not found, or not visible to the caller.",
    409: "The record changed meanwhile, or is not in the state this needs.",
    422: "The data is not valid: each refused field with its reason (in Thai).",
}


def error_statuses(operation: Operation) -> list[int]:
    """The 4xx statuses an operation can answer, besides those it declares itself."""
    # Any parameter can be refused (a NUL in the path or query too); a record named by the path or
    # the query may be missing or hidden from the caller.
    statuses = {404, 422}
    if any(model.__ninja_param_source__ in BODY_SOURCES for model in operation.models):
        statuses.add(400)
    if operation.auth_callbacks:
        statuses |= {401, 403}
    if WRITES & set(operation.methods):
        statuses |= {403, 409}
    statuses |= {s for s in operation.response_models if isinstance(s, int) and 400 <= s < 500}
    return sorted(statuses)


class KongtunAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return _Schema(self, path_prefix)


api = KongtunAPI(
    title="Kongtun API",
    version="1",
    description="Community health funds: areas, funds, situation, plans, projects, follow-up. "
    'Every 4xx answer is {"detail": "…", "errors": [{"field": "…", "message": "…"}]}, in Thai.',
    docs_url="/docs",
    urls_namespace="api",
    auth=[TokenAuth(), django_auth],
)


def _error(request: HttpRequest, status: int, detail: str, errors: Any = ()) -> HttpResponse:
    return api.create_response(request, error_body(detail, errors), status=status)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, _("Log in, or send an API token as “Authorization: Bearer <token>”."))


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, _("You may not do this."))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, _("Not found."))


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(request, 422, _("The data is not valid."), validation_items(exc))


@api.exception_handler(ParamsError)
def _invalid_params(request: HttpRequest, exc: ParamsError) -> HttpResponse:
    return _error(request, 422, _("The data is not valid."), params_error_items(exc.errors))


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Ninja's own refusals: an unreadable body (400), a failed CSRF check (403)."""
    if exc.status_code == 400:
        return _error(
            request, 400, _("The body could not be read: send JSON, or the form the operation names.")
        )
    if exc.status_code == 403:
        return _error(request, 403, _("You may not do this."))
    if exc.status_code == 429:
        return _error(request, 429, _("Too many requests: wait a moment and try again."))
    return _error(request, exc.status_code, str(exc))


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
api.add_router("/v1/webhooks/", webhooks_router)
