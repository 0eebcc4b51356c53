from django.urls import include, path

from champions.grievances import views as grievance_views
from champions.registry import views as registry_views

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("classification/", registry_views.classification_view, name="classification"),
    path("enterprises/", include("champions.registry.urls")),
    path("grievances/", include("champions.grievances.urls")),
    path("track/", grievance_views.grievance_track_view, name="track"),
    path("profile/", include("champions.accounts.urls")),
    path("notifications/", include("champions.notifications.urls")),
    path("insights/", include("champions.insights.urls")),
    path("open-data/", include("champions.insights.open_data_urls")),
    path("compliance/", include("champions.compliance.urls")),
    path("schemes/", include("champions.schemes.urls")),
    path("controlrooms/", include("champions.networkadmin.urls")),
    path("network/", include("champions.network.urls")),
    path("", include("champions.clusters.urls")),
    path("", include("champions.opportunities.urls")),
    path("", include("champions.cases.urls")),
    path("samadhaan/", include("champions.samadhaan.urls")),
    path("gem/", include("champions.gem.urls")),
    path("rooms/", include("champions.roomnet.urls")),
    path("help/sop/", include("champions.sop.urls")),
    path("assistant/", include("champions.assistant.urls")),
    path("privacy/", include("champions.privacy.urls")),
]
