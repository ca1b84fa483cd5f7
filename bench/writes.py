"""Writes across the country: concurrent activity reports, and one write held open while another
commits (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench .venv/bin/python bench/writes.py

Throughput: `--writers` processes, each with its own database connection, create activity reports
through the app's service (`followups.services.report_create`: the report, its spending line,
its search document, the roll-up of its district) for `--duration` seconds, each writer in the
running projects of its own region, one district after another. Reported: writes/s of all
writers together, p50/p95 latency and the longest single write.

Held write: one process creates a report in a district inside `transaction.atomic()` and keeps
the transaction open `--hold` seconds; as soon as its report is written, a second process creates a
report elsewhere (another region, another district of the same province, the same district) and
commits. Reported: how long the second write took, and whether it finished before the held one
committed (a write that waited for it did not).

The reports are marked by their title and deleted at the end (then the year's roll-up is
rebuilt), so the data set stays as generated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import commit, load, percentile, production_env, refuse_unless_bench

MARK = "bench write"  # the title of every report this script writes


def _setup() -> None:
    os.environ.update(production_env())
    import django

    django.setup()


def _report(project_id: int, by_id: int) -> None:
    from django.utils import timezone

    from kongtun.accounts.models import User
    from kongtun.followups.services import report_create
    from kongtun.projects.models import Project

    project = Project.objects.select_related("fund").get(pk=project_id)
    report_create(
        project=project,
        by=User.objects.get(pk=by_id),
        title=MARK,
        date=timezone.localdate(),
        done="ดำเนินกิจกรรมตามแผน",
        spending=[{"expense_group": "services", "description": "", "amount": 100}],
    )


def writer(project_ids: list[int], by_id: int, go: Any, duration: float, out: Any) -> None:
    """Write reports in these projects, one after another, for `duration` seconds from `go`. Also
    timed: the statements that lock rows (SELECT … FOR UPDATE), which is where a write waits for
    another one."""
    from django.db import connection

    _setup()
    _report(project_ids[0], by_id)  # warm: imports, connection, first queries
    locked = [0.0]

    def time_locks(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if " FOR UPDATE" not in sql:
            return execute(sql, params, many, context)
        began = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            locked[0] += (time.monotonic() - began) * 1000

    out.put("ready")
    go.wait()
    latencies, locks = [], []
    stop_at = time.monotonic() + duration
    i = 0
    with connection.execute_wrapper(time_locks):
        while time.monotonic() < stop_at:
            began, locked[0] = time.monotonic(), 0.0
            _report(project_ids[i % len(project_ids)], by_id)
            latencies.append((time.monotonic() - began) * 1000)
            locks.append(locked[0])
            i += 1
    out.put((latencies, locks))


def holder(project_id: int, by_id: int, hold: float, written: Any, out: Any) -> None:
    """Write a report and keep its transaction open `hold` seconds."""
    from django.db import transaction

    _setup()
    _report(project_id, by_id)  # warm, committed
    with transaction.atomic():
        _report(project_id, by_id)
        written.set()
        time.sleep(hold)
    out.put(time.monotonic())  # committed


def second(project_id: int, by_id: int, written: Any, out: Any) -> None:
    """Once the held write is in, write a report elsewhere and commit."""
    _setup()
    _report(project_id, by_id)  # warm, before the held write begins
    out.put("ready")
    written.wait()
    began = time.monotonic()
    _report(project_id, by_id)
    out.put((began, time.monotonic()))


def running_projects(year: int) -> dict[tuple[int, str, str], list[int]]:
    """Running projects of the year by (region, province, district)."""
    from kongtun.projects.models import Project, Status

    by_district: dict[tuple[int, str, str], list[int]] = {}
    rows = (
        Project.objects.filter(fiscal_year=year, status=Status.RUNNING)
        .order_by("fund__region_id", "fund__province_id", "fund__district_id", "pk")
        .values_list("fund__region_id", "fund__province_id", "fund__district_id", "pk")
    )
    for region, province, district, pk in rows:
        by_district.setdefault((region, province, district), []).append(pk)
    return by_district


def throughput(ctx: Any, by_district: dict[Any, list[int]], writers: int, duration: float, by: int) -> dict:
    regions: dict[int, list[int]] = {}
    for (region, _p, _d), pks in by_district.items():
        regions.setdefault(region, []).append(pks[0])  # one project per district
    order = sorted(regions)
    # Writer i writes in region i (modulo the 13 regions), one district after another.
    shares = [
        regions[order[i % len(order)]][i // len(order) :: 1 + (writers - 1) // len(order)]
        for i in range(writers)
    ]
    out, go = ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=writer, args=(share, by, go, duration, out)) for share in shares]
    for p in procs:
        p.start()
    for _ in procs:
        assert out.get() == "ready"
    load_before = load()
    go.set()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    every = [ms for r, _locks in results for ms in r]
    locks = [ms for _r, lk in results for ms in lk]
    return {
        "writers": writers,
        "duration_s": duration,
        "writes": len(every),
        "writes_per_s": len(every) / duration,
        "p50": statistics.median(every),
        "p95": percentile(every, 95),
        "max": max(every),
        "lock_p50": statistics.median(locks),
        "lock_p95": percentile(locks, 95),
        "lock_max": max(locks),
        "lock_share": sum(locks) / sum(every),
        "per_writer": [len(r) for r, _locks in results],
        "load": (load_before + load()) / 2,
    }


def held(ctx: Any, by_district: dict[Any, list[int]], hold: float, by: int) -> list[dict]:
    keys = sorted(by_district, key=lambda k: -len(by_district[k]))
    first = keys[0]  # the held write: the district with the most running projects
    others = {
        "another region": next((k for k in keys if k[0] != first[0]), None),
        "another district of the same province": next(
            (k for k in keys if k[1] == first[1] and k[2] != first[2]), None
        ),
        "the same district": first,
    }
    rows = []
    for where, key in others.items():
        if key is None:
            continue
        target = by_district[key][1] if key == first and len(by_district[key]) > 1 else by_district[key][0]
        written, out_held, out_second = ctx.Event(), ctx.Queue(), ctx.Queue()
        b = ctx.Process(target=second, args=(target, by, written, out_second))
        b.start()
        assert out_second.get() == "ready"
        a = ctx.Process(target=holder, args=(by_district[first][0], by, hold, written, out_held))
        a.start()
        began, ended = out_second.get()
        committed = out_held.get()
        a.join()
        b.join()
        rows.append(
            {
                "held_in": first[2],
                "second_in": key[2],
                "where": where,
                "hold_s": hold,
                "second_ms": (ended - began) * 1000,
                "waited_for_held": ended >= committed,
            }
        )
    return rows


def cleanup(year: int) -> int:
    from django.db import transaction

    from kongtun.dashboards.services import rollup_refresh
    from kongtun.followups.models import ActivityReport
    from kongtun.search.models import SearchDocument

    with transaction.atomic():
        ids = list(ActivityReport.objects.filter(title=MARK).values_list("pk", flat=True))
        SearchDocument.objects.filter(kind="report", object_id__in=ids).delete()
        ActivityReport.objects.filter(pk__in=ids).delete()
    rollup_refresh(fiscal_year=year)
    return len(ids)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--writers",
        type=lambda v: [int(n) for n in v.split(",")],
        default=[1, 8],
        help="concurrent writer processes; a list (1,8) runs once per count",
    )
    parser.add_argument("--duration", type=float, default=20, help="seconds of writing")
    parser.add_argument("--hold", type=float, default=3, help="seconds the held write stays open")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()
    _setup()
    from django.db import connection
    from django.db.models import Max

    from kongtun.accounts.models import User
    from kongtun.projects.models import Project

    refuse_unless_bench(connection)
    if connection.vendor != "postgresql":
        raise SystemExit("Concurrent writers are measured on PostgreSQL (SQLite has one writer at a time).")
    year = Project.objects.aggregate(y=Max("fiscal_year"))["y"]
    by = User.objects.get_or_create(username="bench_writer", defaults={"display_name": "bench writer"})[0].pk
    by_district = running_projects(year)
    started, load_start = dt.datetime.now().astimezone(), load()
    print(
        f"database {connection.settings_dict['NAME']}, fiscal year {year}: running projects in "
        f"{len(by_district):,} districts; commit {commit()}; {started:%Y-%m-%d %H:%M %Z}; "
        f"load {load_start:.2f}\n",
        flush=True,
    )
    connection.close()  # the writers open their own
    ctx = mp.get_context("spawn")
    try:
        print(
            "| writers | seconds | writes | writes/s | p50 ms | p95 ms | longest ms "
            "| in FOR UPDATE p50 / p95 / longest ms | share of write time | load |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            flush=True,
        )
        bulk = []
        for writers in args.writers:
            b = throughput(ctx, by_district, writers, args.duration, by)
            bulk.append(b)
            print(
                f"| {writers} | {b['duration_s']:.0f} | {b['writes']:,} | {b['writes_per_s']:.1f} | "
                f"{b['p50']:.1f} | {b['p95']:.1f} | {b['max']:.0f} | {b['lock_p50']:.1f} / "
                f"{b['lock_p95']:.1f} / {b['lock_max']:.0f} | {b['lock_share']:.0%} | {b['load']:.1f} |",
                flush=True,
            )
        print()
        holds = held(ctx, by_district, args.hold, by)
        print(
            f"| a write held open {args.hold:.0f} s in {holds[0]['held_in']}; then a report in … "
            "| took ms | waited |"
        )
        print("|---|---:|---|")
        for h in holds:
            print(
                f"| {h['where']} ({h['second_in']}) | {h['second_ms']:.0f} "
                f"| {'yes' if h['waited_for_held'] else 'no'} |"
            )
    finally:
        print(f"\n{cleanup(year):,} bench reports deleted; roll-up of {year} rebuilt; load {load():.2f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "started": started.isoformat(timespec="seconds"),
            "commit": commit(),
            "database": str(connection.settings_dict["NAME"]),
            "year": year,
            "load_start": load_start,
            "throughput": bulk,
            "held": holds,
        }
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
