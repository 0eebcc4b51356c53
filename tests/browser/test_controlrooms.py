"""The hub's control-room pages and the profile in chromium: axe (no serious or critical
violation), no horizontal scroll at 360 px in Hindi, and a district moved through the page with
its confirmation step."""

import pytest

from champions.controlrooms.selectors import room_for_district, room_get_by_code
from champions.core.models import District

from .conftest import (
    HUB_EMAIL,
    PHONE,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser


def _paths() -> dict[str, str]:
    mh = room_get_by_code(code="spoke-mh").pk
    return {
        "list": "/controlrooms/",
        "room": f"/controlrooms/{mh}/",
        "move": f"/controlrooms/{mh}/districts/",
        "close": f"/controlrooms/{mh}/close/",
        "import": "/controlrooms/import/",
        "profile": "/profile/",
    }


@pytest.mark.parametrize("name", ["list", "room", "move", "close", "import", "profile"])
@pytest.mark.parametrize("language", ["en", "hi"])
def test_network_pages_are_accessible_and_fit_a_phone(
    live_server, hub_officer_account, page, name, language
):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, HUB_EMAIL)
    if language == "hi":
        page.set_viewport_size(PHONE)

    open_path(page, live_server.url, _paths()[name])
    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    if language == "hi":
        assert scroll_width(page) <= PHONE["width"]
    assert page.csp_errors == []


def test_the_hub_moves_a_district_after_confirming(live_server, hub_officer_account, page):
    log_in(page, live_server.url, HUB_EMAIL)
    goa = room_get_by_code(code="spoke-ga")
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    open_path(page, live_server.url, _paths()["move"])

    page.get_by_label("Pune — Champions Control Room, Mumbai").check()
    page.get_by_label("Move them to").select_option(str(goa.pk))
    page.get_by_label("Reason").fill("Closer to the Goa office")
    with page.expect_navigation():
        page.get_by_role("button", name="Check the move").click()
    assert page.get_by_role("alert").first.inner_text().startswith("Please confirm")
    assert room_for_district(district_id=pune.pk).code == "spoke-mh"
    violations = blocking_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm the move").click()

    assert violations == [], "\n".join(violations)
    assert room_for_district(district_id=pune.pk) == goa
    assert "Pune moved in from Champions Control Room, Mumbai" in page.inner_text("main")


def test_the_hub_imports_a_file_after_the_dry_run(live_server, hub_officer_account, page, tmp_path):
    log_in(page, live_server.url, HUB_EMAIL)
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    satara = District.objects.get(name="Satara", state__udyam_code="MH")
    upload = tmp_path / "rooms.csv"
    upload.write_text(
        "room_code,room_name,host_office,state,district_lgd_code\n"
        f"dfo-pune,MSME-DFO Pune room,MSME-DFO Pune,MH,{pune.lgd_code}\n"
        f"dfo-pune,MSME-DFO Pune room,MSME-DFO Pune,MH,{satara.lgd_code}\n",
        encoding="utf-8",
    )
    open_path(page, live_server.url, "/controlrooms/import/")

    page.get_by_label("CSV file").set_input_files(str(upload))
    with page.expect_navigation():
        page.get_by_role("button", name="Check the file").click()
    summary = page.locator("#preview-heading + ul").inner_text()
    violations = blocking_violations(page)
    page.get_by_label("Reason").fill("Ministry list 2026")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply the file").click()

    assert "2 rows read" in summary
    assert "2 districts move" in summary
    assert violations == [], "\n".join(violations)
    assert room_for_district(district_id=pune.pk).code == "dfo-pune"
    assert room_for_district(district_id=satara.pk).code == "dfo-pune"
