from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("enterprises/<int:enterprise_id>/overview/", views.overview_view, name="overview"),
    path("enterprises/<int:enterprise_id>/cases/new/", views.case_open_view, name="open"),
    path("cases/", views.case_queue_view, name="queue"),
    path("cases/my-steps/", views.my_steps_view, name="my_steps"),
    path("cases/<int:case_id>/", views.case_detail_view, name="detail"),
    path("cases/steps/<int:step_id>/done/", views.step_done_view, name="step_done"),
]
