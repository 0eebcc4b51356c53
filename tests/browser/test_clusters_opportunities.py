"""Technology centres, the demand drive and the sparks list in chromium: a unit asks a tool
room for a CNC job with a drawing and the centre quotes it; an officer posts a mask drive
that a mask maker sees and answers; an officer reads the sparks list for electronics in
Karnataka. Axe finds nothing serious or critical, and each page fits 360 px in both languages."""

import re

import pytest
from playwright.sync_api import expect

from champions.clusters.models import TechnologyCentre
from champions.clusters.services import centre_staff_assign, centres_load
from champions.network.tests.factories import ProfileFactory
from champions.opportunities.models import Opportunity, OpportunityResponse
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

from .conftest import (
    HUB_EMAIL,
    OWNER_EMAIL,
    PHONE,
    _account,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

STAFF_EMAIL = "staff@example.com"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def centre(live_data):
    centres_load()
    igtr = TechnologyCentre.objects.get(source_id=5)
    centre_staff_assign(user=_account(STAFF_EMAIL, "centre_staff"), centre_id=igtr.pk)
    return igtr


def _check(page) -> None:
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_unit_asks_a_tool_room_for_a_cnc_job_and_the_centre_quotes(
    live_server, centre, pune_enterprise, page, new_page
):
    log_in(page, live_server.url, OWNER_EMAIL)
    open_path(page, live_server.url, "/centres/?service=cnc")
    _check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Indo German Tool Room (IGTR)").first.click()
    page.locator("#id_service").select_option(
        label="CNC machining: CNC turning and vertical machining centre"
    )
    page.locator("#id_quantity").fill("40")
    page.locator("#id_note").fill("40 flanges to drawing FL-20, EN8 steel")
    page.locator("#id_attachment").set_input_files(
        {"name": "FL-20.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    _check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Request #"))
    expect(page.get_by_role("link", name="FL-20.pdf")).to_be_visible()
    _check(page)

    staff = new_page(PHONE)
    log_in(staff, live_server.url, STAFF_EMAIL)
    open_path(staff, live_server.url, "/centres/requests/")
    with staff.expect_navigation():
        staff.get_by_role("link", name="CNC turning").click()
    staff.locator("#id_quote-quote_inr").fill("18000")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Send the quote").click()
    expect(staff.locator("dl")).to_contain_text("₹18,000")
    assert scroll_width(staff) <= PHONE["width"]
    _check(staff)


@pytest.fixture
def pune_cluster(hub_officer_account, pune_enterprise):
    from champions.clusters.services import (
        PostInput,
        cluster_join_request,
        cluster_post_create,
        membership_decide,
    )
    from champions.clusters.tests.factories import cluster

    made = cluster(
        hub_officer_account, districts=[pune_enterprise.district], name="Demo cluster: Pune"
    )
    owner = pune_enterprise.representatives.get()
    joined = cluster_join_request(actor=owner, cluster_id=made.pk, enterprise_id=pune_enterprise.pk)
    membership_decide(actor=hub_officer_account, membership_id=joined.pk, approve=True)
    question = PostInput(kind="question", title="Who has a CMM?")
    cluster_post_create(actor=owner, cluster_id=made.pk, data=question)
    return made


@pytest.mark.parametrize("language", ["en", "hi"])
@pytest.mark.parametrize(
    "path",
    ["/centres/", "/centres/{id}/", "/centres/requests/", "/clusters/", "/clusters/{cluster}/"],
)
def test_centre_and_cluster_pages_fit_360_px(
    live_server, centre, pune_cluster, page, language, path
):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, OWNER_EMAIL)
    page.set_viewport_size(PHONE)
    open_path(page, live_server.url, path.format(id=centre.pk, cluster=pune_cluster.pk))
    assert page.get_attribute("html", "lang") == language
    assert scroll_width(page) <= PHONE["width"]
    _check(page)


@pytest.fixture
def mask_maker(pune_enterprise):
    ProfileFactory(
        kind="indian",
        country="IN",
        name=pune_enterprise.name,
        hs_codes=["630790"],
        description="Three-ply surgical face masks.",
        enterprise=pune_enterprise,
    )
    return pune_enterprise


def test_officer_posts_a_mask_drive_and_the_mask_maker_answers(
    live_server, hub_officer_account, mask_maker, page, new_page
):
    log_in(page, live_server.url, HUB_EMAIL)
    page.set_viewport_size(PHONE)
    open_path(page, live_server.url, "/opportunities/new/")
    page.locator("#id_title").fill("Surgical masks for district hospitals")
    page.locator("#id_kind").select_option("demand_drive")
    page.locator("#id_text").fill("Three-ply surgical masks, 2 lakh a week")
    page.locator("#id_hs_codes").fill("630790")
    page.get_by_label("Maharashtra", exact=True).check()
    assert scroll_width(page) <= PHONE["width"]
    _check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Post and alert matched units").click()
    expect(page.get_by_role("heading", name="Matched units")).to_be_visible()
    expect(page.locator("ol")).to_contain_text("Deccan Precision Tools")
    assert scroll_width(page) <= PHONE["width"]
    _check(page)
    drive = Opportunity.objects.get()

    unit = new_page(PHONE)
    use_language(unit, live_server.url, "hi")
    log_in(unit, live_server.url, OWNER_EMAIL)
    open_path(unit, live_server.url, "/opportunities/")
    assert scroll_width(unit) <= PHONE["width"]
    _check(unit)
    with unit.expect_navigation():
        unit.get_by_role("link", name="Surgical masks for district hospitals").first.click()
    unit.locator("#id_respond-quantity").fill("50,000 a week")
    unit.locator("#id_respond-price_min_inr").fill("2")
    unit.locator("#id_respond-price_max_inr").fill("3")
    with unit.expect_navigation():
        unit.locator("form[action$='/respond/'] button[type=submit]").click()
    assert OpportunityResponse.objects.get(opportunity=drive).quantity == "50,000 a week"
    assert scroll_width(unit) <= PHONE["width"]
    _check(unit)


@pytest.fixture
def karnataka_electronics(hub_officer_account):
    from champions.core.models import District, State

    state = State.objects.get(udyam_code="KR")
    district = District.objects.get(state=state, name="Bengaluru Urban")
    for n, (turnover, exports) in enumerate(
        [(40_000_000, 8_000_000), (9_000_000, 0), (120_000_000, 30_000_000)]
    ):
        enterprise_create(
            data=enterprise_input(
                udyam_number=f"UDYAM-KR-01-000000{n}",
                name=f"Bengaluru Electronics {n}",
                nic_codes=["26104"],
                state_id=state.pk,
                district_id=district.pk,
                pincode="560001",
                turnover_inr=turnover,
                export_turnover_inr=exports,
            ),
            actor=hub_officer_account,
        )


@pytest.mark.parametrize("language", ["en", "hi"])
def test_sparks_for_electronics_in_karnataka(live_server, karnataka_electronics, page, language):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, HUB_EMAIL)
    page.set_viewport_size(PHONE)
    open_path(page, live_server.url, "/sparks/?sector=electronics&state=KR")
    expect(page.locator("tbody").first.locator("tr")).to_have_count(3)
    assert scroll_width(page) <= PHONE["width"]
    _check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Bengaluru Electronics 2").click()
    # The click only starts the navigation; wait for the unit's page before counting its rows.
    expect(page.locator("table").first.locator("tbody tr")).to_have_count(10)
    assert scroll_width(page) <= PHONE["width"]
    _check(page)
