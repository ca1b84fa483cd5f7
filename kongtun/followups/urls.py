from __future__ import annotations

app_name = "followups"
urlpatterns: list = []
