from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("export/<slug:table>.<slug:fmt>", views.export_view, name="export"),
    path("ai/", views.ai_register_view, name="ai_register"),
    path("ai/export/<slug:table>.<slug:fmt>", views.ai_register_export_view, name="ai_export"),
    path("systemic/", views.systemic_view, name="systemic"),
    path(
        "systemic/export/<slug:table>.<slug:fmt>",
        views.systemic_export_view,
        name="systemic_export",
    ),
]
