"""Pages: the auth matrix on pages that change data, contact details only after acceptance, and
the trust card whose signature verifies with the published public key."""

import pytest
from django.urls import reverse

from champions.core.models import State
from champions.network import services
from champions.network.choices import IntroductionStatus, PostStatus
from champions.network.models import Introduction, Post
from champions.network.tests.factories import ProfileFactory
from champions.network.trustcard import verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(entrepreneur, hub_officer):
    author = ProfileFactory(owner=entrepreneur, email="buyer@strickwerk.example")
    post = services.post_create(
        user=entrepreneur,
        profile_id=author.pk,
        kind="business_request",
        title="Cotton yarn wanted",
        text="Ne 30 combed cotton yarn",
        hs_codes=["520524"],
    )
    return services.post_review(user=hub_officer, post_id=post.pk, approve=True)


def test_home_lists_published_posts_with_few_queries(client, published, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("web:network:home"))
    assert response.status_code == 200
    assert "Cotton yarn wanted" in response.text


def test_home_marks_the_company_names_as_names(client, published):
    """The walk in Hindi counted foreign company names as untranslated words."""
    response = client.get(reverse("web:network:home"))
    assert f'<span translate="no">{published.profile.name}</span> (' in response.text


def test_home_empty_state_in_hindi(client):
    client.cookies["django_language"] = "hi"
    response = client.get(reverse("web:network:home"), HTTP_ACCEPT_LANGUAGE="hi")
    assert response.status_code == 200


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("other_entrepreneur", 404)])
def test_interest_auth_matrix(client, request, published, who, status):
    if who != "anonymous":
        user = request.getfixturevalue(who)
        ProfileFactory(owner=user, country="IN", phone="+91 98765 43210")
        client.force_login(user)
    response = client.post(
        reverse("web:network:interest", args=[published.pk]),
        {"profile_id": "0", "message": "We spin yarn"},
    )
    assert response.status_code == status
    assert Introduction.objects.count() == 0


def test_contact_hidden_until_accepted(client, published, entrepreneur, other_entrepreneur):
    asker = ProfileFactory(owner=other_entrepreneur, country="IN", phone="+91 98765 43210")
    client.force_login(other_entrepreneur)
    response = client.post(
        reverse("web:network:interest", args=[published.pk]),
        {"profile_id": str(asker.pk), "message": "We spin yarn"},
    )
    intro = Introduction.objects.get()
    assert response.url == reverse("web:network:introduction", args=[intro.pk])
    page = client.get(response.url)
    assert "buyer@strickwerk.example" not in page.text
    client.force_login(entrepreneur)
    client.post(response.url, {"answer": "accepted"})
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.ACCEPTED
    client.force_login(other_entrepreneur)
    assert "buyer@strickwerk.example" in client.get(response.url).text


def test_stranger_cannot_see_an_introduction(client, published, other_entrepreneur, analyst):
    asker = ProfileFactory(owner=other_entrepreneur)
    intro = services.introduction_request(
        user=other_entrepreneur, post_id=published.pk, from_profile_id=asker.pk, message="hi"
    )
    client.force_login(analyst)
    url = reverse("web:network:introduction", args=[intro.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "accepted"}).status_code == 404
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.PENDING


@pytest.mark.parametrize(
    ("who", "status", "final"),
    [
        ("entrepreneur", 404, PostStatus.PENDING),
        ("spoke_officer", 404, PostStatus.PENDING),
        ("hub_officer", 302, PostStatus.PUBLISHED),
    ],
)
def test_review_auth_matrix(client, request, entrepreneur, who, status, final):
    author = ProfileFactory(owner=entrepreneur)
    post = services.post_create(
        user=entrepreneur, profile_id=author.pk, kind="research", title="Lab", text="Textiles"
    )
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("web:network:review"), {"post_id": post.pk, "approve": "on"})
    assert response.status_code == status
    assert Post.objects.get(pk=post.pk).status == final


