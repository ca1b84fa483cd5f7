"""What the benchmark scripts share: production settings, the guard on the database name,
percentiles, the machine's load and the commit measured."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STATIC_ROOT = Path(tempfile.gettempdir()) / "kongtun-bench-static"
# A proxy in front of gunicorn terminates TLS and says so (README, "Deployment"); the benchmarks
# send the same header, so the production settings (HTTPS redirect, secure cookies) stay as they are.
FORWARDED_PROTO = "https"


def production_env() -> dict[str, str]:
    """The environment of a production process (DJANGO_DEBUG=0), with a throw-away secret key and
    the static files collected into STATIC_ROOT (bench/settings.py). DATABASE_URL is the caller's."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    env.setdefault("DJANGO_DEBUG", "0")
    env.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 50)
    env.setdefault("KONGTUN_BENCH_STATIC_ROOT", str(STATIC_ROOT))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def use_production_settings() -> None:
    """Set up this process (django.setup()) as production_env() describes, with the static files
    collected."""
    os.environ.update(production_env())
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    collectstatic()


def collectstatic() -> None:
    """The manifest the production static storage needs ({% static %} fails without it), built again
    only when a static file changed: compressing them all takes minutes."""
    from django.contrib.staticfiles.finders import get_finders
    from django.core.management import call_command

    manifest = STATIC_ROOT / "staticfiles.json"
    built = manifest.stat().st_mtime if manifest.exists() else 0.0
    newest = max(
        Path(storage.path(path)).stat().st_mtime
        for finder in get_finders()
        for path, storage in finder.list([])
    )
    if newest > built:
        print(f"collecting the static files into {STATIC_ROOT} (minutes, once)", file=sys.stderr, flush=True)
        call_command("collectstatic", interactive=False, verbosity=0)


def refuse_unless_bench(connection: Any) -> None:
    name = str(connection.settings_dict["NAME"])
    if not Path(name).name.startswith("kongtun_bench"):
        raise SystemExit(f"Refusing to run on {connection.vendor} database {name!r}: use kongtun_bench*.")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def load() -> float:
    """The one-minute load average of the machine."""
    return os.getloadavg()[0]


def commit() -> str:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"
