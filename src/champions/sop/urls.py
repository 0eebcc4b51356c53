from django.urls import path

from . import views

app_name = "sop"

urlpatterns = [
    path("", views.help_index_view, name="index"),
    path("onboarding/", views.onboarding_view, name="onboarding"),
    path("onboarding/officers/", views.onboarding_report_view, name="report"),
    path("onboarding/tick/<slug:code>/", views.tick_view, name="tick"),
    path("<slug:slug>/", views.help_page_view, name="page"),
]
