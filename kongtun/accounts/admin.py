from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kongtun.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    raw_id_fields = ["fund", "district", "province"]


@admin.register(User)
class KongtunUserAdmin(UserAdmin):
    list_display = ["username", "display_name", "email", "is_active"]
    search_fields = ["username", "display_name", "email"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Kongtun", {"fields": ["display_name", "phone", "organisation", "language"]}),
    )
    inlines = [MembershipInline]
