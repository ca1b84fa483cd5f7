# ruff: noqa: E501 - the SQL reads better unwrapped
"""Generate a national-scale data set on PostgreSQL for the benchmarks (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench \
        .venv/bin/python bench/generate.py --size national --years 10

The funds are those of `manage.py demo` (`--size national`: one per sub-district, ~7,400; `small`:
the 34 funds of the small demo). Everything else is written by set-based SQL (`INSERT … SELECT
generate_series`) with deterministic pseudo-random values, so it takes minutes, not hours:
per fund and year a programme role, ~1 plan, ~6.5 projects (≈480,000 in ten years at national
size), each with 2–6 activities and one budget line per activity, activity reports (with one
spending line each) for the activities of completed projects and the first two of running ones,
situation values, one search document per project, plan and activity report (pre-segmented Thai, as
the app makes them), and at the end the roll-ups of every generated year (through the app's
`dashboards.services.rollup_refresh`, as `manage.py dashboards_refresh` does after a bulk import), so
the dashboards read what they read in production. It refuses to run on a database whose name does not start with `kongtun_bench`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kongtun.settings")

# Title pieces: (text as written, the same segmented into words by PyThaiNLP newmm).
VERBS = [
    ("ส่งเสริม", "ส่งเสริม"),
    ("รณรงค์", "รณรงค์"),
    ("พัฒนา", "พัฒนา"),
    ("ป้องกัน", "ป้องกัน"),
    ("ลด", "ลด"),
    ("สร้างเสริม", "สร้างเสริม"),
    ("อบรม", "อบรม"),
    ("ขับเคลื่อน", "ขับเคลื่อน"),
]
TOPICS = [
    ("สุขภาพผู้สูงอายุ", "สุขภาพ ผู้สูงอายุ"),
    ("การออกกำลังกาย", "การ ออกกำลังกาย"),
    ("การสูบบุหรี่", "การ สูบบุหรี่ บุหรี่"),
    ("การดื่มสุรา", "การ ดื่ม สุรา"),
    ("ชุมชนปลอดยาเสพติด", "ชุมชน ปลอด ยาเสพติด"),
    ("การคัดแยกขยะ", "การ คัด แยก ขยะ"),
    ("ความปลอดภัยทางถนน", "ความปลอดภัย ทาง ถนน"),
    ("อาหารปลอดภัย", "อาหาร ปลอดภัย"),
    ("สุขภาพจิตวัยรุ่น", "สุขภาพจิต วัยรุ่น"),
    ("โภชนาการเด็กปฐมวัย", "โภชนาการ เด็ก ปฐมวัย"),
    ("การป้องกันไข้เลือดออก", "การ ป้องกัน ไข้เลือดออก"),
    ("หญิงตั้งครรภ์คุณภาพ", "หญิงตั้งครรภ์ คุณภาพ"),
    ("ผู้ป่วยโรคเรื้อรัง", "ผู้ป่วย โรคเรื้อรัง"),
    ("คนพิการในชุมชน", "คนพิการ ใน ชุมชน"),
    ("ลดฝุ่นPM2.5", "ลด ฝุ่น pm2.5"),
    ("การเผาในที่โล่ง", "การ เผา ใน ที่โล่ง"),
    ("แกนนำเยาวชน", "แกนนำ เยาวชน"),
    ("อาสาสมัครสาธารณสุข", "อาสาสมัคร สาธารณสุข"),
    ("ผักปลอดสารพิษ", "ผัก ปลอด สารพิษ"),
    ("ศูนย์พัฒนาเด็กเล็ก", "ศูนย์ พัฒนา เด็กเล็ก"),
]


ROLLUPS = "roll-ups"


def _array(values: list[str]) -> str:
    return "ARRAY[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def sql_steps(first_year: int, years: int) -> list[tuple[str, str]]:
    last_year = first_year + years - 1
    verbs, verbs_seg = _array([v for v, _ in VERBS]), _array([s for _, s in VERBS])
    topics, topics_seg = _array([t for t, _ in TOPICS]), _array([s for _, s in TOPICS])
    return [
        (
            "clean",
            """
            TRUNCATE search_searchdocument_issues, search_searchdocument, followups_reportspending,
                followups_activityreport, projects_budgetline, projects_activity, projects_project_plans,
                projects_project, plans_plan, situations_situationvalue, dashboards_projectrollup,
                dashboards_issuerollup, dashboards_rolluprun, dashboards_targetrollup,
                dashboards_indicatorrollup CASCADE;
            CREATE OR REPLACE FUNCTION pg_temp.rnd(a bigint, b bigint) RETURNS integer
                LANGUAGE sql IMMUTABLE AS $$ SELECT abs(hashtext(a::text || ':' || b::text)) $$;
        """,
        ),
        (
            "programme years and fund years",
            f"""
            INSERT INTO programme_programmeyear (fiscal_year, is_open)
                SELECT y, true FROM generate_series({first_year}, {last_year}) y ON CONFLICT DO NOTHING;
            INSERT INTO programme_programmeyear_issues (programmeyear_id, issue_id)
                SELECT py.id, i.id FROM programme_programmeyear py, programme_issue i
                WHERE py.fiscal_year BETWEEN {first_year} AND {last_year} ON CONFLICT DO NOTHING;
            INSERT INTO funds_fundyear (fund_id, fiscal_year, programme_role, registered_population)
                SELECT f.id, y, (ARRAY['none','none','voluntary','voluntary','expansion','learning'])
                       [1 + pg_temp.rnd(f.id, y) % 6], 2500 + pg_temp.rnd(f.id, y) % 22500
                FROM funds_fund f, generate_series({first_year}, {last_year}) y ON CONFLICT DO NOTHING;
        """,
        ),
        (
            "plans",
            f"""
            INSERT INTO plans_plan (fund_id, fiscal_year, issue_id, situation, objective, approach, budget,
                                    created_at, updated_at)
                SELECT f.id, y, i.id, 'สถานการณ์ปัญหา' || i.name_th, 'ลดปัญหา' || i.name_th, '',
                       10000 + pg_temp.rnd(f.id * 100 + i.id, y) % 90000, now(), now()
                FROM funds_fund f CROSS JOIN generate_series({first_year}, {last_year}) y CROSS JOIN programme_issue i
                WHERE pg_temp.rnd(f.id * 100 + i.id, y) % 100 < 6;
            CREATE TEMP TABLE plan_ix AS
                SELECT id AS plan_id, fund_id, fiscal_year,
                       row_number() OVER (PARTITION BY fund_id, fiscal_year ORDER BY id) - 1 AS ix,
                       count(*) OVER (PARTITION BY fund_id, fiscal_year) AS n
                FROM plans_plan;
            CREATE INDEX ON plan_ix (fund_id, fiscal_year, ix);
        """,
        ),
        (
            "projects",
            f"""
            CREATE TEMP TABLE fund_place AS
                SELECT DISTINCT ON (fs.fund_id) fs.fund_id, s.name_th
                FROM funds_fund_subdistricts fs JOIN areas_subdistrict s ON s.code = fs.subdistrict_id
                ORDER BY fs.fund_id, s.code;
            CREATE TEMP TABLE gen_project AS
                SELECT row_number() OVER (ORDER BY y, f.id, n) AS id, f.id AS fund_id, y AS fiscal_year,
                       pg_temp.rnd(f.id * 16 + n, y) AS r, n,
                       coalesce(fp.name_th, 'บ้านนา') AS place
                FROM funds_fund f
                LEFT JOIN fund_place fp ON fp.fund_id = f.id
                CROSS JOIN generate_series({first_year}, {last_year}) y
                CROSS JOIN LATERAL generate_series(1, 3 + pg_temp.rnd(f.id, y) % 8) n;
            ALTER TABLE gen_project ADD COLUMN status text, ADD COLUMN title text, ADD COLUMN segmented text;
            UPDATE gen_project SET
                status = CASE WHEN r % 100 < 40 THEN 'completed' WHEN r % 100 < 65 THEN 'running'
                              WHEN r % 100 < 67 THEN 'terminated' WHEN r % 100 < 68 THEN 'suspended'
                              WHEN r % 100 < 78 THEN 'developing' WHEN r % 100 < 85 THEN 'submitted'
                              WHEN r % 100 < 88 THEN 'revise' WHEN r % 100 < 95 THEN 'rejected'
                              ELSE 'cancelled' END,
                title = 'โครงการ' || ({verbs})[1 + r % {len(VERBS)}] || ({topics})[1 + (r / 7) % {len(TOPICS)}]
                        || 'ตำบล' || place,
                segmented = 'โครงการ ' || ({verbs_seg})[1 + r % {len(VERBS)}] || ' '
                        || ({topics_seg})[1 + (r / 7) % {len(TOPICS)}] || ' ตำบล ' || place;
            INSERT INTO projects_project (id, fund_id, fiscal_year, code, title, status, organisation,
                    responsible_people, location, rationale, expected_results, abstract, requested_budget,
                    approved_budget, meeting_no, decision_note, agreement_no, start_date, end_date,
                    support_type_id, main_target_group_id, created_at, updated_at)
                SELECT g.id, g.fund_id, g.fiscal_year, 'P' || g.id, g.title, g.status, 'รพ.สต.' || g.place, '',
                       'ตำบล' || g.place, 'ปัญหาในพื้นที่ตำบล' || g.place, '', '',
                       5000 + g.r % 95000,
                       CASE WHEN g.status IN ('running','completed','terminated','suspended')
                            THEN (5000 + g.r % 95000) * 0.9 END,
                       '', '', '', make_date(g.fiscal_year - 544, 11, 1), make_date(g.fiscal_year - 543, 9, 1),
                       st.ids[1 + g.r % array_length(st.ids, 1)], tg.ids[1 + (g.r / 3) % array_length(tg.ids, 1)],
                       now(), now()
                FROM gen_project g,
                     (SELECT array_agg(id ORDER BY id) AS ids FROM programme_supporttype) st,
                     (SELECT array_agg(id ORDER BY id) AS ids FROM programme_targetgroup) tg;
            SELECT setval(pg_get_serial_sequence('projects_project', 'id'), (SELECT max(id) FROM projects_project));
        """,
        ),
        (
            "project plans",
            """
            INSERT INTO projects_project_plans (project_id, plan_id)
                SELECT g.id, p.plan_id FROM gen_project g
                JOIN plan_ix p ON p.fund_id = g.fund_id AND p.fiscal_year = g.fiscal_year AND p.ix = g.r % p.n;
            -- One project in seven also belongs to a second plan (another issue) of its fund and year.
            INSERT INTO projects_project_plans (project_id, plan_id)
                SELECT g.id, p.plan_id FROM gen_project g
                JOIN plan_ix p ON p.fund_id = g.fund_id AND p.fiscal_year = g.fiscal_year
                              AND p.n > 1 AND p.ix = (g.r + 1) % p.n
                WHERE g.r % 7 = 0;
        """,
        ),
        (
            "activities and budget lines",
            """
            CREATE TEMP TABLE gen_activity AS
                SELECT row_number() OVER (ORDER BY g.id, a) AS id, g.id AS project_id, g.status, a AS ord,
                       g.fiscal_year, g.r
                FROM gen_project g CROSS JOIN LATERAL generate_series(1, 2 + g.r % 5) a;
            INSERT INTO projects_activity (id, project_id, "order", title, details, planned_output,
                                           planned_output_count, start_date, end_date)
                SELECT id, project_id, ord, 'กิจกรรมที่ ' || ord, 'รายละเอียดกิจกรรม', 'ผู้เข้าร่วม', 20 + r % 40,
                       make_date(fiscal_year - 543, 1 + ord, 1), make_date(fiscal_year - 543, 1 + ord, 2)
                FROM gen_activity;
            SELECT setval(pg_get_serial_sequence('projects_activity', 'id'), (SELECT max(id) FROM projects_activity));
            INSERT INTO projects_budgetline (id, activity_id, expense_group, description, quantity, unit_cost, amount)
                SELECT id, id, (ARRAY['remuneration','wages','services','materials','utilities','other'])[1 + id % 6],
                       'ค่าใช้จ่ายกิจกรรม', 1, 1000 + (r + id) % 9000, 1000 + (r + id) % 9000
                FROM gen_activity;
            SELECT setval(pg_get_serial_sequence('projects_budgetline', 'id'), (SELECT max(id) FROM projects_budgetline));
        """,
        ),
        (
            "activity reports and spending",
            """
            INSERT INTO followups_activityreport (id, project_id, activity_id, title, date, done, results,
                    actual_output_count, rating, problems, suggestions, help_needed, mentor_advice, created_at,
                    updated_at)
                SELECT id, project_id, id, 'กิจกรรมที่ ' || ord, make_date(fiscal_year - 543, 1 + ord, 2),
                       'ดำเนินกิจกรรมตามแผน', 'ผู้เข้าร่วมมีความรู้เพิ่มขึ้น', 15 + r % 40, 1 + r % 5, '', '', '', '',
                       now(), now()
                FROM gen_activity
                WHERE status = 'completed' OR (status IN ('running', 'terminated', 'suspended') AND ord <= 2);
            SELECT setval(pg_get_serial_sequence('followups_activityreport', 'id'),
                          (SELECT max(id) FROM followups_activityreport));
            INSERT INTO followups_reportspending (id, report_id, expense_group, description, amount)
                SELECT r.id, r.id, 'services', '', (1000 + (a.r + a.id) % 9000) * 0.9
                FROM followups_activityreport r JOIN gen_activity a ON a.id = r.id;
            SELECT setval(pg_get_serial_sequence('followups_reportspending', 'id'),
                          (SELECT max(id) FROM followups_reportspending));
        """,
        ),
        (
            "situation values",
            """
            INSERT INTO situations_situationvalue (fund_id, fiscal_year, indicator_id, value, source, updated_at)
                SELECT p.fund_id, p.fiscal_year, i.id, 5 + pg_temp.rnd(p.plan_id, i.id) % 40, 'สำรวจ', now()
                FROM plan_ix p JOIN plans_plan pl ON pl.id = p.plan_id
                JOIN programme_indicator i ON i.issue_id = pl.issue_id
                ON CONFLICT DO NOTHING;
        """,
        ),
        (
            # Each plan's 1-year target one typical step from its year's value, in the good direction;
            # the next year's value (random above) then meets or misses it.
            "plan targets",
            """
            INSERT INTO plans_plantarget (plan_id, indicator_id, problem, baseline, target, "order")
                SELECT pl.id, i.id, i.name, sv.value,
                       CASE WHEN i.direction = 'lower' THEN GREATEST(i.min_value, sv.value - 2)
                            ELSE sv.value + 2 END, i."order"
                FROM plans_plan pl JOIN programme_indicator i ON i.issue_id = pl.issue_id
                JOIN situations_situationvalue sv
                  ON sv.fund_id = pl.fund_id AND sv.fiscal_year = pl.fiscal_year AND sv.indicator_id = i.id;
        """,
        ),
        (
            "search documents",
            """
            INSERT INTO search_searchdocument (id, kind, object_id, project_id, fund_id, fiscal_year, status,
                    is_public, title, body, segmented, url, search_vector, updated_at, support_type_id,
                    target_group_id)
                SELECT p.id, 'project', p.id, p.id, p.fund_id, p.fiscal_year, p.status,
                       p.status IN ('running','completed','terminated','suspended'), p.title, p.rationale,
                       g.segmented || ' ปัญหา ใน พื้นที่ ตำบล ' || g.place, '/projects/' || p.id || '/',
                       to_tsvector('simple', g.segmented || ' ปัญหา ใน พื้นที่ ตำบล ' || g.place), now(),
                       p.support_type_id, p.main_target_group_id
                FROM projects_project p JOIN gen_project g ON g.id = p.id;
            SELECT setval(pg_get_serial_sequence('search_searchdocument', 'id'),
                          (SELECT max(id) FROM search_searchdocument));
            INSERT INTO search_searchdocument_issues (searchdocument_id, issue_id)
                SELECT DISTINCT pp.project_id, pl.issue_id
                FROM projects_project_plans pp JOIN plans_plan pl ON pl.id = pp.plan_id;
        """,
        ),
        ("analyze", "ANALYZE;"),
    ]


def search_extra_steps(issue_words: dict[int, str], report_words: str) -> list[tuple[str, str]]:
    """Search documents of plans and activity reports (the app indexes them too), written from
    the tables already generated, so they can be added to an existing data set (`--only`).
    `issue_words`: the segmented text of each issue's plan; `report_words`: of a report's text."""
    issues = ", ".join(f"({pk}, '{words}')" for pk, words in issue_words.items()) or "(0, '')"
    return [
        (
            "search documents of plans and reports",
            f"""
            DELETE FROM search_searchdocument_issues WHERE searchdocument_id IN
                (SELECT id FROM search_searchdocument WHERE kind IN ('plan', 'report'));
            DELETE FROM search_searchdocument WHERE kind IN ('plan', 'report');
            CREATE TEMP TABLE issue_words (issue_id bigint, words text);
            INSERT INTO issue_words VALUES {issues};
            INSERT INTO search_searchdocument (kind, object_id, project_id, fund_id, fiscal_year, status,
                    is_public, title, body, segmented, url, search_vector, updated_at)
                SELECT 'plan', pl.id, NULL, pl.fund_id, pl.fiscal_year, '', true,
                       i.name_th || ' ' || pl.fiscal_year || ' · ' || f.name,
                       pl.situation || E'\n' || pl.objective,
                       w.words || ' ' || pl.fiscal_year || ' กองทุน หลักประกันสุขภาพ ' || f.lg_name,
                       '/plans/' || pl.id || '/',
                       to_tsvector('simple', w.words || ' ' || pl.fiscal_year || ' กองทุน หลักประกันสุขภาพ ' || f.lg_name),
                       now()
                FROM plans_plan pl JOIN programme_issue i ON i.id = pl.issue_id
                JOIN funds_fund f ON f.id = pl.fund_id JOIN issue_words w ON w.issue_id = pl.issue_id;
            INSERT INTO search_searchdocument_issues (searchdocument_id, issue_id)
                SELECT d.id, pl.issue_id FROM search_searchdocument d JOIN plans_plan pl ON pl.id = d.object_id
                WHERE d.kind = 'plan';
            INSERT INTO search_searchdocument (kind, object_id, project_id, fund_id, fiscal_year, status,
                    is_public, title, body, segmented, url, search_vector, updated_at, support_type_id,
                    target_group_id)
                SELECT 'report', r.id, p.id, p.fund_id, p.fiscal_year, p.status, pd.is_public, r.title,
                       p.title || E'\n' || r.done || E'\n' || r.results,
                       r.title || ' ' || pd.segmented || ' {report_words}', '/followups/reports/' || r.id || '/',
                       to_tsvector('simple', r.title || ' ' || pd.segmented || ' {report_words}'), now(),
                       p.support_type_id, p.main_target_group_id
                FROM followups_activityreport r JOIN projects_project p ON p.id = r.project_id
                JOIN search_searchdocument pd ON pd.kind = 'project' AND pd.object_id = p.id;
            INSERT INTO search_searchdocument_issues (searchdocument_id, issue_id)
                SELECT d.id, pi.issue_id FROM search_searchdocument d
                JOIN search_searchdocument pd ON pd.kind = 'project' AND pd.object_id = d.project_id
                JOIN search_searchdocument_issues pi ON pi.searchdocument_id = pd.id
                WHERE d.kind = 'report';
            ANALYZE search_searchdocument, search_searchdocument_issues;
        """,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=["small", "national"], default="national")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument(
        "--first-year", type=int, default=None, help="B.E.; default: ten years up to this one"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run only this step (repeatable) on an existing data set, e.g. "
        f"'search documents of plans and reports' or '{ROLLUPS}'",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from kongtun.areas.services import areas_load
    from kongtun.core.thai import fiscal_year_of
    from kongtun.dashboards.services import rollup_refresh
    from kongtun.funds import demo as funds_demo
    from kongtun.programme import demo as programme_demo
    from kongtun.programme.models import Issue
    from kongtun.search.text import index_text

    name = connection.settings_dict["NAME"]
    if connection.vendor != "postgresql" or not str(name).startswith("kongtun_bench"):
        raise SystemExit(
            f"Refusing to generate into {connection.vendor} database {name!r}: use kongtun_bench*."
        )
    first_year = args.first_year or fiscal_year_of(timezone.localdate()) - args.years + 1
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the database cache of the production settings
    if not args.only:
        areas_load()
        programme_demo.load(args.size)
        funds_demo.load(args.size)
        print(f"funds ({args.size}) ready in {time.monotonic() - started:.0f} s", flush=True)
    issue_words = {
        i.pk: index_text(f"{i.name_th}\nสถานการณ์ปัญหา{i.name_th}\nลดปัญหา{i.name_th}").replace("'", "")
        for i in Issue.objects.all()
    }
    report_words = index_text("ดำเนินกิจกรรมตามแผน\nผู้เข้าร่วมมีความรู้เพิ่มขึ้น").replace("'", "")
    steps = sql_steps(first_year, args.years)
    steps[-1:-1] = search_extra_steps(issue_words, report_words)
    if args.only:
        steps = [(label, sql) for label, sql in steps if label in args.only]
    with connection.cursor() as cursor:
        for label, sql in steps:
            step = time.monotonic()
            cursor.execute(sql)
            print(f"{label}: {time.monotonic() - step:.0f} s", flush=True)
    if not args.only or ROLLUPS in args.only:
        # The roll-ups are the app's own (the dashboards read them as in production); without them
        # the national dashboard aggregates the live tables, which no installation does for long.
        step = time.monotonic()
        for year in range(first_year, first_year + args.years):
            rollup_refresh(fiscal_year=year)
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE dashboards_projectrollup, dashboards_issuerollup, dashboards_rolluprun,"
                " dashboards_targetrollup, dashboards_indicatorrollup"
            )
        print(f"{ROLLUPS}: {time.monotonic() - step:.0f} s", flush=True)
    with connection.cursor() as cursor:
        counts = {}
        for table in (
            "funds_fund",
            "plans_plan",
            "projects_project",
            "projects_project_plans",
            "projects_activity",
            "projects_budgetline",
            "followups_activityreport",
            "followups_reportspending",
            "search_searchdocument",
            "dashboards_projectrollup",
            "dashboards_issuerollup",
        ):
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    print(
        f"fiscal years {first_year}–{first_year + args.years - 1}; total {time.monotonic() - started:.0f} s"
    )
    for table, n in counts.items():
        print(f"  {table:<28} {n:>10,}")


if __name__ == "__main__":
    main()
