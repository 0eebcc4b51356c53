"""The optional rephrasing: a local fake OpenAI-compatible server on 127.0.0.1 stands in for
the endpoint (outbound I/O at the edge); a rephrasing with a number not in the sources is
rejected and the composed answer stands."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from .factories import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_llm(settings):
    replies = {"text": ""}
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append((self.path, json.loads(self.rfile.read(length))))
            body = json.dumps({"choices": [{"message": {"content": replies["text"]}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ASSISTANT_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"
    yield replies, received
    server.shutdown()
    server.server_close()


def test_llm_is_off_by_default(catalogue):
    answer = ask("Buyer ne 60 din se payment nahi kiya, main kya karun?").answer
    assert answer.rephrased is False


def test_a_rephrasing_with_only_the_sources_numbers_is_used(catalogue, fake_llm):
    replies, received = fake_llm
    replies["text"] = "Your buyer had to pay within 45 days. Late payment carries interest."
    result = ask("Buyer ne 60 din se payment nahi kiya, main kya karun?")
    assert result.reply.text == replies["text"]
    assert result.answer.rephrased is True
    path, request = received[0]
    assert path == "/v1/chat/completions"
    assert "अधिकतम 45 दिन बाद" in request["messages"][1]["content"]  # Hinglish → Hindi


def test_a_rephrasing_with_an_invented_number_is_rejected(catalogue, fake_llm):
    replies, _ = fake_llm
    replies["text"] = "Your buyer had to pay within 30 days and owes 24% interest."
    result = ask("Buyer ne 60 din se payment nahi kiya, main kya karun?")
    assert result.answer.rephrased is False
    assert result.reply.text.startswith("एमएसएमईडी अधिनियम 2006 की धारा 15")


def test_an_unreachable_endpoint_falls_back_to_the_composed_answer(catalogue, settings):
    settings.ASSISTANT_LLM_URL = "http://127.0.0.1:9/v1"
    settings.ASSISTANT_LLM_TIMEOUT_SECONDS = 0.5
    result = ask("udyam registration kaise kare")
    assert result.answer.rephrased is False
    assert "उद्यम पंजीकरण निःशुल्क" in result.reply.text
