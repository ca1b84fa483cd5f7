"""Benchmarks of the pages a user gets, and of the selectors and the write behind them (see
bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench .venv/bin/python bench/run.py

Pages run through Django's test client with the production settings (DJANGO_DEBUG=0), as the
user who reads them (anonymous for the public pages, the fund's officer for the final report):
middleware, view, selectors, template. Each case's SQL is captured on one call and replayed as
plain SQL on the same connection; the application call and its replay alternate in one loop
(app, SQL, SQL, app, …) so both see the same machine load, and the ratio (application ÷ plain
SQL) is what Django, Python and the templates add to the database's own work.

`--compare DATABASE_URL` runs the same cases on a second database (a SQLite copy made by
bench/to_sqlite.py) in a child process, interleaved with this one call by call: the ratio
between the two databases is measured in one run too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    FORWARDED_PROTO,
    ROOT,
    commit,
    load,
    percentile,
    production_env,
    refuse_unless_bench,
    use_production_settings,
)

COMMON, PROVINCE_WORD, TYPO = "ผู้สูงอายุ", "ไข้เลือดออก", "ผู้สูงอาย"
SLOW_RUNS = 8  # timed runs of a case that takes seconds (the dashboard without its roll-up)


@dataclass
class Case:
    key: str
    label: str
    layer: str  # page (what a user gets), selector (the read behind it) or write
    call: Callable[[], Any]
    runs: int | None = None  # fewer than -n for a slow case
    replay_ends: str = ""  # "commit" or "rollback": replay in one transaction, as the app's write
    sqls: list[str] = field(default_factory=list)

    def capture(self) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            self.call()
        # Savepoints are the transaction's bookkeeping, not the work; the page cache's reads and
        # writes (the database cache here, Redis in production) are what the app adds, not the floor.
        self.sqls = [
            q["sql"]
            for q in captured.captured_queries
            if "SAVEPOINT" not in q["sql"] and "kongtun_cache" not in q["sql"]
        ]

    def app(self) -> float:
        start = time.perf_counter()
        self.call()
        return (time.perf_counter() - start) * 1000

    def plain(self) -> float:
        from django.db import connection, transaction

        start = time.perf_counter()
        if self.replay_ends:
            with transaction.atomic():
                self._replay(connection)
                transaction.set_rollback(self.replay_ends == "rollback")
        else:
            self._replay(connection)
        return (time.perf_counter() - start) * 1000

    def _replay(self, connection: Any) -> None:
        with connection.cursor() as cursor:
            for sql in self.sqls:
                cursor.execute(sql)
                if sql.startswith("DECLARE "):
                    # A server-side cursor (QuerySet.iterator(), as form choices use): the app
                    # fetches from it and closes it, three round trips.
                    name = sql.split()[1]
                    cursor.execute(f"FETCH ALL FROM {name}")
                    cursor.fetchall()
                    cursor.execute(f"CLOSE {name}")
                elif cursor.description:
                    cursor.fetchall()

    def once(self, sql_first: bool) -> tuple[float, float]:
        if sql_first:
            sql = self.plain()
            return self.app(), sql
        app = self.app()
        return app, self.plain()


def pick(year: int | None) -> dict[str, Any]:
    """The year, areas and projects measured: the busiest district of the year (and its region and
    province), the worst case of its level. Passed as they are to a --compare child."""
    from django.db.models import Count, Max

    from kongtun.projects.models import APPROVED_STATUSES, Project, Status

    year = year or Project.objects.aggregate(y=Max("fiscal_year"))["y"]
    busiest = (
        Project.objects.filter(fiscal_year=year)
        .values("fund__district_id", "fund__region_id", "fund__province_id")
        .annotate(n=Count("id"))
        .order_by("-n", "fund__district_id")
        .first()
    )
    if busiest is None:
        raise SystemExit(f"No projects in fiscal year {year}: generate a data set first (bench/README.md).")
    in_year = Project.objects.filter(fiscal_year=year)
    public = in_year.filter(status__in=APPROVED_STATUSES).order_by("pk").first()
    in_district = in_year.filter(fund__district_id=busiest["fund__district_id"])
    final = (
        in_district.filter(status=Status.COMPLETED)
        .annotate(a=Count("activities"))
        .order_by("-a", "pk")
        .first()
    )
    return {
        "year": year,
        "region": busiest["fund__region_id"],
        "province": busiest["fund__province_id"],
        "district": busiest["fund__district_id"],
        "project": public.pk if public else None,
        "final_report_project": final.pk if final else None,
        "changed_project": in_district.order_by("pk").values_list("pk", flat=True).first(),
    }


def officer_of(project: Any) -> Any:
    """The fund officer who reads the final report (made once in the bench database)."""
    from kongtun.accounts.models import Membership, Role, User

    user, created = User.objects.get_or_create(
        username=f"bench_officer_{project.fund.code}", defaults={"display_name": "bench officer"}
    )
    if created:
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, role=Role.FUND_OFFICER, fund=project.fund)
    return user


def build_cases(params: dict[str, Any]) -> list[Case]:
    from django.contrib.auth.models import AnonymousUser
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from kongtun.areas.models import District, Province, Region
    from kongtun.dashboards.models import RollupRun
    from kongtun.dashboards.selectors import Scope, dashboard
    from kongtun.dashboards.services import rollup_update
    from kongtun.dashboards.trends import trend, trend_indicators, trend_years
    from kongtun.followups.selectors import final_report_context
    from kongtun.projects.models import Project
    from kongtun.search.selectors import search_documents

    year = params["year"]
    region = Region.objects.get(pk=params["region"])
    province = Province.objects.get(pk=params["province"])
    district = District.objects.get(pk=params["district"])
    headers = {"X-Forwarded-Proto": FORWARDED_PROTO}
    anonymous = Client(headers=headers)

    def page(client: Client, url: str, *, cached: bool = False) -> Callable[[], Any]:
        """GET `url`; unless `cached`, with a query parameter of its own each time (the cache outlives
        the process), so the page cache (kongtun.core.pagecache) misses and the page is read and
        rendered as after a write."""

        def get() -> Any:
            fresh = f"{url}{'&' if '?' in url else '?'}_={time.time_ns()}"
            response = client.get(url if cached else fresh)
            if response.status_code != 200:
                raise SystemExit(f"GET {url}: {response.status_code}, not 200")
            return response

        return get

    def search_url(**query: str) -> str:
        return reverse("search:index") + "?" + "&".join(f"{k}={v}" for k, v in query.items())

    def without_rollup() -> None:
        # A year whose roll-up does not exist yet: the run row removed in a transaction rolled back.
        with transaction.atomic():
            RollupRun.objects.filter(fiscal_year=year).delete()
            dashboard(Scope(fiscal_year=year))
            transaction.set_rollback(True)

    anon_user = AnonymousUser()
    cases = [
        Case(
            "nation_page",
            "national dashboard page",
            "page",
            page(anonymous, reverse("dashboards:nation") + f"?year={year}"),
        ),
        Case(
            "nation_page_cached",
            "national dashboard page, from the page cache",
            "page",
            page(anonymous, reverse("dashboards:nation") + f"?year={year}", cached=True),
        ),
        Case(
            "region_page",
            f"region dashboard page ({region})",
            "page",
            page(anonymous, reverse("dashboards:region", args=[region.code]) + f"?year={year}"),
        ),
        Case(
            "district_page",
            f"district dashboard page ({district.name_th})",
            "page",
            page(anonymous, reverse("dashboards:district", args=[district.code]) + f"?year={year}"),
        ),
        Case(
            "nation_trend_page",
            "national five-year trend page (roll-ups)",
            "page",
            page(anonymous, reverse("dashboards:nation_trends") + f"?year={year}"),
        ),
        Case(
            "search_common_page",
            f"search page '{COMMON}' (common word)",
            "page",
            page(anonymous, search_url(q=COMMON)),
        ),
        Case(
            "search_province_page",
            f"search page '{PROVINCE_WORD}' in {province.name_th}",
            "page",
            page(anonymous, search_url(q=PROVINCE_WORD, province=province.code)),
        ),
        Case(
            "search_typo_page",
            f"search page typo '{TYPO}' (no word matches: pg_trgm)",
            "page",
            page(anonymous, search_url(q=TYPO)),
        ),
        Case(
            "nation_selector",
            "national dashboard: selector",
            "selector",
            lambda: dashboard(Scope(fiscal_year=year)),
        ),
        Case(
            "region_selector",
            "region dashboard: selector",
            "selector",
            lambda: dashboard(Scope(fiscal_year=year, area=region)),
        ),
        Case(
            "district_selector",
            "district dashboard: selector",
            "selector",
            lambda: dashboard(Scope(fiscal_year=year, area=district)),
        ),
        Case(
            "nation_trend_selector",
            "national five-year trend: selector",
            "selector",
            lambda: trend(Scope(fiscal_year=year), trend_years(year), trend_indicators()),
        ),
        Case(
            "search_common_selector",
            "search common word: selector",
            "selector",
            lambda: search_documents(user=anon_user, query=COMMON),
        ),
        Case(
            "search_province_selector",
            "search in a province: selector",
            "selector",
            lambda: search_documents(
                user=anon_user, query=PROVINCE_WORD, filters={"province": province.code}
            ),
        ),
        Case(
            "search_typo_selector",
            "search typo: selector",
            "selector",
            lambda: search_documents(user=anon_user, query=TYPO),
        ),
        Case(
            "nation_no_rollup_selector",
            "national dashboard of a year with no run row yet (a new year): selector",
            "selector",
            without_rollup,
            runs=SLOW_RUNS,
            replay_ends="rollback",
        ),
    ]
    if params["project"]:
        pk = params["project"]
        cases[3:3] = [
            Case(
                "project_page",
                f"project page (GET /projects/{pk}/)",
                "page",
                page(anonymous, f"/projects/{pk}/"),
            ),
            Case(
                "similar_part",
                "similar projects (htmx part of the project page)",
                "page",
                page(anonymous, reverse("search:similar", args=[pk])),
            ),
        ]
    if params["final_report_project"]:
        project = Project.objects.select_related("fund").get(pk=params["final_report_project"])
        officer = Client(headers=headers)
        officer.force_login(officer_of(project))
        activities = project.activities.count()
        cases.insert(
            cases.index(next(c for c in cases if c.layer == "selector")),
            Case(
                "final_report_page",
                f"final report page ({activities} activities, fund officer)",
                "page",
                page(officer, reverse("followups:final_report", args=[project.pk])),
            ),
        )
        cases.append(
            Case(
                "final_report_selector",
                "final report: selector",
                "selector",
                lambda: final_report_context(project),
            )
        )
    if params["changed_project"]:
        changed = Project.objects.get(pk=params["changed_project"])
        cases.append(
            Case(
                "rollup_update",
                f"roll-up update after a change ({district.name_th})",
                "write",
                lambda: rollup_update(fiscal_year=year, fund_ids=[changed.fund_id]),
                replay_ends="commit",
            )
        )
    return cases


def summary(app: list[float], sql: list[float]) -> dict[str, float]:
    row = {
        "p50": statistics.median(app),
        "p95": percentile(app, 95),
        "sql_p50": statistics.median(sql),
        "sql_p95": percentile(sql, 95),
    }
    row["ratio_p50"] = row["p50"] / row["sql_p50"] if row["sql_p50"] else 0.0
    row["ratio_p95"] = row["p95"] / row["sql_p95"] if row["sql_p95"] else 0.0
    return row


class Child:
    """The same cases on another database, in a process of its own, one call at a time."""

    def __init__(self, url: str, params: dict[str, Any], keys: list[str]) -> None:
        env = production_env() | {"DATABASE_URL": url}
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", json.dumps(params), ",".join(keys)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.info: dict[str, Any] = self._read()

    def _read(self) -> Any:
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        if not line:
            raise SystemExit("the --compare process stopped (its error is above)")
        return json.loads(line)

    def once(self, key: str, sql_first: bool) -> tuple[float, float]:
        assert self.proc.stdin
        self.proc.stdin.write(f"{key} {int(sql_first)}\n")
        self.proc.stdin.flush()
        app, sql = self._read()
        return app, sql

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def serve(params_json: str, keys: str) -> None:
    """The --compare child: prepare the cases, then run one call of a case per line of input."""
    from django.db import connection

    refuse_unless_bench(connection)
    wanted = set(keys.split(","))
    cases = {c.key: c for c in build_cases(json.loads(params_json)) if c.key in wanted}
    for case in cases.values():
        case.capture()
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "database": str(connection.settings_dict["NAME"]),
                "queries": {k: len(c.sqls) for k, c in cases.items()},
            }
        ),
        flush=True,
    )
    for line in sys.stdin:
        key, sql_first = line.split()
        print(json.dumps(cases[key].once(sql_first == "1")), flush=True)


def cold(params_json: str) -> None:
    """A fresh process as a gunicorn worker starts: loading the application (`kongtun.wsgi`, which
    warms up what the first requests would otherwise load), the first request (any page), then the
    first search, then another search."""
    import importlib

    from django.test import Client

    start = time.perf_counter()
    importlib.import_module("kongtun.wsgi")
    out = {"worker_start": (time.perf_counter() - start) * 1000}
    params = json.loads(params_json)
    client = Client(headers={"X-Forwarded-Proto": FORWARDED_PROTO})
    for name, url in (
        ("first_request", f"/dashboards/?year={params['year']}"),
        ("first_search", f"/search/?q={COMMON}"),
        ("second_search", f"/search/?q={PROVINCE_WORD}"),
    ):
        start = time.perf_counter()
        assert client.get(url).status_code == 200, url
        out[name] = (time.perf_counter() - start) * 1000
    print(json.dumps(out))


def fmt(row: dict[str, Any]) -> str:
    return (
        f"| {row['case']} | {row['queries']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['sql_p50']:.1f} | "
        f"{row['sql_p95']:.1f} | {row['ratio_p50']:.2f} | {row['ratio_p95']:.2f} | {row['load']:.1f} |"
    )


HEADER = (
    "| case | queries | p50 ms | p95 ms | plain SQL p50 | plain SQL p95 | ratio p50 | ratio p95 | load |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--serve", "--cold"):
        import django

        django.setup()
        serve(*sys.argv[2:4]) if sys.argv[1] == "--serve" else cold(sys.argv[2])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=30, help="timed runs per case (after 2 warm-up runs)")
    parser.add_argument(
        "--year", type=int, default=None, help="fiscal year (B.E.); default: the latest with projects"
    )
    parser.add_argument("--cases", default="", help="only these case keys, comma-separated (see --list)")
    parser.add_argument("--list", action="store_true", help="list the case keys and stop")
    parser.add_argument(
        "--compare",
        metavar="DATABASE_URL",
        default="",
        help="also run the cases on this database, interleaved",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    use_production_settings()
    from django.db import connection

    from kongtun.projects.models import Project
    from kongtun.search.models import SearchDocument

    refuse_unless_bench(connection)
    started, load_start = dt.datetime.now().astimezone(), load()
    params = pick(args.year)
    cases = build_cases(params)
    if args.list:
        for case in cases:
            print(f"{case.key:<28} {case.label}")
        return
    if args.cases:
        cases = [c for c in cases if c.key in args.cases.split(",")]
    year = params["year"]
    counts = {
        "projects": Project.objects.count(),
        "projects_in_year": Project.objects.filter(fiscal_year=year).count(),
        "search_documents": SearchDocument.objects.count(),
    }
    print(
        f"{connection.vendor} database {connection.settings_dict['NAME']}: {counts['projects']:,} projects, "
        f"{counts['projects_in_year']:,} in fiscal year {year}; {counts['search_documents']:,} search "
        f"documents; n={args.n}; commit {commit()}; {started:%Y-%m-%d %H:%M %Z}; load {load_start:.2f}\n",
        flush=True,
    )
    probe = subprocess.run(
        [sys.executable, __file__, "--cold", json.dumps(params)],
        env=production_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    cold_ms = json.loads(probe.stdout.strip().splitlines()[-1])
    print(
        "A fresh process (a gunicorn worker): loading the application {worker_start:.0f} ms, then its first "
        "page {first_request:.0f} ms, first search page {first_search:.0f} ms, the next search page "
        "{second_search:.0f} ms\n".format(**cold_ms),
        flush=True,
    )
    for case in cases:
        case.capture()
    child = Child(args.compare, params, [c.key for c in cases]) if args.compare else None
    print(HEADER, flush=True)
    rows, other_rows = [], []
    for case in cases:
        runs, before = case.runs or args.n, load()
        app, sql, other_app, other_sql = [], [], [], []
        for i in range(2 + runs):
            a, s = case.once(sql_first=bool(i % 2))
            oa, osql = child.once(case.key, sql_first=bool(i % 2)) if child else (0.0, 0.0)
            if i >= 2:  # the first two are the warm-up
                app.append(a)
                sql.append(s)
                other_app.append(oa)
                other_sql.append(osql)
        row: dict[str, Any] = {
            "key": case.key,
            "case": case.label,
            "layer": case.layer,
            "queries": len(case.sqls),
        }
        row |= summary(app, sql) | {"runs": runs, "load": (before + load()) / 2}
        rows.append(row)
        print(fmt(row), flush=True)
        if child:
            other: dict[str, Any] = {"key": case.key, "case": case.label, "layer": case.layer}
            other |= {"queries": child.info["queries"][case.key], "runs": runs, "load": row["load"]}
            other |= summary(other_app, other_sql)
            other["vs_p50"] = other["p50"] / row["p50"]
            other["vs_p95"] = other["p95"] / row["p95"]
            other_rows.append(other)
    if child:
        child.close()
        print(f"\n{child.info['vendor']} database {child.info['database']}, interleaved with the above:\n")
        print(
            HEADER.replace("| load |", f"| ÷ {connection.vendor} p50 | ÷ {connection.vendor} p95 |") + "---:|"
        )
        for o in other_rows:
            print(fmt(o).replace(f" {o['load']:.1f} |", f" {o['vs_p50']:.1f} | {o['vs_p95']:.1f} |"))
    load_end = load()
    print(f"\nload average {load_start:.2f} at the start, {load_end:.2f} at the end", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "started": started.isoformat(timespec="seconds"),
            "commit": commit(),
            "vendor": connection.vendor,
            "database": str(connection.settings_dict["NAME"]),
            "params": params,
            "counts": counts,
            "n": args.n,
            "load_start": load_start,
            "load_end": load_end,
            "cold": cold_ms,
            "rows": rows,
        }
        if child:
            result["compare"] = {
                "vendor": child.info["vendor"],
                "database": child.info["database"],
                "rows": other_rows,
            }
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
