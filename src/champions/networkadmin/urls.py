from django.urls import path

from . import views

app_name = "networkadmin"

urlpatterns = [
    path("", views.room_list_view, name="rooms"),
    path("new/", views.room_create_view, name="room_create"),
    path("import/", views.import_view, name="import"),
    path("import/field-offices.csv", views.import_sample_view, name="import_sample"),
    path("<int:room_id>/", views.room_detail_view, name="room"),
    path("<int:room_id>/edit/", views.room_edit_view, name="room_edit"),
    path("<int:room_id>/districts/", views.districts_move_view, name="districts_move"),
    path("<int:room_id>/close/", views.room_close_view, name="room_close"),
]