def test_trust_card_signature_verifies_with_published_key(client, published):
    url = reverse("web:network:trust", args=[published.profile_id])
    card = client.get(url, {"format": "json"}).json()
    public_key = client.get(reverse("web:network:trust_key")).text
    assert card["card"]["name"] == published.profile.name
    assert verify(card, public_key) is True
    card["card"]["name"] = "Someone else"
    assert verify(card, public_key) is False


def test_trust_card_page_has_qr_code_and_owner_choice(client, published):
    profile = published.profile
    profile.email_verified = True
    profile.trust_card_fields = ["hub_reviewed"]
    profile.save()
    page = client.get(reverse("web:network:trust", args=[profile.pk]))
    assert "<svg" in page.text
    facts = client.get(page.request["PATH_INFO"], {"format": "json"}).json()["card"]["facts"]
    assert [f["key"] for f in facts] == ["hub_reviewed"]  # e-mail verified, but not chosen


def test_market_page_and_csv(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        page = client.get(reverse("web:network:market"))
    assert page.status_code == 200
    assert "HS 5205" in page.text
    csv_text = client.get(reverse("web:network:market"), {"format": "csv"}).text
    assert csv_text.splitlines()[1].startswith("52,")
    assert csv_text.splitlines()[1].endswith(",1,0,0")


def test_foreign_sme_signs_up_and_posts_through_the_pages(client, other_entrepreneur, hub_officer):
    client.force_login(other_entrepreneur)
    response = client.post(
        reverse("web:network:profile_new"),
        {
            "enterprise": "",
            "name": "Strickwerk GmbH",
            "country": "DE",
            "registration_number": "HRB 1",
            "website": "https://strickwerk.example",
            "description": "Knitwear",
            "nic_codes": "14301",
        },
    )
    assert response.status_code == 302
    profile = other_entrepreneur.network_profiles.get()
    assert profile.review_status == "pending"
    post_form = {"profile": profile.pk, "kind": "business_request", "title": "Yarn", "text": "x"}
    refused = client.post(reverse("web:network:post_new"), post_form)
    assert refused.status_code == 200
    assert Post.objects.count() == 0
    services.profile_review(user=hub_officer, profile_id=profile.pk, approve=True)
    assert client.post(reverse("web:network:post_new"), post_form).status_code == 302
    assert Post.objects.get().status == PostStatus.PENDING


def test_signup_page_needs_login(client):
    response = client.post(reverse("web:network:profile_new"), {"name": "X", "country": "DE"})
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_spoke_officer_sees_introductions_in_their_state_only(
    client, published, other_entrepreneur, spoke_officer, other_spoke_officer
):
    maharashtra = State.objects.get(udyam_code="MH")
    asker = ProfileFactory(owner=other_entrepreneur, country="IN", state=maharashtra)
    intro = services.introduction_request(
        user=other_entrepreneur, post_id=published.pk, from_profile_id=asker.pk, message="hi"
    )
    url = reverse("web:network:introduction", args=[intro.pk])
    client.force_login(spoke_officer)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("web:network:home")).text
    client.force_login(other_spoke_officer)
    assert client.get(url).status_code == 404
    assert url not in client.get(reverse("web:network:home")).text


def test_abuse_report_needs_login_and_a_reason(client, published, other_entrepreneur):
    url = reverse("web:network:report", args=[published.pk])
    assert client.post(url, {"reason": "spam"}).status_code == 302
    assert published.abuse_reports.count() == 0
    client.force_login(other_entrepreneur)
    client.post(url, {"reason": ""})
    assert published.abuse_reports.count() == 0
    client.post(url, {"reason": "spam"})
    assert list(published.abuse_reports.values_list("reason", flat=True)) == ["spam"]


@pytest.mark.parametrize("field", ["post_id", "profile_id"])
def test_a_review_of_an_unreadable_id_is_refused_with_a_message_not_a_500(
    client, hub_officer, field
):
    client.force_login(hub_officer)

    response = client.post(reverse("web:network:review"), {field: "12abc", "approve": "on"})

    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert len(messages) == 1
    assert messages[0] != "Saved."
