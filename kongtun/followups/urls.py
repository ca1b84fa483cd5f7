from __future__ import annotations

from django.urls import path

from kongtun.followups import views

app_name = "followups"
urlpatterns = [
    path("funds/<str:code>/", views.fund_followups, name="fund"),
    path("projects/<int:pk>/", views.project_followup, name="project"),
    path("projects/<int:pk>/periods/", views.periods_edit, name="periods"),
    path("projects/<int:pk>/reports/new/", views.report_create, name="report_create"),
    path("projects/<int:pk>/results/", views.results_edit, name="results"),
    path("projects/<int:pk>/results/problems/", views.closing_problem_add, name="problem_add"),
    path(
        "projects/<int:pk>/results/problems/<int:problem_id>/delete/",
        views.closing_problem_delete,
        name="problem_delete",
    ),
    path("projects/<int:pk>/assessment/", views.assessment, name="assessment"),
    path("projects/<int:pk>/final-report/", views.final_report, name="final_report"),
    path("projects/<int:pk>/final-report/photos/", views.final_report_photos, name="final_report_photos"),
    path("projects/<int:pk>/final-report/print/", views.final_report_print, name="final_report_print"),
    path(
        "projects/<int:pk>/final-report.pdf",
        views.final_report_file,
        {"extension": "pdf"},
        name="final_report_pdf",
    ),
    path(
        "projects/<int:pk>/final-report.docx",
        views.final_report_file,
        {"extension": "docx"},
        name="final_report_docx",
    ),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/delete/", views.report_delete, name="report_delete"),
    path("reports/<int:pk>/advice/", views.report_advise, name="report_advise"),
    path("reports/<int:pk>/photos/", views.report_photos_add, name="report_photos"),
    path("reports/<int:pk>/photos/<int:photo_id>/delete/", views.report_photo_delete, name="photo_delete"),
    path("reports/<int:pk>/print.pdf", views.report_file, {"extension": "pdf"}, name="report_pdf"),
    path("reports/<int:pk>/print.docx", views.report_file, {"extension": "docx"}, name="report_docx"),
    path("photos/<int:pk>/", views.photo_file, {"size": "full"}, name="photo"),
    path("photos/<int:pk>/thumb/", views.photo_file, {"size": "thumb"}, name="photo_thumb"),
    path("public/<int:pk>/", views.public_results, name="public"),
]
