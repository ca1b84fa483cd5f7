"""The programme configuration a new installation starts with (editable afterwards by admins).

Issues are DOMAIN.md §4's ten programme issues and the target-group plans; indicators are taken
from real proposals; classifications follow the NHSO announcement on local health funds (2561,
replaced in 2567): the legal references are data so that a new announcement is an edit, not a release.
"""

from __future__ import annotations

from typing import Any

# code, Thai, English, kind, [(indicator code, name, unit, direction, max, typical change)]
ISSUES: list[tuple[str, str, str, str, list[tuple[str, str, str, str, float | None, float | None]]]] = [
    (
        "food",
        "อาหารและโภชนาการ",
        "Food and nutrition",
        "issue",
        [
            ("food-child-overweight", "ร้อยละของเด็กอายุ 0–5 ปี ที่มีภาวะน้ำหนักเกินเกณฑ์", "%", "lower", 100, 2),
            ("food-child-underweight", "ร้อยละของเด็กอายุ 0–5 ปี ที่มีภาวะทุพโภชนาการ", "%", "lower", 100, 2),
            ("food-veg-enough", "ร้อยละของประชาชนที่กินผักและผลไม้เพียงพอ (400 กรัมต่อวัน)", "%", "higher", 100, 5),
        ],
    ),
    (
        "activity",
        "กิจกรรมทางกาย",
        "Physical activity",
        "issue",
        [
            ("pa-children", "ร้อยละของเด็กอายุ 5–17 ปี ที่มีกิจกรรมทางกายเพียงพอ (60 นาทีต่อวัน)", "%", "higher", 100, 5),
            ("pa-adults", "ร้อยละของผู้ใหญ่อายุ 18–64 ปี ที่มีกิจกรรมทางกายเพียงพอ", "%", "higher", 100, 5),
            ("pa-elderly", "ร้อยละของผู้สูงอายุที่มีกิจกรรมทางกายเพียงพอ", "%", "higher", 100, 5),
        ],
    ),
    (
        "tobacco",
        "ยาสูบ",
        "Tobacco",
        "issue",
        [
            ("tobacco-adults", "ร้อยละของผู้ใหญ่ที่สูบบุหรี่", "%", "lower", 100, 2),
            ("tobacco-secondhand", "ร้อยละของประชาชนที่ได้รับควันบุหรี่มือสองในที่สาธารณะ", "%", "lower", 100, 5),
            ("tobacco-youth", "ร้อยละของเยาวชนที่สูบบุหรี่", "%", "lower", 100, 2),
        ],
    ),
    (
        "alcohol",
        "สุรา",
        "Alcohol",
        "issue",
        [
            ("alcohol-youth", "ร้อยละของเยาวชนอายุไม่เกิน 25 ปี ที่ดื่มสุรา", "%", "lower", 100, 3),
            ("alcohol-adults", "ร้อยละของผู้ใหญ่ที่ดื่มสุรา", "%", "lower", 100, 3),
            ("alcohol-new-drinkers", "จำนวนนักดื่มหน้าใหม่", "คน", "lower", None, 5),
        ],
    ),
    (
        "drugs",
        "สารเสพติด",
        "Drugs",
        "issue",
        [
            ("drugs-youth-risk", "ร้อยละของเยาวชนที่เสี่ยงต่อการใช้สารเสพติด", "%", "lower", 100, 3),
            ("drugs-users", "จำนวนผู้ใช้สารเสพติดในพื้นที่", "คน", "lower", None, 2),
        ],
    ),
    (
        "mental",
        "สุขภาพจิต",
        "Mental health",
        "issue",
        [
            ("mental-stress", "ร้อยละของประชาชนที่มีภาวะเครียด", "%", "lower", 100, 3),
            ("mental-depression", "ร้อยละของผู้สูงอายุที่มีภาวะซึมเศร้า", "%", "lower", 100, 2),
        ],
    ),
    (
        "road",
        "ความปลอดภัยทางถนน",
        "Road safety",
        "issue",
        [
            ("road-accidents", "จำนวนอุบัติเหตุทางถนนในพื้นที่", "ครั้ง", "lower", None, 5),
            ("road-helmet", "ร้อยละของผู้ขับขี่จักรยานยนต์ที่สวมหมวกนิรภัย", "%", "higher", 100, 10),
        ],
    ),
    (
        "waste",
        "ขยะ",
        "Waste",
        "issue",
        [
            ("waste-sorting", "ร้อยละของครัวเรือนที่คัดแยกขยะ", "%", "higher", 100, 10),
            ("waste-per-day", "ปริมาณขยะต่อวัน", "กิโลกรัม", "lower", None, 50),
        ],
    ),
    (
        "air",
        "มลพิษทางอากาศ (PM2.5)",
        "Air pollution (PM2.5)",
        "issue",
        [
            ("air-burning", "จำนวนครั้งของการเผาในที่โล่ง", "ครั้ง", "lower", None, 5),
            ("air-protected", "ร้อยละของกลุ่มเสี่ยงที่รู้วิธีป้องกันตนเองจากฝุ่น PM2.5", "%", "higher", 100, 10),
        ],
    ),
    (
        "emerging",
        "โรคอุบัติใหม่",
        "Emerging diseases",
        "issue",
        [
            ("emerging-vaccinated", "ร้อยละของกลุ่มเสี่ยงที่ได้รับวัคซีน", "%", "higher", 100, 10),
            ("emerging-dengue", "อัตราป่วยโรคไข้เลือดออกต่อแสนประชากร", "ต่อแสนประชากร", "lower", None, 10),
        ],
    ),
    (
        "maternal",
        "อนามัยแม่และเด็ก",
        "Maternal and child health",
        "group",
        [
            ("maternal-anc", "ร้อยละของหญิงตั้งครรภ์ที่ฝากครรภ์ครั้งแรกก่อน 12 สัปดาห์", "%", "higher", 100, 5),
            ("maternal-breastfeed", "ร้อยละของทารกที่ได้รับนมแม่อย่างเดียว 6 เดือน", "%", "higher", 100, 5),
        ],
    ),
    (
        "youth",
        "เด็ก เยาวชน และครอบครัว",
        "Children, youth and family",
        "group",
        [
            ("youth-pregnancy", "อัตราการตั้งครรภ์ในวัยรุ่นอายุ 15–19 ปี ต่อพันคน", "ต่อ 1,000 คน", "lower", None, 2),
            ("youth-development", "ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัย", "%", "higher", 100, 5),
        ],
    ),
    (
        "elderly",
        "ผู้สูงอายุ",
        "Elderly",
        "group",
        [
            ("elderly-bedridden", "ร้อยละของผู้สูงอายุติดบ้านติดเตียง", "%", "lower", 100, 1),
            ("elderly-screened", "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ", "%", "higher", 100, 10),
        ],
    ),
    (
        "chronic",
        "โรคเรื้อรัง",
        "Chronic diseases",
        "group",
        [
            ("chronic-diabetes-risk", "ร้อยละของประชาชนกลุ่มเสี่ยงโรคเบาหวาน", "%", "lower", 100, 2),
            ("chronic-hypertension-risk", "ร้อยละของประชาชนกลุ่มเสี่ยงโรคความดันโลหิตสูง", "%", "lower", 100, 2),
            (
                "chronic-screened",
                "ร้อยละของประชาชนอายุ 35 ปีขึ้นไปที่ได้รับการคัดกรองเบาหวานและความดัน",
                "%",
                "higher",
                100,
                10,
            ),
        ],
    ),
    (
        "disabled",
        "คนพิการ",
        "People with disabilities",
        "group",
        [
            ("disabled-cared", "ร้อยละของคนพิการที่ได้รับการดูแลฟื้นฟูที่บ้าน", "%", "higher", 100, 10),
            ("disabled-aids", "ร้อยละของคนพิการที่ได้รับอุปกรณ์เครื่องช่วยตามความจำเป็น", "%", "higher", 100, 10),
        ],
    ),
    (
        "workers",
        "แรงงานนอกระบบ",
        "Informal workers",
        "group",
        [
            (
                "workers-risk",
                "ร้อยละของแรงงานนอกระบบที่ได้รับการประเมินความเสี่ยงจากการทำงาน",
                "%",
                "higher",
                100,
                10,
            ),
            ("workers-chemicals", "ร้อยละของเกษตรกรที่มีสารเคมีในเลือดระดับเสี่ยง", "%", "lower", 100, 5),
        ],
    ),
    (
        "at-risk",
        "ประชาชนกลุ่มเสี่ยง",
        "At-risk public",
        "group",
        [
            ("atrisk-screened", "ร้อยละของกลุ่มเสี่ยงที่ได้รับการคัดกรอง", "%", "higher", 100, 10),
            ("atrisk-changed", "ร้อยละของกลุ่มเสี่ยงที่ปรับเปลี่ยนพฤติกรรมได้", "%", "higher", 100, 5),
        ],
    ),
    (
        "disaster",
        "ภัยพิบัติและโรคระบาด",
        "Disasters and epidemics",
        "group",
        [
            ("disaster-plan", "จำนวนแผนเตรียมความพร้อมรับภัยพิบัติของชุมชน", "แผน", "higher", None, 1),
            ("disaster-response-days", "ระยะเวลาตอบสนองเมื่อเกิดโรคระบาด", "วัน", "lower", None, 1),
        ],
    ),
    (
        "admin",
        "บริหารจัดการกองทุน",
        "Fund administration",
        "group",
        [
            ("admin-spending-rate", "ร้อยละของเงินกองทุนที่ใช้จ่ายในปีงบประมาณ", "%", "higher", 100, 10),
            ("admin-projects-closed", "ร้อยละของโครงการที่ส่งรายงานปิดโครงการตรงเวลา", "%", "higher", 100, 10),
        ],
    ),
]

