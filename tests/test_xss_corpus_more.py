"""The XSS corpus (tests/test_xss_corpus.py) through the free-text fields of the networking,
cluster and opportunity apps and of the service levels: an introduction's message, a cluster
post's title and text, an opportunity's title, text and product and a unit's answer to it, a
technology-centre request's note and the centre's quote and decline notes, and a holiday's name.
Each page that shows the text renders it escaped, never as markup."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.clusters import services as cluster_services
from champions.clusters.services.clusters import PostInput
from champions.clusters.tests.factories import (
    aurangabad,
    cluster,
    cnc_service,
    request_input,
    staff_user,
    unit,
)
from champions.grievances.sla.services import holiday_add
from champions.network.services import introduction_request, post_create, post_review
from champions.network.tests.factories import ProfileFactory
from champions.opportunities.services import ResponseInput, opportunity_respond
from champions.opportunities.tests.factories import posted_drive
from champions.registry.tests.factories import mh_pune

from .test_xss_corpus import PAYLOADS, _assert_escaped, _page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_introduction_message_renders_escaped_to_the_posts_author(
    client, entrepreneur, other_entrepreneur, hub_officer, payload
):
    author = ProfileFactory(owner=entrepreneur)
    post = post_create(
        user=entrepreneur,
        profile_id=author.pk,
        kind="business_request",
        title="Cotton yarn wanted",
        text="Combed yarn, 40s count.",
        hs_codes=["520524"],
        countries=["in"],
    )
    post_review(user=hub_officer, post_id=post.pk, approve=True)
    asker = ProfileFactory(owner=other_entrepreneur)
    message = f"We spin yarn {payload}"
    asked = introduction_request(
        user=other_entrepreneur, post_id=post.pk, from_profile_id=asker.pk, message=message
    )

    client.force_login(entrepreneur)
    _assert_escaped(_page(client, reverse("web:network:introduction", args=[asked.pk])), message)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cluster_post_renders_escaped_to_its_members(client, entrepreneur, hub_officer, payload):
    _state, pune = mh_pune()
    made = cluster(hub_officer, districts=[pune])
    enterprise = unit(entrepreneur)
    joined = cluster_services.cluster_join_request(
        actor=entrepreneur, cluster_id=made.pk, enterprise_id=enterprise.pk
    )
    cluster_services.membership_decide(actor=hub_officer, membership_id=joined.pk, approve=True)
    title, body = f"title {payload}"[:200], f"body {payload}"
    cluster_services.cluster_post_create(
        actor=entrepreneur, cluster_id=made.pk, data=PostInput(kind="post", title=title, body=body)
    )

    for user in (entrepreneur, hub_officer):
        client.force_login(user)
        page = _page(client, reverse("web:clusters:cluster_detail", args=[made.pk]))
        _assert_escaped(page, title)
        _assert_escaped(page, body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_opportunity_and_an_answer_render_escaped(client, entrepreneur, hub_officer, payload):
    texts = {field: f"{field} {payload}" for field in ("title", "text", "product", "note")}
    drive = posted_drive(
        hub_officer, title=texts["title"][:200], text=texts["text"], product=texts["product"]
    )
    answer = ResponseInput(
        enterprise_id=unit(entrepreneur).pk,
        quantity=f"quantity {payload}"[:100],
        price_min_inr=2,
        price_max_inr=3,
        note=texts["note"],
    )
    opportunity_respond(actor=entrepreneur, opportunity_id=drive.pk, data=answer)
    detail = reverse("web:opportunities:detail", args=[drive.pk])

    client.force_login(entrepreneur)
    owner_page, board = _page(client, detail), _page(client, reverse("web:opportunities:board"))
    client.force_login(hub_officer)
    poster_page = _page(client, detail)

    for html in (owner_page, poster_page):
        _assert_escaped(html, texts["title"][:200])
        _assert_escaped(html, texts["text"])
    _assert_escaped(board, texts["title"][:200])
    _assert_escaped(poster_page, texts["note"])
    _assert_escaped(poster_page, answer.quantity)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_centre_request_and_its_notes_render_escaped(client, entrepreneur, payload):
    centre = aurangabad()
    note, declined = f"note {payload}", f"declined {payload}"
    asked = cluster_services.service_request_create(
        actor=entrepreneur, data=request_input(cnc_service(centre), unit(entrepreneur), note=note)
    )
    staff = staff_user(centre)
    cluster_services.service_request_decline(actor=staff, request_id=asked.pk, note=declined)
    detail = reverse("web:clusters:request_detail", args=[asked.pk])

    for user in (entrepreneur, staff):
        client.force_login(user)
        page = _page(client, detail)
        _assert_escaped(page, note)
        _assert_escaped(page, declined)
    _assert_escaped(_page(client, reverse("web:clusters:request_list")), note, shown=False)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_holiday_name_renders_escaped(client, hub_officer, payload):
    day = timezone.localdate() + timedelta(days=40)
    name = f"Festival {payload}"[:100]
    holiday_add(actor=hub_officer, day=day, name=name)

    client.force_login(hub_officer)
    page = _page(client, f"{reverse('web:grievances:holidays')}?year={day.year}")

    _assert_escaped(page, name)
