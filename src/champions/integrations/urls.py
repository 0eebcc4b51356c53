"""Open311 GeoReport v2, mounted at /open311/v2/; the extension picks JSON or XML."""

from django.urls import re_path

from . import views

app_name = "open311"

FORMAT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(rf"^discovery{FORMAT}", views.discovery_view, name="discovery"),
    re_path(rf"^services{FORMAT}", views.service_list_view, name="services"),
    re_path(rf"^services/(?P<service_code>[^/]+){FORMAT}", views.service_view, name="service"),
    re_path(rf"^requests{FORMAT}", views.requests_view, name="requests"),
    # Registration numbers hold slashes (CHMP/2026/MH/0001234), so the id takes the rest.
    re_path(rf"^requests/(?P<service_request_id>.+){FORMAT}", views.request_view, name="request"),
    re_path(rf"^tokens/(?P<token>[^/]+){FORMAT}", views.token_view, name="token"),
]
