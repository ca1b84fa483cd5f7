"""The app as it is deployed: static files, the environment, compose, the read replica, jobs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django_tasks import TaskResultStatus

from kongtun.accounts.models import Membership, User
from kongtun.core.replica import ReplicaReadsMiddleware, ReplicaRouter
from kongtun.core.tasks import worker_check
from kongtun.funds.models import Fund
from kongtun.projects.models import Project
from kongtun.search.models import SearchDocument

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


# Configured from the environment only ---------------------------------------------------------

ROOT = Path(settings.BASE_DIR)
ENV_READ = re.compile(r"""(?:os\.environ(?:\.get)?[\[(]|env_bool\(|env=)\s*["']([A-Z][A-Z0-9_]+)["']""")
# Set by the image or the machine, not by an operator.
NOT_FOR_OPERATORS = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _settings_env() -> set[str]:
    return set(ENV_READ.findall((KONGTUN / "settings.py").read_text())) - NOT_FOR_OPERATORS


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme() -> None:
    names = _settings_env()
    assert {
        "DJANGO_SECRET_KEY",
        "DATABASE_URL",
        "DATABASE_REPLICA_URL",
        "REDIS_URL",
        "DJANGO_S3_BUCKET",
    } <= names
    readme = (ROOT / "README.md").read_text()
    assert sorted(n for n in names if f"`{n}`" not in readme) == []


def test_compose_runs_web_worker_postgresql_redis_and_object_storage() -> None:
    services = _compose()["services"]
    assert {"web", "worker", "db", "redis", "minio", "migrate"} <= set(services)
    web, worker = services["web"], services["worker"]
    assert web["build"] == worker["build"] == "."
    assert worker["command"] == ["python", "manage.py", "db_worker"]
    env = web["environment"]
    assert env["DJANGO_DEBUG"] == "0"
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
    assert env["DJANGO_TASK_BACKEND"] == "database" == worker["environment"]["DJANGO_TASK_BACKEND"]
    assert env["DJANGO_S3_ENDPOINT_URL"].endswith("minio:9000}")


def test_compose_sets_only_variables_the_app_reads() -> None:
    """A misspelt name in compose.yaml would be ignored without a word."""
    read = _settings_env() | {"WEB_CONCURRENCY"}  # WEB_CONCURRENCY: gunicorn's own
    for name in ("web", "worker", "migrate"):
        assert sorted(set(_compose()["services"][name]["environment"]) - read) == []


def test_the_image_runs_as_a_user_builds_static_files_and_starts_gunicorn() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11-slim\n" in dockerfile
    assert "USER kongtun" in dockerfile
    assert "collectstatic" in dockerfile.split("USER kongtun")[0]
    assert 'CMD ["gunicorn", "kongtun.wsgi"' in dockerfile
    assert "libpango-1.0-0" in dockerfile and "postgresql-client" in dockerfile


def _settings_with(env: dict[str, str]) -> dict[str, Any]:
    """The settings a fresh process gets from these environment variables."""
    code = (
        "import json, kongtun.settings as s; print(json.dumps({'databases': sorted(s.DATABASES),"
        " 'routers': getattr(s, 'DATABASE_ROUTERS', []), 'middleware': s.MIDDLEWARE,"
        " 'cache': s.CACHES['default']['BACKEND'], 'storage': s.STORAGES['default'],"
        " 'tasks': s.TASKS['default']['BACKEND'],"
        " 'replica_test': s.DATABASES.get('replica', {}).get('TEST')}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def test_the_embedded_default_needs_no_service() -> None:
    s = _settings_with({})
    assert s["databases"] == ["default"] and s["routers"] == []
    assert s["cache"] == "django.core.cache.backends.db.DatabaseCache"  # shared by every worker
    assert s["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert s["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_the_environment_turns_on_redis_s3_the_replica_and_the_job_queue() -> None:
    s = _settings_with(
        {
            "REDIS_URL": "redis://cache:6379/0",
            "DATABASE_URL": "postgres://u:p@primary:5432/kongtun",
            "DATABASE_REPLICA_URL": "postgres://u:p@replica:5432/kongtun",
            "DJANGO_S3_BUCKET": "photos",
            "DJANGO_S3_ENDPOINT_URL": "https://files.example.org",
            "DJANGO_S3_URL_SECONDS": "120",
            "DJANGO_TASK_BACKEND": "database",
        }
    )
    assert s["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert s["databases"] == ["default", "replica"]
    assert s["routers"] == ["kongtun.core.replica.ReplicaRouter"]
    assert s["middleware"][0] == "kongtun.core.replica.ReplicaReadsMiddleware"
    assert s["replica_test"] == {"MIRROR": "default"}
    assert s["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s["storage"]["OPTIONS"]["bucket_name"] == "photos"
    assert s["storage"]["OPTIONS"]["querystring_expire"] == 120
    assert s["storage"]["OPTIONS"]["querystring_auth"] is True
    assert s["tasks"] == "django_tasks_db.DatabaseBackend"


# The read replica -------------------------------------------------------------------------------


def _db_in_request(method: str, path: str, model: type[Any]) -> str:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(ReplicaRouter().db_for_read(model))
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().generic(method, path))
    return seen[0]


@pytest.mark.parametrize(
    "path", ["/dashboards/", "/dashboards/province/90/", "/search/?q=x", "/api/v1/search/"]
)
def test_dashboards_and_search_read_their_data_from_the_replica(path: str) -> None:
    assert _db_in_request("GET", path, Fund) == "replica"
    assert _db_in_request("HEAD", path, SearchDocument) == "replica"


@pytest.mark.parametrize(
    ("method", "path", "model"),
    [
        ("GET", "/dashboards/", User),  # who the user is and their roles: the primary
        ("GET", "/dashboards/", Membership),
        ("GET", "/projects/1/", Project),  # every other page
        ("GET", "/funds/L7888/", Fund),
        ("POST", "/search/", Fund),  # a write request
    ],
)
def test_everything_else_reads_from_the_primary(method: str, path: str, model: type[Any]) -> None:
    assert _db_in_request(method, path, model) == "default"


def test_writes_migrations_and_reads_outside_a_request_use_the_primary() -> None:
    router = ReplicaRouter()
    assert router.db_for_read(Fund) == "default"  # a command, a worker job
    assert router.db_for_write(Fund) == "default"
    assert router.allow_migrate("default", "funds") is True
    assert router.allow_migrate("replica", "funds") is False


# Background jobs --------------------------------------------------------------------------------


def test_the_embedded_default_runs_a_job_at_once(db: None) -> None:
    out = StringIO()
    call_command("worker_check", stdout=out)
    assert "worker ran the check job" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_queued_job_waits_for_the_worker_and_the_worker_runs_it(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = worker_check.enqueue("token-1")
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "token-1"


@pytest.mark.django_db(transaction=True)
def test_the_worker_check_fails_when_no_worker_runs(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(CommandError, match="no worker ran the check job"):
        call_command("worker_check", wait=0.3)


# Backup ----------------------------------------------------------------------------------------


def test_backup_on_sqlite_says_to_copy_the_file(db: None, tmp_path: Path) -> None:
    """PostgreSQL is backed up by `.ci/production` (backup, restore into a fresh database, compare)."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite answer")
    with pytest.raises(CommandError, match="need PostgreSQL; with SQLite, copy the database file"):
        call_command("backup", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()
