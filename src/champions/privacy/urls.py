from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice_view, name="notice"),
    path("my-data/", views.my_data_view, name="my_data"),
    path("my-data/download/", views.my_data_download_view, name="download"),
    path("my-data/erase/", views.erasure_request_view, name="erase"),
    path("erasure-requests/", views.erasure_requests_view, name="requests"),
]
