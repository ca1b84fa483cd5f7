from __future__ import annotations

app_name = "situations"
urlpatterns: list = []
