from django.urls import path

from . import views

app_name = "roomnet"

urlpatterns = [
    path("", views.network_view, name="network"),
    path("duty/", views.duty_view, name="duty"),
    path("<int:room_id>/", views.room_view, name="room"),
    path("reviews/<int:review_id>/", views.review_view, name="review"),
    path("consult/<int:grievance_id>/", views.consult_view, name="consult"),
    path("consultations/<int:consultation_id>/", views.consultation_view, name="consultation"),
]
