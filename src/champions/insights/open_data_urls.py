"""/open-data/: the page that explains the open grievance data and links the file."""

from django.urls import path

from . import views

urlpatterns = [path("", views.open_data_view, name="open_data")]
