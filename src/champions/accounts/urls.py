from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile_view, name="profile"),
    path("tokens/", views.api_token_create_view, name="api_token_create"),
    path("tokens/<int:token_id>/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
]
