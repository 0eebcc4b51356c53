from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path, re_path

from champions.api.api import api, not_found

# The admin signs in through allauth's login, so its second factor is asked there too.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<path>.*)$", not_found),
    path("i18n/", include("django.conf.urls.i18n")),
    path("open311/v2/", include("champions.integrations.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("champions.web.urls")),
]
