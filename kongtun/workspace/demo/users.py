from __future__ import annotations

from typing import Any

from kongtun.accounts.models import Membership, Role, User
from kongtun.areas.models import District, Province, Region
from kongtun.funds.models import Fund
from kongtun.workspace.demo import DEMO_PASSWORD

# username, display name, role, scope ("region:12", "province:90", "district:<code of fund A's>",
# "fund:A" = the first demo fund, "fund:B" = a fund in another province).
DEMO_USERS = [
    ("admin", "ผู้ดูแลระบบ", Role.ADMIN, "country"),
    ("region12", "เจ้าหน้าที่ สปสช.เขต 12", Role.REGION_OFFICER, "region:12"),
    ("province90", "เจ้าหน้าที่ สสจ.สงขลา", Role.PROVINCE_OFFICER, "province:90"),
    ("district", "เจ้าหน้าที่ พชอ.", Role.DISTRICT_OFFICER, "district:A"),
    ("mentor", "พี่เลี้ยงอำเภอ", Role.MENTOR, "district:A"),
    ("officer", "เจ้าหน้าที่กองทุน ก", Role.FUND_OFFICER, "fund:A"),
    ("officer2", "เจ้าหน้าที่กองทุน ข", Role.FUND_OFFICER, "fund:B"),
    ("committee", "กรรมการกองทุน ก", Role.COMMITTEE, "fund:A"),
    ("collector", "อาสาสมัครเก็บข้อมูล", Role.DATA_COLLECTOR, "fund:A"),
    ("proposer", "ผู้เสนอโครงการ", Role.PROPOSER, "fund:A"),
]


def demo_fund(which: str) -> Fund:
    """Fund A is the first fund of อำเภอจะนะ (สงขลา); fund B the first of เขาชัยสน (พัทลุง)."""
    district = "9003" if which == "A" else "9303"
    return Fund.objects.filter(district_id=district).order_by("code").first()  # type: ignore[return-value]


def _scope(spec: str) -> dict[str, Any]:
    if spec == "country":
        return {}
    level, value = spec.split(":")
    if level == "region":
        return {"region": Region.objects.get(number=int(value))}
    if level == "province":
        return {"province": Province.objects.get(code=value)}
    if level == "district":
        return {"district": District.objects.get(pk=demo_fund(value).district_id)}
    return {"fund": demo_fund(value)}


def load(size: str) -> None:
    for username, name, role, scope in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"display_name": name, "email": f"{username}@demo.kongtun.local"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == Role.ADMIN
            user.save()
        Membership.objects.get_or_create(user=user, role=role, **_scope(scope))
