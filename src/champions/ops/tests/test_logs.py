"""Every request gets an id (the proxy's when plausible) and one JSON access line with it."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings

from champions.ops.logs import RequestIdFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_access_log():
    """The access logger writing through the JSON formatter the settings declare."""
    formatter = logging.config.DictConfigurator({}).configure_formatter(
        dict(settings.LOGGING["formatters"]["json"])
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("champions.access")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_plausible_request_id_from_the_proxy_is_kept(client):
    response = client.get("/track/", headers={"X-Request-ID": "edge-7f3a9c01"})

    assert response["X-Request-ID"] == "edge-7f3a9c01"


@pytest.mark.parametrize("incoming", ["", "short", "has spaces in it", "x" * 65, "<script>x</x>"])
def test_an_implausible_request_id_is_replaced(client, incoming):
    response = client.get("/track/", headers={"X-Request-ID": incoming})

    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_the_access_line_is_json_with_the_request_id(client, json_access_log, entrepreneur):
    client.force_login(entrepreneur)

    response = client.get("/track/?number=CHMP/2026/27/0000001")

    line = json.loads(json_access_log.getvalue().strip().splitlines()[-1])
    assert line["request_id"] == response["X-Request-ID"]
    assert line["logger"] == "champions.access"
    assert line["level"] == "INFO"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/track/", 200)
    assert line["route"] == "track/"
    assert line["user_id"] == entrepreneur.pk
    assert "number" not in json.dumps(line)  # the query string is not logged
    assert isinstance(line["duration_ms"], float)
    assert "time" in line
