"""The bare-insert ceiling for the lodging benchmark: a Django view that reads the same JSON
body as POST /api/v1/grievances and inserts one row, nothing else (no authentication, no
validation beyond JSON, no routing, no timeline, no outbox), on the same server (granian, two
workers) and database server. What a Django request that writes one row costs on this
machine: lodging is measured against it."""

import json
import os

import dj_database_url
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection, transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

TABLE = "bench_ceiling_row"


@csrf_exempt
def lodge(request):
    try:
        body = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("not JSON")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (subject, description, enterprise_id, category, created_at) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, now()) RETURNING id",
            [body["subject"], body["description"], body["enterprise_id"], body["category"]],
        )
        row_id = cursor.fetchone()[0]
    return JsonResponse({"id": row_id}, status=201)


def home(request):
    return JsonResponse({"ok": True})


urlpatterns = [path("", home), path("lodge", lodge)]

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="bench-ceiling-not-secret",  # noqa: S106 - loopback bench only
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)},
    USE_TZ=True,
)
application = get_wsgi_application()
