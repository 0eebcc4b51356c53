import json

import pytest

from champions.core.errors import NotFound, ValidationFailed
from champions.schemes.catalogue import SCHEMES_DIR
from champions.schemes.models import Scheme, SchemeVersion
from champions.schemes.services import catalogue_load, scheme_update

pytestmark = pytest.mark.django_db


def test_loader_is_idempotent(catalogue):
    again = catalogue_load()

    assert catalogue == {"created": 25, "updated": 0, "unchanged": 0}
    assert again == {"created": 0, "updated": 0, "unchanged": 25}
    assert SchemeVersion.objects.count() == 25


def test_a_changed_file_updates_the_entry_with_a_version(catalogue, tmp_path):
    for path in SCHEMES_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    entry = json.loads((tmp_path / "esdp.json").read_text(encoding="utf-8"))
    entry["short_name"] = "ESDP 2"
    (tmp_path / "esdp.json").write_text(json.dumps(entry), encoding="utf-8")

    counts = catalogue_load(directory=tmp_path)

    scheme = Scheme.objects.get(slug="esdp")
    assert counts == {"created": 0, "updated": 1, "unchanged": 24}
    assert (scheme.version, scheme.short_name) == (2, "ESDP 2")
    assert scheme.versions.get(number=2).changed_fields == ["short_name"]


def test_hub_edit_writes_a_version(catalogue, administrator):
    data = {**Scheme.objects.get(slug="pms").data, "short_name": "PMS-2022"}

    scheme_update(actor=administrator, slug="pms", data=data, summary="Shorter name")

    version = SchemeVersion.objects.get(scheme__slug="pms", number=2)
    assert (version.changed_by, version.summary, version.changed_fields) == (
        administrator,
        "Shorter name",
        ["short_name"],
    )


@pytest.mark.parametrize("role", ["entrepreneur", "spoke_officer", "leadership"])
def test_only_the_hub_edits(catalogue, request, role):
    user = request.getfixturevalue(role)
    data = {**Scheme.objects.get(slug="pms").data, "short_name": "X"}

    with pytest.raises(NotFound):
        scheme_update(actor=user, slug="pms", data=data, summary="x")

    assert Scheme.objects.get(slug="pms").short_name == "PMS"
    assert SchemeVersion.objects.filter(scheme__slug="pms").count() == 1


def test_a_bad_rule_is_refused(catalogue, hub_officer):
    data = {**Scheme.objects.get(slug="pms").data}
    data["rules"] = [{"id": "x", "field": "no_such_fact", "op": "==", "value": 1, "label_en": "x"}]

    with pytest.raises(ValidationFailed) as caught:
        scheme_update(actor=hub_officer, slug="pms", data=data, summary="bad")

    assert caught.value.errors == {"data": ["rule x: unknown fact 'no_such_fact'."]}
    assert Scheme.objects.get(slug="pms").version == 1
