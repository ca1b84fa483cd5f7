"""The value-assessment checklist (six dimensions) and the default satisfaction questions.

The checklist items are programme configuration written in Thai, as the forms print them.
"""

from __future__ import annotations

from typing import Any

from kongtun.followups.models import ValueDimension

# dimension → [(item key, label)]
VALUE_ITEMS: dict[str, list[tuple[str, str]]] = {
    ValueDimension.KNOWLEDGE: [
        ("knowledge_new", "เกิดความรู้ใหม่ องค์ความรู้ใหม่ หรือความรู้ที่เกิดจากการดำเนินโครงการ"),
        ("knowledge_innovation", "เกิดนวัตกรรม (กระบวนการ เครื่องมือ สิ่งประดิษฐ์) จากการดำเนินโครงการ"),
        ("knowledge_data", "มีการใช้ข้อมูลสถานการณ์ในการวางแผนและติดตามผล"),
    ],
    ValueDimension.BEHAVIOUR: [
        ("behaviour_personal", "ผู้เข้าร่วมมีการเปลี่ยนแปลงพฤติกรรมสุขภาพของตนเอง"),
        ("behaviour_family", "ครอบครัวหรือกลุ่มมีการเปลี่ยนแปลงพฤติกรรมร่วมกัน"),
    ],
    ValueDimension.ENVIRONMENT: [
        ("environment_physical", "เกิดการเปลี่ยนแปลงสภาพแวดล้อมทางกายภาพที่เอื้อต่อสุขภาพ"),
        ("environment_social", "เกิดสภาพแวดล้อมทางสังคมที่เอื้อต่อสุขภาพ"),
    ],
    ValueDimension.POLICY: [
        ("policy_rule", "เกิดกติกา ข้อตกลง หรือมาตรการของชุมชน"),
        ("policy_plan", "เกิดแผนหรือนโยบายสาธารณะของท้องถิ่นหรือหน่วยงาน"),
    ],
    ValueDimension.PROCESS: [
        ("process_participation", "ชุมชนมีส่วนร่วมตั้งแต่การคิด วางแผน ทำ และประเมินผล"),
        ("process_network", "เกิดเครือข่ายหรือความร่วมมือกับหน่วยงานอื่น"),
        ("process_leaders", "เกิดแกนนำหรือผู้นำการเปลี่ยนแปลงในชุมชน"),
    ],
    ValueDimension.SPIRITUAL: [
        ("spiritual_sharing", "เกิดความเอื้ออาทร การแบ่งปัน และการช่วยเหลือกันในชุมชน"),
        ("spiritual_pride", "ชุมชนมีความภาคภูมิใจและเห็นคุณค่าของตนเอง"),
    ],
}

ITEM_DIMENSION: dict[str, str] = {key: dim for dim, items in VALUE_ITEMS.items() for key, _label in items}
ITEM_LABEL: dict[str, str] = {key: label for items in VALUE_ITEMS.values() for key, label in items}

DEFAULT_QUESTIONS = [
    "การดำเนินงานเป็นไปตามแผนที่วางไว้",
    "กิจกรรมสอดคล้องกับปัญหาและความต้องการของพื้นที่",
    "กลุ่มเป้าหมายเข้าร่วมกิจกรรมตามที่กำหนด",
    "งบประมาณเพียงพอและใช้จ่ายอย่างคุ้มค่า",
    "ได้รับการสนับสนุนจากกองทุนและพี่เลี้ยงอย่างเหมาะสม",
    "ภาคีเครือข่ายในพื้นที่มีส่วนร่วมในการดำเนินงาน",
    "ผลลัพธ์ของโครงการบรรลุตามวัตถุประสงค์",
    "ผู้เข้าร่วมได้รับประโยชน์จากโครงการ",
    "สามารถนำผลการดำเนินงานไปขยายผลหรือทำต่อเนื่องได้",
    "ความพึงพอใจต่อการดำเนินโครงการในภาพรวม",
]


def seed_questions(apps: Any) -> None:
    """Create the default questions where missing (the data migration and flushed test databases)."""
    question = apps.get_model("followups", "SatisfactionQuestion")
    for order, text in enumerate(DEFAULT_QUESTIONS, start=1):
        question.objects.get_or_create(text=text, defaults={"order": order})
