from django.urls import path

from . import views

app_name = "registry"

urlpatterns = [
    path("", views.enterprise_list_view, name="enterprise_list"),
    path("new/", views.enterprise_create_view, name="enterprise_create"),
    path("districts/", views.district_options_view, name="district_options"),
    path("<int:enterprise_id>/", views.enterprise_detail_view, name="enterprise_detail"),
    path("<int:enterprise_id>/edit/", views.enterprise_update_view, name="enterprise_update"),
    path("import/", views.import_upload_view, name="import_upload"),
    path("import/template.csv", views.import_template_view, name="import_template"),
    path("import/<int:job_id>/", views.import_job_view, name="import_job"),
    path("import/<int:job_id>/report.csv", views.import_report_view, name="import_report"),
]
