"""With MFA switched on (the test settings turn it off), an officer whose session has not shown
the second factor gets the documented 403 from the API, and the schema states it everywhere."""

import pytest

from champions.api.api import api
from champions.api.contract import MFA_REFUSAL

pytestmark = pytest.mark.django_db

PROBES = [
    ("get", "/api/v1/grievances", "/api/v1/grievances"),
    ("post", "/api/v1/grievances", "/api/v1/grievances"),
    ("get", "/api/v1/registry/enterprises", "/api/v1/registry/enterprises"),
]


@pytest.fixture(autouse=True)
def mfa_on(settings):
    settings.MFA_REQUIRED = True


def _schema() -> dict:
    return api.get_openapi_schema(path_prefix="/api/v1")


@pytest.mark.parametrize(("method", "url", "path"), PROBES)
def test_an_officer_without_the_second_factor_gets_the_documented_403(
    client, spoke_officer, method, url, path
):
    client.force_login(spoke_officer)  # a session with no MFA record, as after the admin login

    response = getattr(client, method)(url, data={}, content_type="application/json")

    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "mfa_required"
    assert "two-factor" in body["detail"]
    documented = _schema()["paths"][path][method]["responses"]["403"]
    assert MFA_REFUSAL in documented["description"]
    error_schema = documented["content"]["application/json"]["schema"]
    if "$ref" in error_schema:
        error_schema = _schema()["components"]["schemas"][error_schema["$ref"].rsplit("/", 1)[1]]
    assert set(error_schema["required"]) <= set(body)


def test_every_operation_states_the_mfa_refusal():
    operations = [op for methods in _schema()["paths"].values() for op in methods.values()]

    missing = [op["operationId"] for op in operations if MFA_REFUSAL not in _description(op)]

    assert len(operations) >= 38  # every router is mounted
    assert missing == []


def test_an_entrepreneur_is_not_refused(client, entrepreneur):
    client.force_login(entrepreneur)

    assert client.get("/api/v1/grievances").status_code == 200


def _description(operation: dict) -> str:
    return operation["responses"].get("403", {}).get("description", "")
