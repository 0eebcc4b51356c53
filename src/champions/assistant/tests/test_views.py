"""Pages: the chat (panel on every page, full page), the sources, the hub's review page and
the call-back queue, with an auth matrix for the pages that change data."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from champions.assistant.choices import CallbackStatus, Rating
from champions.assistant.models import CallbackRequest, Turn

from .factories import ask

pytestmark = pytest.mark.django_db
ASK = reverse("web:assistant:ask")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def test_every_page_has_the_chat_button_and_panel(client, catalogue):
    page = client.get("/").content.decode()
    assert 'aria-controls="assistant-panel"' in page
    assert 'role="log" aria-live="polite"' in page
    assert "Your questions are kept for 90 days to improve the answers, then deleted." in page


def test_the_full_page_has_the_chat_once_and_no_panel(client, catalogue):
    page = client.get(reverse("web:assistant:page")).content.decode()
    assert page.count('class="chat-log"') == 1
    assert "assistant-panel" not in page


def test_the_page_is_in_hindi_when_the_language_is_hindi(client, catalogue):
    client.cookies["django_language"] = "hi"
    page = client.get(reverse("web:assistant:page")).content.decode()
    assert "सहायक से पूछें" in page
    assert "आधार, पैन या बैंक नंबर न लिखें।" in page


def test_asking_with_htmx_returns_the_exchange_and_keeps_the_conversation(client, catalogue):
    response = client.post(
        ASK, {"question": "udyam registration kaise kare"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="/assistant/sources/udyam/">Udyam registration</a>' in page
    assert "Was this helpful?" in page
    full = client.get(reverse("web:assistant:page")).content.decode()
    assert "udyam registration kaise kare" in full


def test_an_empty_question_shows_a_message(client, catalogue):
    page = client.post(ASK, {"question": ""}, HTTP_HX_REQUEST="true").content.decode()
    assert 'role="alert">Type a question.</p>' in page


def test_rating_an_answer_of_the_session(client, catalogue):
    client.post(ASK, {"question": "udyam registration kaise kare"}, HTTP_HX_REQUEST="true")
    answer = Turn.objects.get(role="assistant")
    response = client.post(
        reverse("web:assistant:rate", args=[answer.pk]),
        {"rating": "not_helpful"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    answer.refresh_from_db()
    assert answer.rating == Rating.NOT_HELPFUL


def test_rating_someone_elses_answer_is_404_and_changes_nothing(client, catalogue):
    other = ask("gst return kab bharna hai").answer
    client.post(ASK, {"question": "udyam registration kaise kare"}, HTTP_HX_REQUEST="true")
    response = client.post(reverse("web:assistant:rate", args=[other.pk]), {"rating": "helpful"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.rating == ""


@pytest.mark.parametrize("source_id", ["delayed_payment", "pm_vishwakarma", "classification"])
def test_source_pages_render_in_english_and_hindi(client, catalogue, source_id):
    english = client.get(reverse("web:assistant:source", args=[source_id])).content.decode()
    assert f"<code>{source_id}</code>" in english
    client.cookies["django_language"] = "hi"
    hindi = client.get(reverse("web:assistant:source", args=[source_id])).content.decode()
    assert "संक्षेप में" in hindi


def test_unknown_source_is_404(client, catalogue):
    assert client.get(reverse("web:assistant:source", args=["nope"])).status_code == 404


def test_review_page_is_for_the_hub(
    client, catalogue, entrepreneur, hub_officer, django_assert_num_queries
):
    url = reverse("web:assistant:review")
    assert client.get(url).status_code == 302
    client.force_login(entrepreneur)
    assert client.get(url).status_code == 403
    unknown = ask("Which bank branch has the shortest queue for my business?")
    rated = ask("udyam registration kaise kare").answer
    rated.rating = Rating.NOT_HELPFUL
    rated.save()
    client.force_login(hub_officer)
    with django_assert_num_queries(5):
        page = client.get(url).content.decode()
    assert "Which bank branch has the shortest queue for my business?" in page
    assert "udyam registration kaise kare" in page
    assert unknown.answer.question in page


def test_callback_queue_auth_matrix(
    client, catalogue, entrepreneur, spoke_officer, other_spoke_officer, hub_officer
):
    ask("please call me on 9876543210, I am in Maharashtra")
    callback = CallbackRequest.objects.get()
    url = reverse("web:assistant:callbacks")
    done = reverse("web:assistant:callback_done", args=[callback.pk])
    assert client.get(url).status_code == 302
    assert client.post(done).status_code == 302
    for user in (entrepreneur, other_spoke_officer):
        client.force_login(user)
        assert "9876543210" not in client.get(url).content.decode()
        assert client.post(done).status_code == 404
        callback.refresh_from_db()
        assert callback.status == CallbackStatus.OPEN
    client.force_login(hub_officer)
    assert "9876543210" in client.get(url).content.decode()
    client.force_login(spoke_officer)
    assert "9876543210" in client.get(url).content.decode()
    assert client.post(done).status_code == 302
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.DONE
    assert callback.handled_by == spoke_officer


def test_callback_list_query_count(client, catalogue, spoke_officer, django_assert_num_queries):
    for phone in ("9876543210", "9876543211", "9876543212"):
        ask(f"call me on {phone}, Maharashtra")
    client.force_login(spoke_officer)
    with django_assert_num_queries(5):
        page = client.get(reverse("web:assistant:callbacks")).content.decode()
    assert page.count("Mark as called back") == 3


def test_officers_find_the_call_backs_and_the_hub_the_review_in_the_navigation(
    client, catalogue, entrepreneur, spoke_officer, hub_officer, leadership
):
    ask("call me on 9876543210, Maharashtra")
    callbacks = f'href="{reverse("web:assistant:callbacks")}"'
    review = f'href="{reverse("web:assistant:review")}"'
    client.force_login(spoke_officer)
    page = client.get(reverse("web:home")).content.decode()
    assert callbacks in page
    assert ">Call-backs</a>" in page
    assert review not in page
    client.force_login(hub_officer)
    page = client.get(reverse("web:home")).content.decode()
    assert callbacks in page
    assert review in page
    client.force_login(leadership)  # oversees: reads the review, marks no call-back done
    page = client.get(reverse("web:home")).content.decode()
    assert callbacks not in page
    assert review in page
    client.force_login(entrepreneur)
    page = client.get(reverse("web:home")).content.decode()
    assert callbacks not in page
    assert review not in page
