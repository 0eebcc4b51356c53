import json

import pytest
from django.urls import reverse
from django.utils import translation

from champions.core.errors import NotFound, ValidationFailed
from champions.sop import content, selectors, services
from champions.sop.demo import sop_demo_load

pytestmark = pytest.mark.django_db


def _right_answers() -> dict[str, int]:
    questions, _pass_mark = content.quiz()
    return {q.code: q.answer for q in questions}


def test_pages_per_role_in_both_languages_with_versions():
    spoke = [p.slug for p in content.pages(role="spoke_officer")]
    assert spoke == ["grievance-handling", "hand-holding", "samadhaan-filing", "room-review"]
    assert [p.slug for p in content.pages(role="leadership")] == ["room-review"]
    with translation.override("hi"):
        assert content.page(slug="hand-holding").title == "इकाई की सहायता (हैंड-होल्डिंग)"
    first = content.page(slug="grievance-handling", version=1)
    assert (first.version, first.versions) == (1, (2, 1))
    assert content.page(slug="grievance-handling").version == 2
    assert content.page(slug="grievance-handling", version=9) is None


def test_the_source_note_is_in_the_readers_language():
    """The walk in Hindi found this note in English on /help/sop/."""
    with translation.override("hi"):
        assert content.source().startswith("चैंपियंस के लिए पोर्टल के अपने नियमों")
    with translation.override("en"):
        assert content.source().startswith("Written for Champions from the portal's own rules")


def test_every_page_has_the_same_number_of_steps_in_english_and_hindi():
    for page in json.loads(content.DATA.read_text())["pages"]:
        for version in page["versions"]:
            assert len(version["steps"]["en"]) == len(version["steps"]["hi"]), page["slug"]


def test_onboarding_completes_with_the_checklist_and_a_passed_quiz(spoke_officer, hub_officer):
    for item in content.checklist():
        services.checklist_tick(actor=spoke_officer, code=item.code)
    services.checklist_tick(actor=spoke_officer, code=content.checklist()[0].code)  # twice: once
    wrong = {code: (answer + 1) % 3 for code, answer in _right_answers().items()}
    assert services.quiz_submit(actor=spoke_officer, answers=wrong).passed is False
    assert selectors.onboarding_progress(user=spoke_officer).complete is False
    attempt = services.quiz_submit(actor=spoke_officer, answers=_right_answers())
    assert (attempt.score, attempt.passed) == (4, True)
    report = dict(selectors.onboarding_report(user=hub_officer))
    assert report[spoke_officer].complete is True
    assert report[hub_officer].complete is False
    with pytest.raises(NotFound):
        selectors.onboarding_report(user=spoke_officer)


def test_unanswered_questions_and_unknown_items_are_field_errors(spoke_officer, entrepreneur):
    with pytest.raises(ValidationFailed) as caught:
        services.quiz_submit(actor=spoke_officer, answers={"q1": 1})
    assert sorted(caught.value.errors) == ["q2", "q3", "q4"]
    with pytest.raises(ValidationFailed):
        services.checklist_tick(actor=spoke_officer, code="nonsense")
    with pytest.raises(NotFound):
        services.checklist_tick(actor=entrepreneur, code=content.checklist()[0].code)


def test_pages(client, spoke_officer, hub_officer, leadership):
    client.force_login(spoke_officer)
    assert "Holding a unit" in client.get(reverse("web:sop:index")).content.decode()
    page = client.get(
        reverse("web:sop:page", args=["grievance-handling"]) + "?v=1"
    ).content.decode()
    assert "Version 1" in page
    assert client.get(reverse("web:sop:page", args=["nope"])).status_code == 404
    code = content.checklist()[0].code
    assert client.post(reverse("web:sop:tick", args=[code])).status_code == 302
    assert client.post(reverse("web:sop:onboarding"), {"q1": "1"}).status_code == 400
    assert client.post(reverse("web:sop:onboarding"), _right_answers()).status_code == 302
    assert client.get(reverse("web:sop:report")).status_code == 404
    client.force_login(hub_officer)
    assert "1 of" not in client.get(reverse("web:sop:report")).content.decode()  # not complete yet
    client.force_login(leadership)  # overseers read the procedure; onboarding is not theirs
    assert client.get(reverse("web:sop:page", args=["room-review"])).status_code == 200
    assert client.post(reverse("web:sop:onboarding"), _right_answers()).status_code == 403


def test_demo_completes_one_officer_once(spoke_officer):
    assert sop_demo_load(officer=spoke_officer) == 1
    assert sop_demo_load(officer=spoke_officer) == 0
    assert selectors.onboarding_progress(user=spoke_officer).complete is True
