"""The app as it is deployed: static files built with the production storage."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command

KONGTUN = Path(settings.BASE_DIR) / "kongtun"
STATIC_TAG = re.compile(r"""\{%\s*static\s+["']([^"']+)["']""")


def test_collectstatic_with_the_production_manifest_storage_writes_every_template_file(
    settings: Any, tmp_path: Path
) -> None:
    """With DJANGO_DEBUG=0 a reference to a missing file (a source map, a CSS url()) stops
    collectstatic: no manifest, and every page answers 500. Django's manifest storage resolves the
    references exactly as production's WhiteNoise storage (its subclass) does, without the minute of
    compression; `.ci/run` builds with the real one."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    used = {m for t in KONGTUN.rglob("templates/**/*.html") for m in STATIC_TAG.findall(t.read_text())}
    assert used, "no {% static %} tag found: the pattern no longer matches the templates"
    assert sorted(used - set(manifest)) == []
    assert "vendor/chart.umd.min.js" in manifest
