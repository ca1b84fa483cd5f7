from __future__ import annotations

from django.test import Client


def test_api_docs_load_swagger_from_this_site_not_a_cdn() -> None:
    """The site's CSP allows only its own scripts, and officers' networks may not reach a CDN."""
    body = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in body
    assert "cdn.jsdelivr" not in body
