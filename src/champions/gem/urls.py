from django.urls import path

from . import views

app_name = "gem"

urlpatterns = [
    path("enterprises/<int:enterprise_id>/", views.seller_view, name="seller"),
    path("opportunities/<int:opportunity_id>/", views.bids_view, name="bids"),
]
