from django.urls import path

from . import views

app_name = "schemes"

urlpatterns = [
    path("", views.scheme_list_view, name="list"),
    path("check/", views.check_view, name="check"),
    path("check/results/", views.check_results_view, name="check_results"),
    path("check/restart/", views.check_restart_view, name="check_restart"),
    path("finance/", views.finance_view, name="finance"),
    path("convergence/", views.convergence_view, name="convergence"),
    path("convergence.csv", views.convergence_csv_view, name="convergence_csv"),
    path("for/<int:enterprise_id>/", views.recommendations_view, name="recommendations"),
    path("<slug:slug>/", views.scheme_detail_view, name="detail"),
    path("<slug:slug>/edit/", views.scheme_edit_view, name="edit"),
]
