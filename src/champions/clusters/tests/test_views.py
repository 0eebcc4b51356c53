"""Centre and cluster pages: who may see and do what (anonymous / wrong role / right role)."""

import pytest
from django.urls import reverse
from django.utils import translation

from champions.clusters import services
from champions.clusters.models import ClusterMembership, ClusterPost, ServiceRequest

from .factories import aurangabad, cluster, cnc_service, pdf_upload, request_input, staff_user, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return aurangabad()


@pytest.fixture
def asked(entrepreneur, centre):
    enterprise = unit(entrepreneur)
    return services.service_request_create(
        actor=entrepreneur, data=request_input(cnc_service(centre), enterprise), upload=pdf_upload()
    )


def test_directory_is_public_and_lists_states(client, centre, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(reverse("web:clusters:centre_directory"))
    assert response.status_code == 200
    assert 'id="state-MH"' in response.text
    assert "Indo German Tool Room (IGTR)" in response.text


def test_directory_names_states_in_hindi_and_marks_centre_names_on_hindi_pages(client, centre):
    """The walk at 360 px in Hindi found English state names, centre names and statuses
    unmarked (WCAG 3.1.2)."""
    client.cookies["django_language"] = "hi"
    with translation.override("en"):  # undoes the middleware's activation afterwards
        page = client.get(reverse("web:clusters:centre_directory")).text
    assert '<h2 id="state-MH-heading">महाराष्ट्र' in page
    assert '<a href="#state-MH" title="महाराष्ट्र">' in page  # the tile
    assert '<span lang="en" translate="no">Indo German Tool Room' in page
    assert ">Maharashtra<" not in page


def test_centre_page_labels_prices_as_indicative(client, centre):
    response = client.get(reverse("web:clusters:centre_detail", args=[centre.pk]))
    assert response.status_code == 200
    assert "Prices are indicative demo values" in response.text
    assert "₹1,500 / hour" in response.text


def test_unit_requests_a_cnc_job_with_a_drawing(client, entrepreneur, centre):
    enterprise = unit(entrepreneur)
    client.force_login(entrepreneur)
    data = {
        "service": cnc_service(centre).pk,
        "enterprise": enterprise.pk,
        "quantity": 5,
        "note": "Shafts",
        "attachment": pdf_upload(),
    }
    response = client.post(reverse("web:clusters:centre_detail", args=[centre.pk]), data)
    created = ServiceRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:clusters:request_detail", args=[created.pk])
    assert (created.note, created.quantity, created.attachment_name) == ("Shafts", 5, "drawing.pdf")


def test_anonymous_and_officers_cannot_request(client, hub_officer, centre):
    url = reverse("web:clusters:centre_detail", args=[centre.pk])
    data = {"service": cnc_service(centre).pk, "enterprise": 1, "quantity": 1, "note": "x"}
    assert client.post(url, data).status_code == 403
    client.force_login(hub_officer)
    assert client.post(url, data).status_code == 403
    assert ServiceRequest.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "other_unit", "other_centre"])
def test_request_page_hidden_from_others(client, asked, other_entrepreneur, who):
    url = reverse("web:clusters:request_detail", args=[asked.pk])
    if who == "other_unit":
        client.force_login(other_entrepreneur)
    elif who == "other_centre":
        from champions.clusters.models import TechnologyCentre

        client.force_login(
            staff_user(TechnologyCentre.objects.get(source_id=8), email="l@example.com")
        )
    response = client.get(url)
    assert response.status_code == (302 if who == "anonymous" else 404)
    attachment = client.get(reverse("web:clusters:request_attachment", args=[asked.pk]))
    assert attachment.status_code == (302 if who == "anonymous" else 404)


def test_staff_quote_from_the_page_and_unit_sees_it(client, asked, centre, entrepreneur):
    client.force_login(staff_user(centre))
    url = reverse("web:clusters:request_detail", args=[asked.pk])
    assert client.get(reverse("web:clusters:request_list")).text.count(f"#{asked.pk} ") == 1
    response = client.post(url, {"action": "quote", "quote-quote_inr": "9000", "quote-note": "Ok"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert (asked.status, asked.quote_inr) == ("quoted", 9000)
    client.force_login(entrepreneur)
    assert "₹9,000" in client.get(url).text


def test_unit_cannot_quote_from_the_page(client, asked, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(
        reverse("web:clusters:request_detail", args=[asked.pk]),
        {"action": "quote", "quote-quote_inr": "1"},
    )
    assert response.status_code == 403
    asked.refresh_from_db()
    assert asked.quote_inr is None


def test_demand_page_only_for_the_hub(client, hub_officer, entrepreneur, asked):
    url = reverse("web:clusters:centre_demand")
    client.force_login(entrepreneur)
    assert client.get(url).status_code == 403
    client.force_login(hub_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert "IGTR, Aurangabad" in response.text


def test_join_approve_post_and_private_documents(
    client, entrepreneur, other_entrepreneur, hub_officer
):
    from champions.registry.tests.factories import mh_pune

    _state, pune = mh_pune()
    made = cluster(hub_officer, districts=[pune])
    enterprise = unit(entrepreneur)
    client.force_login(entrepreneur)
    detail = reverse("web:clusters:cluster_detail", args=[made.pk])
    assert "Pune tools" in client.get(reverse("web:clusters:cluster_list")).text  # suggested
    client.post(
        reverse("web:clusters:cluster_join", args=[made.pk]), {"join-enterprise": enterprise.pk}
    )
    membership = ClusterMembership.objects.get()
    assert membership.status == "pending"
    post_url = reverse("web:clusters:cluster_post", args=[made.pk])
    assert client.post(post_url, {"post-kind": "post", "post-title": "Hello"}).status_code == 403
    decide = reverse("web:clusters:membership_decide", args=[membership.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403  # not the coordinator
    client.force_login(hub_officer)
    client.post(decide, {"decision": "approve"})
    client.force_login(entrepreneur)
    data = {
        "post-kind": "document",
        "post-title": "Test report",
        "post-is_private": "on",
        "post-document": pdf_upload(),
    }
    assert client.post(post_url, data).status_code == 302
    document = ClusterPost.objects.get()
    document_url = reverse("web:clusters:cluster_document", args=[document.pk])
    assert client.get(document_url).status_code == 200
    client.force_login(other_entrepreneur)
    assert client.get(document_url).status_code == 404
    assert "Test report" not in client.get(detail).text
    client.logout()
    assert client.get(document_url).status_code == 404
