from django.contrib import admin
from django.urls import include, path, re_path

from champions.api.api import api, not_found

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<path>.*)$", not_found),
    path("i18n/", include("django.conf.urls.i18n")),
    path("open311/v2/", include("champions.integrations.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("champions.web.urls")),
]