SUPPORT_TYPES = [
    (
        "10(1)",
        "สนับสนุนและส่งเสริมการจัดบริการสาธารณสุขของหน่วยบริการ สถานบริการ หรือหน่วยงานสาธารณสุข",
        "ประกาศ สปสช. ข้อ 10(1)",
    ),
    (
        "10(2)",
        "สนับสนุนการจัดกระบวนการหรือกิจกรรมสร้างเสริมสุขภาพ และการป้องกันโรคขององค์กรหรือกลุ่มประชาชน หรือหน่วยงานอื่น",
        "ประกาศ สปสช. ข้อ 10(2)",
    ),
    ("10(3)", "สนับสนุนการจัดกิจกรรมของศูนย์เด็กเล็ก ศูนย์พัฒนาและฟื้นฟูคุณภาพชีวิตผู้สูงอายุและคนพิการ", "ประกาศ สปสช. ข้อ 10(3)"),
    ("10(4)", "สนับสนุนการบริหารหรือพัฒนากองทุนหลักประกันสุขภาพ", "ประกาศ สปสช. ข้อ 10(4)"),
    ("10(5)", "สนับสนุนกรณีเกิดโรคระบาดหรือภัยพิบัติ", "ประกาศ สปสช. ข้อ 10(5)"),
]

