"""Benchmarks of the dashboards, a project page and search (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench .venv/bin/python bench/run.py

Each case runs through the application (selectors, or the whole view through Django's test
client) N times after a warm-up, and reports p50 and p95 in milliseconds. Its SQL is captured on
one run and replayed as plain SQL on the same connection, N times: "plain SQL" is the time the
database needs for the same aggregates or look-ups, and the ratio is what the application adds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kongtun.settings")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def timed(fn: Callable[[], Any], n: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=30, help="timed runs per case")
    parser.add_argument(
        "--year", type=int, default=None, help="fiscal year (B.E.); default: the latest with projects"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.db.models import Count, Max
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kongtun.areas.models import District, Region
    from kongtun.dashboards.selectors import Scope, dashboard
    from kongtun.dashboards.services import rollup_update
    from kongtun.projects.models import APPROVED_STATUSES, Project
    from kongtun.search.models import SearchDocument
    from kongtun.search.selectors import search_documents

    if connection.vendor != "postgresql":
        raise SystemExit("The benchmarks are for PostgreSQL (DATABASE_URL=postgres://…).")
    year = args.year or Project.objects.aggregate(y=Max("fiscal_year"))["y"]
    # The busiest region and district of the year: the worst case of their level.
    busiest = (
        Project.objects.filter(fiscal_year=year)
        .values("fund__district_id", "fund__region_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    district = District.objects.get(pk=busiest["fund__district_id"])
    region = Region.objects.get(pk=busiest["fund__region_id"])
    project = Project.objects.filter(fiscal_year=year, status__in=APPROVED_STATUSES).order_by("pk").first()
    in_busiest = Project.objects.filter(fiscal_year=year, fund__district=district).order_by("pk").first()
    client = Client()
    url = project.get_absolute_url()
    page_ok = client.get(url).status_code == 200
    anon = AnonymousUser()

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("national dashboard", lambda: dashboard(Scope(fiscal_year=year))),
        (f"region dashboard ({region})", lambda: dashboard(Scope(fiscal_year=year, area=region))),
        (
            f"district dashboard ({district.name_th})",
            lambda: dashboard(Scope(fiscal_year=year, area=district)),
        ),
        (
            "project page (GET " + url + ")" if page_ok else "project look-up (page unavailable)",
            (lambda: client.get(url)) if page_ok else (lambda: list(Project.objects.filter(pk=project.pk))),
        ),
        ("search 'ผู้สูงอายุ' (common word)", lambda: search_documents(user=anon, query="ผู้สูงอายุ")),
        (
            "search 'ไข้เลือดออก' in a province",
            lambda: search_documents(
                user=anon, query="ไข้เลือดออก", filters={"province": district.province_id}
            ),
        ),
        ("search typo 'ผู้สูงอาย' (pg_trgm)", lambda: search_documents(user=anon, query="ผู้สูงอาย")),
        (
            f"roll-up update after a change ({district.name_th}, write)",
            lambda: rollup_update(obj=in_busiest),
        ),
    ]
    counts = {
        "search_documents": SearchDocument.objects.count(),
        "projects": Project.objects.count(),
        "projects_in_year": Project.objects.filter(fiscal_year=year).count(),
    }
    print(
        f"database {connection.settings_dict['NAME']}: {counts['projects']:,} projects, "
        f"{counts['projects_in_year']:,} in fiscal year {year}; "
        f"{counts['search_documents']:,} search documents; n={args.n}\n"
    )
    print("| case | queries | p50 ms | p95 ms | plain SQL p50 | plain SQL p95 | ratio p50 | ratio p95 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for label, fn in cases:
        with CaptureQueriesContext(connection) as captured:
            fn()
        # Savepoints are the transaction's bookkeeping, not the work: the replay runs in autocommit.
        sqls = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]

        def plain(sqls: list[str] = sqls) -> None:
            with connection.cursor() as cursor:
                for sql in sqls:
                    cursor.execute(sql)
                    if cursor.description:
                        cursor.fetchall()

        app = timed(fn, args.n)
        raw = timed(plain, args.n)
        row = {
            "case": label,
            "queries": len(sqls),
            "p50": statistics.median(app),
            "p95": percentile(app, 95),
            "sql_p50": statistics.median(raw),
            "sql_p95": percentile(raw, 95),
        }
        row["ratio_p50"] = row["p50"] / row["sql_p50"] if row["sql_p50"] else 0
        row["ratio_p95"] = row["p95"] / row["sql_p95"] if row["sql_p95"] else 0
        rows.append(row)
        print(
            f"| {label} | {row['queries']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['sql_p50']:.1f} | "
            f"{row['sql_p95']:.1f} | {row['ratio_p50']:.2f} | {row['ratio_p95']:.2f} |",
            flush=True,
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "database": connection.settings_dict["NAME"],
                    "year": year,
                    "counts": counts,
                    "n": args.n,
                    "rows": rows,
                },
                ensure_ascii=False,
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
