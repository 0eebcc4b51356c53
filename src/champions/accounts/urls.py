from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile_view, name="profile"),
    path("details/", views.profile_details_view, name="details"),
    path("phone/send/", views.phone_code_send_view, name="phone_send"),
    path("phone/verify/", views.phone_code_verify_view, name="phone_verify"),
    path("tokens/", views.api_token_create_view, name="api_token_create"),
    path("tokens/<int:token_id>/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
]