ORG_TYPES = [
    ("health-unit", "หน่วยบริการหรือสถานบริการสาธารณสุข (รพ.สต.)"),
    ("lg-health", "หน่วยงานสาธารณสุขขององค์กรปกครองส่วนท้องถิ่น"),
    ("other-health", "หน่วยงานสาธารณสุขอื่นของรัฐ (สสอ.)"),
    ("non-health", "หน่วยงานอื่นที่ไม่ใช่หน่วยงานสาธารณสุข (โรงเรียน ฯลฯ)"),
    ("community", "กลุ่มหรือองค์กรประชาชนตั้งแต่ 5 คนขึ้นไป"),
    ("secretariat", "ศูนย์ฯ หรือหน่วยงานที่รับผิดชอบศูนย์ หรือเลขานุการกองทุน"),
]

TARGET_GROUPS = [
    ("pregnant", "หญิงตั้งครรภ์และหญิงหลังคลอด"),
    ("young-children", "เด็กเล็กและเด็กก่อนวัยเรียน"),
    ("school-youth", "เด็กวัยเรียนและเยาวชน"),
    ("working-age", "วัยทำงาน"),
    ("elderly", "ผู้สูงอายุ"),
    ("chronic", "ผู้ป่วยโรคเรื้อรัง"),
    ("disabled", "คนพิการและทุพพลภาพ"),
    ("at-risk", "ประชาชนทั่วไปที่มีภาวะเสี่ยง"),
    ("fund-admin", "สำหรับการบริหารหรือพัฒนากองทุนฯ"),
]


def seed(apps: Any) -> None:
    """Create or update the configuration; safe to run again (data migration and tests)."""
    Issue = apps.get_model("programme", "Issue")
    Indicator = apps.get_model("programme", "Indicator")
    for order, (code, name_th, name_en, kind, indicators) in enumerate(ISSUES, start=1):
        issue, _ = Issue.objects.update_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en, "kind": kind, "order": order}
        )
        for i_order, (i_code, name, unit, direction, max_value, typical) in enumerate(indicators, start=1):
            Indicator.objects.update_or_create(
                code=i_code,
                defaults={
                    "issue": issue,
                    "name": name,
                    "unit": unit,
                    "direction": direction,
                    "max_value": max_value,
                    "typical_change": typical,
                    "order": i_order,
                },
            )
    for model_name, rows in (
        ("SupportType", SUPPORT_TYPES),
        ("OrgType", ORG_TYPES),
        ("TargetGroup", TARGET_GROUPS),
    ):
        model = apps.get_model("programme", model_name)
        for order, row in enumerate(rows, start=1):
            code, name, *rest = row
            model.objects.update_or_create(
                code=code, defaults={"name": name, "legal_reference": rest[0] if rest else "", "order": order}
            )


# The NHSO announcement on local health funds from fiscal year 2564 (2021): 45 baht per registered
# person; the local government adds at least 30 % of the transfer when its own revenue is under
# 6 million baht, 40 % from 6 to 20 million, 50 % above 20 million; money used by the end of
# quarters 2, 3 and 4: 20, 50 and 80 %.
FINANCE_RULES = [(2564, "45", (20, 50, 80), [("0", "30"), ("6000000", "40"), ("20000000.01", "50")])]


def seed_finance_rules(apps: Any) -> None:
    """Create the finance rules if none exist (an admin's later edits are kept)."""
    FinanceRule = apps.get_model("programme", "FinanceRule")
    ContributionBand = apps.get_model("programme", "ContributionBand")
    for from_year, rate, (q2, q3, q4), bands in FINANCE_RULES:
        rule, created = FinanceRule.objects.get_or_create(
            from_year=from_year,
            defaults={"per_head_rate": rate, "target_q2": q2, "target_q3": q3, "target_q4": q4},
        )
        if created:
            for revenue_from, min_rate in bands:
                ContributionBand.objects.create(rule=rule, revenue_from=revenue_from, min_rate=min_rate)
