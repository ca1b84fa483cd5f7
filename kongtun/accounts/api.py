from __future__ import annotations

from ninja import Router, Schema

from kongtun.accounts.permissions import is_admin, memberships
from kongtun.accounts.types import AuthedRequest

router = Router(tags=["me"])


class MembershipOut(Schema):
    role: str
    role_label: str
    scope: str
    fund_code: str | None


class MeOut(Schema):
    username: str
    display_name: str
    email: str
    is_admin: bool
    memberships: list[MembershipOut]


@router.get("/me", response=MeOut)
def me(request: AuthedRequest) -> MeOut:
    user = request.user
    return MeOut(
        username=user.username,
        display_name=str(user),
        email=user.email,
        is_admin=is_admin(user),
        memberships=[
            MembershipOut(
                role=m.role,
                role_label=str(m.get_role_display()),
                scope=str(m.scope),
                fund_code=m.fund.code if m.fund else None,
            )
            for m in memberships(user)
        ],
    )
