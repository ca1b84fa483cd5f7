"""Search as JSON: /api/v1/search/?q=…&issue=…; public results, drafts only for those who may see them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kongtun.accounts.auth import TokenAuth
from kongtun.search.selectors import search_documents

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = ""
    kind: str | None = None
    region: int | None = None
    province: str | None = None
    district: str | None = None
    fund: str | None = None
    year: int | None = None
    issue: int | None = None
    status: str | None = None
    support_type: int | None = None
    target_group: int | None = None
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=10_000)  # results are counted up to COUNT_CAP anyway


def _optional_user(request: HttpRequest) -> Any:
    """The token's or the session's user, or the anonymous visitor: search is public."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = TokenAuth().authenticate(request, header.split(" ", 1)[1].strip())
        if user:
            return user
    return request.user


@router.get("/", response=dict, auth=None)
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    filters = {k: v for k, v in params.dict(exclude={"q", "limit", "offset"}).items() if v is not None}
    results = search_documents(
        user=_optional_user(request),
        query=params.q,
        filters=filters,
        limit=params.limit,
        offset=params.offset,
    )
    return {
        "query": results.query,
        "words": results.words,
        "count": results.total,
        "more": results.more,
        "fuzzy": results.fuzzy,
        "items": [
            {
                "kind": h.doc.kind,
                "id": h.doc.object_id,
                "title": h.doc.title,
                "title_html": str(h.title),
                "snippet_html": str(h.snippet),
                "url": h.doc.url,
                "fund": h.doc.fund.code,
                "fiscal_year": h.doc.fiscal_year,
                "status": h.doc.status,
                "public": h.doc.is_public,
            }
            for h in results.hits
        ],
    }
