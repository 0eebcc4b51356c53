from django.urls import path

from . import views, views_profile

app_name = "network"

urlpatterns = [
    path("", views.network_home_view, name="home"),
    path("match/", views.match_view, name="match"),
    path("posts/<int:post_id>/", views.post_detail_view, name="post"),
    path("posts/<int:post_id>/interest/", views.interest_view, name="interest"),
    path("posts/<int:post_id>/report/", views.abuse_report_view, name="report"),
    path("introductions/<int:introduction_id>/", views.introduction_view, name="introduction"),
    path("profiles/<int:profile_id>/trust/", views.trust_card_view, name="trust"),
    path("trust-card-key/", views.trust_key_view, name="trust_key"),
    path("review/", views.review_view, name="review"),
    path("market/", views.market_view, name="market"),
    path("profiles/new/", views.profile_new_view, name="profile_new"),
    path("posts/new/", views.post_new_view, name="post_new"),
    path("profiles/<int:profile_id>/edit/", views_profile.profile_edit_view, name="profile_edit"),
    path(
        "profiles/<int:profile_id>/trust/facts/",
        views_profile.trust_facts_view,
        name="trust_facts",
    ),
    path("codes/", views_profile.code_search_view, name="codes"),
]
