from __future__ import annotations

from django.urls import path

from kongtun.finance import closing_views, views

app_name = "finance"
urlpatterns = [
    path("projects/<int:pk>/closing/", closing_views.closing, name="closing"),
    path("projects/<int:pk>/closing/reopen/", closing_views.reopen, name="closing_reopen"),
    path("funds/<str:code>/vouchers/periods/", views.voucher_periods, name="voucher_periods"),
    path("funds/<str:code>/<slug:kind>/new/", views.document_new, name="document_new"),
    path("funds/<str:code>/<slug:kind>/<int:year>/", views.document_list_page, name="documents"),
    path("documents/<slug:kind>/<int:pk>/", views.document_page, name="document"),
    path("documents/<slug:kind>/<int:pk>/pdf/", views.document_pdf, name="document_pdf"),
    path("funds/<str:code>/<slug:report>/<int:year>/<slug:period>/", views.statement_page, name="statement"),
    path(
        "funds/<str:code>/<slug:report>/<int:year>/<slug:period>/<slug:extension>/",
        views.statement_file,
        name="statement_file",
    ),
]
