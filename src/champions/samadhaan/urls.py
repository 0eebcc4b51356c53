from django.urls import path

from . import views

app_name = "samadhaan"

urlpatterns = [
    path("", views.filing_list_view, name="list"),
    path("file/<int:grievance_id>/", views.filing_create_view, name="file"),
    path("<int:filing_id>/", views.filing_detail_view, name="detail"),
    path("<int:filing_id>/refresh/", views.filing_refresh_view, name="refresh"),
]
