"""Schemes in chromium: axe and the 360 px layout on the list, a scheme, the questionnaire, its
results, finance and recommendations; the filters (htmx) and a walk through the questionnaire
with "I don't know" and "Back"."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import (
    OWNER_EMAIL,
    PHONE,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    ("list", "/schemes/"),
    ("list filtered", "/schemes/?kind=guarantee&q=credit"),
    ("scheme", "/schemes/pmegp/"),
    ("first question", "/schemes/check/"),
    ("results without answers", "/schemes/check/results/"),
]


def _entrepreneur_path(path: str, enterprise) -> str:
    return path.format(id=enterprise.pk)


@pytest.mark.parametrize(("_case", "path"), PUBLIC_PAGES)
def test_public_scheme_page_has_no_serious_accessibility_violation(
    live_server, scheme_catalogue, page, _case, path
):
    open_path(page, live_server.url, path)

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("finance form", "/schemes/finance/"),
        ("finance options", "/schemes/finance/?enterprise={id}&loan_amount_inr=1000000"),
        ("recommendations", "/schemes/for/{id}/"),
    ],
)
def test_entrepreneur_scheme_page_has_no_serious_accessibility_violation(
    live_server, scheme_catalogue, pune_enterprise, page, _case, path
):
    log_in(page, live_server.url, OWNER_EMAIL)
    open_path(page, live_server.url, _entrepreneur_path(path, pune_enterprise))

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "language", "path"),
    [
        ("list", "en", "/schemes/"),
        ("list in Hindi", "hi", "/schemes/"),
        ("scheme", "en", "/schemes/pmegp/"),
        ("scheme in Hindi", "hi", "/schemes/pmegp/"),
        ("question in Hindi", "hi", "/schemes/check/"),
        ("finance options", "en", "/schemes/finance/?enterprise={id}&loan_amount_inr=1000000"),
        ("finance options in Hindi", "hi", "/schemes/finance/?enterprise={id}"),
        ("recommendations in Hindi", "hi", "/schemes/for/{id}/"),
    ],
)
def test_scheme_page_fits_a_360_px_screen(
    live_server, scheme_catalogue, pune_enterprise, page, _case, language, path
):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, OWNER_EMAIL)
    page.set_viewport_size(PHONE)

    open_path(page, live_server.url, _entrepreneur_path(path, pune_enterprise))

    assert page.get_attribute("html", "lang") == language
    assert scroll_width(page) <= PHONE["width"]


def test_filters_narrow_the_list_in_place(live_server, scheme_catalogue, page):
    open_path(page, live_server.url, "/schemes/")
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Kind of support").select_option("guarantee")
    with page.expect_response(lambda response: "kind=guarantee" in response.url):
        page.get_by_role("button", name="Apply filters").click()

    heading = page.locator("#scheme-results-heading")
    heading.filter(has_text="2 schemes").wait_for()
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the results only
    expect(page).to_have_url(re.compile("kind=guarantee"))
    assert page.locator("#scheme-results h3").all_inner_texts() == [
        "Credit Guarantee Scheme for Micro and Small Enterprises (CGTMSE)",
        "Mutual Credit Guarantee Scheme for MSMEs (MCGS-MSME)",
    ]
    assert blocking_violations(page) == []


# --- The questionnaire ---------------------------------------------------------------------------


def _fact(page) -> str:
    return page.locator("input[name=fact]").input_value()


def _step(page) -> str:
    return page.inner_text("#progress")


def _press(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def _answer_whatever_is_asked(page) -> None:
    """Pick the first choice, or type a plausible number or code."""
    radios = page.locator("fieldset.question input[type=radio]")
    if radios.count():
        radios.first.check()
    elif page.locator("select[name=answer]").count():
        page.locator("select[name=answer]").select_option(index=1)
    else:
        field = page.locator("[name=answer]")
        field.fill("25" if field.get_attribute("type") != "number" else "30")
    _press(page, "Next")


def test_questionnaire_walk_with_dont_know_and_back(live_server, scheme_catalogue, page):
    open_path(page, live_server.url, "/schemes/check/")
    assert _fact(page) == "applicant_type"
    assert page.get_by_role("button", name="Back").count() == 0

    # An answer is needed before "Next": the error is announced and tied to the question.
    _press(page, "Next")
    assert page.locator("[role=alert]").count() == 1
    question = page.get_by_label("Who is applying?")
    assert question.get_attribute("aria-describedby").endswith("_error")
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)

    question.select_option("individual")
    _press(page, "Next")
    skipped = _fact(page)
    assert skipped != "applicant_type"
    assert _step(page).startswith("Question 2 of")

    _press(page, "I don't know")
    third = _fact(page)
    assert third not in {"applicant_type", skipped}
    assert _step(page).startswith("Question 3 of")
    _answer_whatever_is_asked(page)
    fourth = _fact(page)

    _press(page, "Back")  # takes back the third answer
    assert _fact(page) == third
    assert _step(page).startswith("Question 3 of")
    assert fourth != third
    _answer_whatever_is_asked(page)
    _answer_whatever_is_asked(page)
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)

    with page.expect_navigation():
        page.get_by_role("link", name="See the results so far").click()

    assert page.inner_text("h1") == "Your eligibility"
    answers = page.locator(".answer-list dt").all_inner_texts()
    assert answers[0] == "Who is applying?"
    assert len(answers) == 3  # the skipped question is not among the answers
    assert page.locator(".answer-list dd").first.inner_text() == "An individual"
    assert page.get_by_role("link", name="Answer more questions").count() == 1
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_questionnaire_results_fit_a_360_px_screen_in_hindi(live_server, scheme_catalogue, page):
    use_language(page, live_server.url, "hi")
    page.set_viewport_size(PHONE)
    open_path(page, live_server.url, "/schemes/check/")
    page.locator("select[name=answer]").select_option("individual")
    with page.expect_navigation():
        page.locator("button[value=answer]").click()

    open_path(page, live_server.url, "/schemes/check/results/")
    page.locator("details summary").first.click()

    expect(page.locator(".answer-list dt")).to_have_count(1)
    assert scroll_width(page) <= PHONE["width"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
