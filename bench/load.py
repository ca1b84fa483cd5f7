"""Load: the pages under concurrent clients, served as in production (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench .venv/bin/python bench/load.py

Starts gunicorn (`--workers 3`, as README "Deployment" says) with the production settings
(DJANGO_DEBUG=0, the static files collected into a directory of the benchmark's own, WhiteNoise),
checks that every page answers 200 to the user who reads it, warms each worker up, then drives
each page with `--clients` concurrent connections for `--duration` seconds, one page after the
other, and reports requests/s, p50/p95/p99 latency and errors (refused or dropped connections,
time-outs, any answer that is not 2xx/3xx).

The clients are wrk (Debian: `apt-get install wrk`): one C thread with an event loop keeps the ten
connections busy on a few per cent of one core, so the two cores of this machine are left to
gunicorn and PostgreSQL; ten Python client threads would take a large share of them (and wait on
their own GIL), and the figures would measure the client too. wrk's time-out is raised to 60 s so
a slow page counts in the latency instead of vanishing as a time-out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    FORWARDED_PROTO,
    ROOT,
    commit,
    load,
    production_env,
    refuse_unless_bench,
    use_production_settings,
)
from bench.run import COMMON, officer_of, pick

LUA = Path(__file__).with_name("wrk_report.lua")


def pages(params: dict) -> list[tuple[str, str, dict[str, str]]]:
    """(label, path, headers) of each page, with the session of the user who reads it."""
    from django.conf import settings
    from django.test import Client

    from kongtun.projects.models import Project

    out: list[tuple[str, str, dict[str, str]]] = [
        ("national dashboard", "/dashboards/", {}),
        (f"search '{COMMON}'", "/search/?q=" + quote(COMMON), {}),
    ]
    if params["final_report_project"]:
        project = Project.objects.select_related("fund").get(pk=params["final_report_project"])
        client = Client()
        client.force_login(officer_of(project))
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        out.append(
            (
                "final report page (fund officer)",
                f"/followups/projects/{project.pk}/final-report/",
                {"Cookie": cookie},
            )
        )
    if params["project"]:
        out.append(("public project page", f"/projects/{params['project']}/", {}))
    return out


def serving(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


def check(base: str, path: str, headers: dict[str, str]) -> None:
    """The page answers 200 (not a redirect to the login page, not an error) to this user."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(base + path, headers={"X-Forwarded-Proto": FORWARDED_PROTO, **headers})
    try:
        status = urllib.request.build_opener(NoRedirect).open(request, timeout=120).status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        raise SystemExit(f"GET {path}: {status}, not 200")


def wrk(url: str, headers: dict[str, str], clients: int, seconds: float) -> dict:
    command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds:.0f}s", "--timeout", "60s", "-s", str(LUA)]
    for name, value in {"X-Forwarded-Proto": FORWARDED_PROTO, **headers}.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--clients", type=int, default=10, help="concurrent connections per page")
    parser.add_argument("--duration", type=float, default=20, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load per page before measuring")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    use_production_settings()
    from django.db import connection

    refuse_unless_bench(connection)
    params = pick(None)
    measured = pages(params)
    connection.close()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = Path(tempfile.gettempdir()) / f"kongtun-bench-gunicorn-{args.port}.log"
    started, load_start = dt.datetime.now().astimezone(), load()
    print(
        f"database {connection.settings_dict['NAME']}, fiscal year {params['year']}; gunicorn "
        f"--workers {args.workers}; {args.clients} clients, {args.duration:.0f} s per page after "
        f"{args.warmup:.0f} s of warm-up; commit {commit()}; {started:%Y-%m-%d %H:%M %Z}; "
        f"load {load_start:.2f}\n",
        flush=True,
    )
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [
                str(gunicorn),
                "kongtun.wsgi",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{args.port}",
            ],
            cwd=ROOT,
            env=production_env(),
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{args.port}"
    rows = []
    try:
        serving(args.port, time.monotonic() + 60)
        for _label, path, headers in measured:
            check(base, path, headers)
        for _label, path, headers in measured:
            wrk(base + path, headers, args.clients, args.warmup)
        print("| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | load |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
        for label, path, headers in measured:
            before = load()
            r = wrk(base + path, headers, args.clients, args.duration)
            errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
            row = {
                "page": label,
                "path": path,
                "requests": r["requests"],
                "req_per_s": r["requests"] / (r["duration_us"] / 1e6),
                "p50": r["p50_us"] / 1000,
                "p95": r["p95_us"] / 1000,
                "p99": r["p99_us"] / 1000,
                "max": r["max_us"] / 1000,
                "errors": errors,
                "wrk": r,
                "load": (before + load()) / 2,
            }
            rows.append(row)
            if not r["requests"]:
                print(f"no request to {path} completed within {args.duration:.0f} s", flush=True)
            print(
                f"| {label} | {row['requests']:,} | {row['req_per_s']:.1f} | {row['p50']:.0f} | "
                f"{row['p95']:.0f} | {row['p99']:.0f} | {row['max']:.0f} | {errors} | {row['load']:.1f} |",
                flush=True,
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a busy machine: the figures are measured, keep them
            server.kill()
            server.wait()
    print(f"\nload average {load_start:.2f} at the start, {load():.2f} at the end; gunicorn's log: {log}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "started": started.isoformat(timespec="seconds"),
            "commit": commit(),
            "database": str(connection.settings_dict["NAME"]),
            "workers": args.workers,
            "clients": args.clients,
            "duration_s": args.duration,
            "load_start": load_start,
            "rows": rows,
        }
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
