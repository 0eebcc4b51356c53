"""A mixed day at the portal, for `make load` (scripts/load/run): owners lodging and tracking
grievances, officers working their queues, anonymous visitors checking schemes, and questions
to the assistant. Loopback only: the run refuses any other host.

Owners sign in with the demo entrepreneur's password (the web session, CSRF included);
officers use API tokens made by scripts/load/prepare.py, because their web sign-in needs a TOTP
code and each code is accepted once.
"""

import json
import os
import random
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

OWNER_EMAIL = "entrepreneur@demo.champions.in"
DEMO_PASSWORD = "champions-demo-2026"  # noqa: S105 - the demo's published password
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
QUESTIONS = [
    "Buyer ne 60 din se payment nahi kiya, main kya karun?",
    "What is PMEGP and who can apply?",
    "मैं बढ़ई हूँ, औज़ार के लिए मदद?",
    "How do I get a collateral-free loan under CGTMSE?",
    "When is GSTR-3B due?",
]
COMPLAINTS = [
    ("Payment pending from a PSU buyer", "Invoice of Rs 4 lakh unpaid for 90 days."),
    ("Udyam certificate shows wrong activity", "Registered as trading, we manufacture."),
    ("Power cuts at the industrial estate", "Eight hours a day without power this month."),
]


@events.test_start.add_listener
def _loopback_only(environment, **_kwargs) -> None:
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK:
        raise SystemExit(f"load tests run against loopback only, not {host!r}")


def _officer_tokens() -> list[str]:
    path = Path(os.environ.get("CHAMPIONS_VAR_DIR", "var")) / "load" / "tokens.json"
    return json.loads(path.read_text())["officer_tokens"]


class Owner(HttpUser):
    """An entrepreneur: lodges now and then, tracks and reads their grievances often."""

    weight = 3
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.get("/accounts/login/", name="/accounts/login/")
        self.client.post(
            "/accounts/login/",
            {"login": OWNER_EMAIL, "password": DEMO_PASSWORD, **self._csrf_field()},
            name="/accounts/login/ [POST]",
        )
        page = self.client.get("/api/v1/registry/enterprises", name="/api/v1/registry/enterprises")
        self.enterprise_ids = [item["id"] for item in page.json()["items"]]
        self.lodged: list[tuple[int, str]] = []

    def _csrf_field(self) -> dict[str, str]:
        return {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}

    @task(2)
    def lodge(self) -> None:
        subject, description = random.choice(COMPLAINTS)  # noqa: S311 - not for security
        response = self.client.post(
            "/api/v1/grievances",
            json={
                "subject": subject,
                "description": description,
                "enterprise_id": random.choice(self.enterprise_ids),  # noqa: S311
            },
            headers={
                "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
                "Idempotency-Key": uuid.uuid4().hex,
            },
            name="/api/v1/grievances [POST]",
        )
        if response.status_code == 201:
            body = response.json()
            self.lodged.append((body["id"], body["registration_number"]))

    @task(3)
    def track(self) -> None:
        if not self.lodged:
            return
        _pk, number = random.choice(self.lodged)  # noqa: S311
        self.client.get(
            "/api/v1/grievances/track",
            params={"number": number, "contact": OWNER_EMAIL},
            name="/api/v1/grievances/track",
        )

    @task(2)
    def my_grievances(self) -> None:
        self.client.get("/grievances/", name="/grievances/")

    @task(1)
    def one_grievance(self) -> None:
        if self.lodged:
            pk, _number = random.choice(self.lodged)  # noqa: S311
            self.client.get(f"/grievances/{pk}/", name="/grievances/<id>/")


class Officer(HttpUser):
    """A hub or spoke officer working the queue through the API."""

    weight = 2
    wait_time = between(1, 3)

    def on_start(self) -> None:
        token = random.choice(_officer_tokens())  # noqa: S311
        self.client.headers["Authorization"] = f"Bearer {token}"
        self.seen: list[int] = []

    @task(3)
    def queue(self) -> None:
        view = random.choice(["unassigned", "due_soon", "overdue", "mine"])  # noqa: S311
        response = self.client.get(
            "/api/v1/grievances", params={"view": view}, name="/api/v1/grievances?view="
        )
        if response.status_code == 200:
            self.seen = [item["id"] for item in response.json()["items"]][:10] or self.seen

    @task(2)
    def open_one(self) -> None:
        if self.seen:
            pk = random.choice(self.seen)  # noqa: S311
            self.client.get(f"/api/v1/grievances/{pk}", name="/api/v1/grievances/<id>")

    @task(1)
    def note(self) -> None:
        if self.seen:
            pk = random.choice(self.seen)  # noqa: S311
            self.client.post(
                f"/api/v1/grievances/{pk}/messages",
                json={"body": "Called the unit; documents awaited.", "internal": True},
                name="/api/v1/grievances/<id>/messages [POST]",
            )


class Visitor(HttpUser):
    """Anyone, signed out: the schemes, the eligibility check, the classification."""

    weight = 4
    wait_time = between(1, 3)

    @task(2)
    def schemes(self) -> None:
        self.client.get("/schemes/", name="/schemes/")

    @task(2)
    def eligibility(self) -> None:
        profile = {"udyam_registered": True, "women_owned": random.random() < 0.5, "age": 34}  # noqa: S311
        self.client.post(
            "/api/v1/schemes/eligibility",
            json={"profile": profile},
            name="/api/v1/schemes/eligibility [POST]",
        )

    @task(1)
    def classification(self) -> None:
        self.client.get(
            "/api/v1/registry/classification",
            params={"investment_inr": 25_000_000, "turnover_inr": 100_000_000, "on": "2025-04-01"},
            name="/api/v1/registry/classification",
        )

    @task(1)
    def home(self) -> None:
        self.client.get("/", name="/")


class AssistantUser(HttpUser):
    """Someone asking the assistant."""

    weight = 1
    wait_time = between(2, 5)

    @task
    def ask(self) -> None:
        self.client.post(
            "/api/v1/assistant/ask",
            json={"question": random.choice(QUESTIONS)},  # noqa: S311
            name="/api/v1/assistant/ask [POST]",
        )
