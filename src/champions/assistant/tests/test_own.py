"""Questions an owner asks about their own unit (classification and why, schemes with the
engine's reasons, compliance due dates, grievances), answered from the portal's records with
citations, and never from anyone else's: two owners ask the same questions."""

import pytest

from champions.assistant.choices import Outcome
from champions.assistant.own import own_topic
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

from .factories import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_units(entrepreneur, other_entrepreneur):
    mine = pune_enterprise(entrepreneur)  # Deccan Precision Tools: ₹50 lakh, ₹2 crore
    theirs = enterprise_create(
        data=enterprise_input(
            udyam_number="UDYAM-MH-26-0099999",
            name="Sahyadri Foods",
            investment_inr=300_000_000,
            turnover_inr=900_000_000,
        ),
        actor=other_entrepreneur,
    )
    return mine, theirs


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What is the category of my enterprise?", "classification"),
        ("Is my unit micro or small?", "classification"),
        ("meri company kis shreni mein hai", "classification"),
        ("मेरे उद्यम की श्रेणी क्या है?", "classification"),
        ("Which schemes is my business eligible for?", "schemes"),
        ("mere udyam ke liye kaun si yojana", "schemes"),
        ("What are the compliance due dates of my firm?", "compliance"),
        ("मेरी इकाई की अनुपालन तारीख़ें", "compliance"),
        ("my company's complaints", "grievances"),
        ("What is the interest on delayed payments?", None),
        ("Is my unit small or medium if turnover is 80 crore?", None),
        ("my category", None),  # no unit named: a general question
    ],
)
def test_questions_about_the_askers_own_unit_are_recognised(question, topic):
    assert own_topic(question) == topic


def test_each_owner_hears_only_their_own_units_classification_and_why(
    catalogue, two_units, entrepreneur, other_entrepreneur
):
    mine = ask("What is the category of my enterprise?", user=entrepreneur).reply
    assert mine.outcome == Outcome.OWN
    assert mine.text.startswith("Deccan Precision Tools is classified Micro (rule ")
    assert "Sahyadri" not in mine.text
    assert [s.id for s in mine.citations] == ["classification"]
    theirs = ask("What is the category of my enterprise?", user=other_entrepreneur).reply
    assert theirs.text.startswith("Sahyadri Foods is classified Medium (rule ")
    assert "Deccan" not in theirs.text


def test_a_hindi_question_about_the_own_unit_is_answered_in_hindi(
    catalogue, two_units, entrepreneur
):
    reply = ask("मेरे उद्यम की श्रेणी क्या है?", user=entrepreneur).reply
    assert reply.text.startswith("Deccan Precision Tools का वर्गीकरण सूक्ष्म है (नियम ")


def test_own_schemes_come_from_the_engine_with_its_reasons_and_are_cited(
    catalogue, two_units, entrepreneur
):
    reply = ask("Which schemes is my business eligible for?", user=entrepreneur).reply
    lines = reply.text.split("\n")
    assert lines[0] == "From what the portal holds about Deccan Precision Tools, it may get:"
    assert len(lines) >= 2
    assert all(line.startswith("• ") for line in lines[1:])
    cited = [s.id for s in reply.citations]
    assert cited
    assert all(s.kind == "scheme" for s in reply.citations)
    assert len(cited) == len(lines) - 1 or len(cited) == 4


def test_own_compliance_dates_are_the_calendars(catalogue, two_units, entrepreneur):
    reply = ask("What are the compliance due dates of my firm?", user=entrepreneur).reply
    lines = reply.text.split("\n")
    assert lines[0] == "Next due dates of Deccan Precision Tools:"
    assert lines[1].startswith("• 20")  # an ISO date
    assert [s.id for s in reply.citations] == ["compliance_calendar"]


def test_own_grievances_through_the_unit_question_are_the_owners_only(
    catalogue, two_units, entrepreneur, other_entrepreneur
):
    grievance = lodge(entrepreneur, two_units[0])
    mine = ask("status of my company's complaints", user=entrepreneur).reply
    assert grievance.registration_number in mine.text
    theirs = ask("status of my company's complaints", user=other_entrepreneur).reply
    assert grievance.registration_number not in theirs.text


def test_visitors_and_officers_get_the_general_answer_and_no_unit(
    catalogue, two_units, hub_officer
):
    for user in (None, hub_officer):
        reply = ask("What is the category of my enterprise?", user=user).reply
        assert reply.outcome == Outcome.ANSWERED
        assert reply.citations[0].id == "classification"
        assert "Deccan" not in reply.text
        assert "Sahyadri" not in reply.text


def test_a_what_if_with_figures_is_answered_from_the_rules_not_the_records(
    catalogue, two_units, entrepreneur
):
    reply = ask("Is my unit small or medium if turnover is 80 crore?", user=entrepreneur).reply
    assert reply.outcome == Outcome.ANSWERED
    assert reply.citations[0].id == "classification"
    assert "Deccan" not in reply.text


def test_an_owner_without_a_unit_is_told_how_to_add_one(catalogue, entrepreneur):
    reply = ask("meri company kis shreni mein hai", user=entrepreneur).reply
    assert reply.text.startswith("आपके खाते से अभी कोई उद्यम नहीं जुड़ा है।")
