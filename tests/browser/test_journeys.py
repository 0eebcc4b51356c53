"""The two everyday journeys end to end, in Hindi on a 360 px phone and in English on a desktop,
with axe (0 serious or critical) on every page visited and no sideways scroll on the phone.

The owner lodges, answers the officer's question from the box on top, rates the resolution
poorly and appeals when offered. The spoke officer finds the grievance by searching the queue,
takes it, asks, replies and transfers it to the hub; a hub officer resolves it. (Accepting an AI
suggestion is covered by test_grievances with trained models; here the live server has none.)
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import (
    DESKTOP,
    HUB_EMAIL,
    OWNER_EMAIL,
    PHONE,
    SPOKE_EMAIL,
    blocking_violations,
    log_in,
)

pytestmark = pytest.mark.browser
NUMBER = re.compile(r"CHMP/\d{4}/MH/\d{7}")


def _check(page, width: int, visited: list[str]) -> None:
    """axe and the layout on the page now shown."""
    visited.append(page.url)
    assert blocking_violations(page) == [], page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def _submit(page, form_selector: str, button: str = "button[type=submit]") -> None:
    with page.expect_navigation():
        page.locator(form_selector).locator(button).first.click()
    assert page.locator(".message-error").count() == 0, page.inner_text("#messages")


def _act(page, action: str, note: str = "") -> None:
    form = f"form:has(input[name=action][value={action}])"
    if note:
        page.locator(form).locator("textarea[name=note]").fill(note)
    _submit(page, form)


def _status(page) -> str:
    return page.locator("main h1 + p .badge[class*='status-']").inner_text()


@pytest.mark.parametrize(
    ("language", "viewport"), [("hi", PHONE), ("en", DESKTOP)], ids=["hindi-360", "english-desktop"]
)
def test_owner_and_officer_journeys(
    live_server,
    entrepreneur_account,
    spoke_officer_account,
    hub_officer_account,
    pune_enterprise,
    new_page,
    language,
    viewport,
):
    base, width = live_server.url, viewport["width"]
    owner, spoke, hub = new_page(viewport), new_page(viewport), new_page(viewport)
    for page in (owner, spoke, hub):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    visited: list[str] = []

    # The owner lodges through the form.
    log_in(owner, base, OWNER_EMAIL)
    owner.goto(f"{base}/grievances/new/")
    _check(owner, width, visited)
    owner.select_option("select[name=on_behalf_of]", label="Deccan Precision Tools")
    owner.check("input[name=kind][value=grievance]")
    owner.fill("input[name=subject]", "Invoice 42 unpaid for 120 days")
    owner.fill(
        "textarea[name=description]", "A state PSU buyer has not paid invoice 42 since March."
    )
    owner.select_option("select[name=category]", "delayed_payment")
    _submit(owner, "form:has(input[name=subject])")
    number = owner.locator(".card dd strong").inner_text()
    assert NUMBER.fullmatch(number)
    _check(owner, width, visited)

    # The spoke officer finds it by searching the queue, takes it and asks a question.
    log_in(spoke, base, SPOKE_EMAIL)
    spoke.goto(f"{base}/grievances/queue/?q={number}")
    _check(spoke, width, visited)
    with spoke.expect_navigation():
        spoke.get_by_role("link", name=number, exact=True).click()
    _check(spoke, width, visited)
    _act(spoke, "assign")
    _act(spoke, "start")
    _act(spoke, "ask_msme", note="Please send the date of invoice 42.")
    expect(spoke.locator("main h1 + p .badge.status-awaiting_msme")).to_have_count(1)

    # The owner sees the question on top and answers in the box there: the clock resumes.
    owner.goto(f"{base}/grievances/")
    _check(owner, width, visited)
    with owner.expect_navigation():
        owner.locator(f"a:has-text('{number}')").first.click()
    question = owner.locator("section[aria-labelledby=question-heading]")
    expect(question).to_contain_text("Please send the date of invoice 42.")
    _check(owner, width, visited)
    question.locator("textarea[name=body]").fill("The invoice is dated 3 March.")
    _submit(owner, "section[aria-labelledby=question-heading] form")
    expect(owner.locator("main h1 + p .badge.status-in_progress")).to_have_count(1)

    # The officer replies and transfers it to the hub.
    spoke.reload()
    spoke.locator("#message-form textarea[name=body]").fill("We have written to the buyer.")
    _submit(spoke, "#message-form")
    spoke.select_option("form[action$='/transfer/'] select[name=room]", index=1)
    spoke.fill("form[action$='/transfer/'] [name=reason]", "The buyer is a central PSU.")
    with spoke.expect_navigation():
        spoke.locator("form[action$='/transfer/'] button[type=submit]:not([form])").click()
    _check(spoke, width, visited)

    # A hub officer resolves it.
    log_in(hub, base, HUB_EMAIL)
    hub.goto(f"{base}/grievances/queue/?q={number}")
    with hub.expect_navigation():
        hub.get_by_role("link", name=number, exact=True).click()
    _check(hub, width, visited)
    _act(hub, "resolve", note="The buyer paid half; the rest is due next week.")

    # The owner rates it 2: an appeal is offered, not filed; the owner appeals with reasons.
    owner.reload()
    _check(owner, width, visited)
    owner.check("input[name=rating][value='2']")
    _submit(owner, "form[action$='/rate/']")
    expect(owner.locator("main h1 + p .badge.status-closed")).to_have_count(1)
    expect(owner.locator("form:has(input[name=action][value=appeal]) .action-help")).to_have_count(
        1
    )
    _check(owner, width, visited)
    _act(owner, "appeal", note="Only half was paid.")
    expect(owner.locator("main h1 + p .badge.status-appealed")).to_have_count(1)
    _check(owner, width, visited)
    assert len(visited) == 11
