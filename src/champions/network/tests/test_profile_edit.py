"""The owner's profile page (fields checked one by one, index follows, readable codes, code
picker) and the choice of trust-card facts; nobody else reaches either page."""

import pytest
from django.urls import reverse

from champions.network import editing, picker
from champions.network.forms_profile import FACT_LABELS
from champions.network.models import ProfileTag
from champions.network.tests.factories import ProfileFactory
from champions.network.trustcard import FACT_KEYS

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:
    values = {
        "description": "We knit cotton T-shirts for export.",
        "hs_codes": "610910",
        "nic_codes": "14309",
        "needs": "Combed cotton yarn",
        "needs_hs_codes": "520524",
        "capacity": "20,000 pieces a month",
        "certifications": "ISO 9001, GOTS",
        "export_countries": "de ae",
        "languages": ["en", "de"],
    }
    values.update(overrides)
    return values


@pytest.fixture
def own(entrepreneur):
    return ProfileFactory(owner=entrepreneur, hs_codes=["520524"])


def test_owner_saves_the_profile_and_the_index_follows(client, entrepreneur, own):
    client.force_login(entrepreneur)
    url = reverse("web:network:profile_edit", args=[own.pk])
    response = client.post(url, _form())
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.hs_codes == ["610910"]
    assert own.needs_hs_codes == ["520524"]
    assert own.certifications == ["ISO 9001", "GOTS"]
    assert own.export_countries == ["AE", "DE"]
    assert own.languages == ["en", "de"]
    assert own.capacity == "20,000 pieces a month"
    tags = set(ProfileTag.objects.filter(profile=own).values_list("tag", flat=True))
    assert tags == {"o6:610910", "o4:6109", "n4:5205", "i4:1430"}
    page = client.get(url)
    assert "HS 610910" in page.text
    assert "t-shirts" in page.text.lower()  # the code is named, not only numbered


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hs_codes", "12 000000", "Unknown HS codes (4 or 6 digits): 12, 000000"),
        ("nic_codes", "x", "Unknown NIC-2008 codes: x"),
        ("export_countries", "ZZ", "Unknown country codes (ISO 3166, two letters): ZZ"),
        ("description", "   ", "This field is required."),
        ("certifications", "A" * 81, "At most 15 certifications of 80 characters each."),
        ("languages", ["xx"], "Select a valid choice."),
    ],
)
def test_each_field_is_checked(client, entrepreneur, own, field, value, message):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("web:network:profile_edit", args=[own.pk]), _form(**{field: value})
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    own.refresh_from_db()
    assert own.hs_codes == ["520524"]  # nothing saved


def test_codes_are_required_to_be_found():
    errors = editing.profile_edit_errors(editing.ProfileEdit(description="Yarn"))
    assert list(errors) == ["hs_codes"]


def test_edit_page_in_hindi(client, entrepreneur, own):
    client.force_login(entrepreneur)
    client.cookies["django_language"] = "hi"
    page = client.get(reverse("web:network:profile_edit", args=[own.pk]))
    assert page.status_code == 200
    assert "आपके उत्पाद (HS कोड)" in page.text


@pytest.mark.parametrize("who", ["anonymous", "other_entrepreneur", "hub_officer"])
def test_only_the_owner_reaches_the_pages(client, request, own, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for name in ("profile_edit", "trust_facts"):
        response = client.post(
            reverse(f"web:network:{name}", args=[own.pk]), _form(facts=["email_verified"])
        )
        assert response.status_code == (302 if who == "anonymous" else 404)
        if who == "anonymous":
            assert response["Location"].startswith("/accounts/login/")
    own.refresh_from_db()
    assert own.hs_codes == ["520524"]
    assert own.trust_card_fields == []


def test_code_picker_finds_codes_by_digits_words_and_hindi(client):
    assert [c.code for c in picker.code_search(query="5205", kind="hs")][:2] == ["5205", "520511"]
    assert "5205" in [c.code for c in picker.code_search(query="cotton yarn", kind="hs")]
    assert "5205" in [c.code for c in picker.code_search(query="सूती धागा", kind="hs")]
    assert picker.code_search(query="1430", kind="nic")[0].code.startswith("1430")
    assert picker.code_search(query="y", kind="hs") == []
    page = client.get(reverse("web:network:codes"), {"q": "cotton yarn", "target": "id_hs_codes"})
    assert 'data-code="5205"' in page.text
    assert 'data-target="id_hs_codes"' in page.text
    odd = client.get(reverse("web:network:codes"), {"q": "yarn", "target": "<x>"})
    assert "data-target" not in odd.text


def test_fact_labels_cover_every_fact():
    assert list(FACT_LABELS) == list(FACT_KEYS)


def test_owner_chooses_the_trust_card_facts(client, entrepreneur):
    own = ProfileFactory(owner=entrepreneur, email_verified=True)  # foreign, approved
    client.force_login(entrepreneur)
    url = reverse("web:network:trust_facts", args=[own.pk])
    page = client.get(url)
    assert "Verified:" in page.text
    response = client.post(url, {"facts": ["email_verified"]})
    assert response.status_code == 302
    card = client.get(reverse("web:network:trust", args=[own.pk]), {"format": "json"}).json()
    assert [f["key"] for f in card["card"]["facts"]] == ["email_verified"]
    empty = client.post(url, {})
    assert "Choose at least one fact for your trust card." in empty.text
    own.refresh_from_db()
    assert own.trust_card_fields == ["email_verified"]
