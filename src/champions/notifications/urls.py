from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list_view, name="list"),
    path("read/", views.notification_mark_all_read_view, name="mark_all_read"),
    path("<int:notification_id>/read/", views.notification_mark_read_view, name="mark_read"),
    path("<int:notification_id>/open/", views.notification_open_view, name="open"),
    path("preferences/", views.notification_preferences_view, name="preferences"),
]
