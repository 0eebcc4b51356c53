"""GET /api/v1/registry/classification: answers, defaults and 422s with a message per field."""

import pytest
import time_machine

URL = "/api/v1/registry/classification"


@pytest.mark.parametrize(
    ("_case", "query", "category", "rule"),
    [
        (
            "micro limit 2025",
            "investment_inr=25000000&turnover_inr=100000000&on=2025-04-01",
            "micro",
            "msmed_2025",
        ),
        (
            "micro limit + 1 on 2025",
            "investment_inr=25000001&turnover_inr=100000000&on=2025-04-01",
            "small",
            "msmed_2025",
        ),
        (
            "same figures a day earlier",
            "investment_inr=25000000&turnover_inr=100000000&on=2025-03-31",
            "small",
            "msmed_2020",
        ),
        (
            "2020 micro limit",
            "investment_inr=10000000&turnover_inr=50000000&on=2025-03-31",
            "micro",
            "msmed_2020",
        ),
        (
            "2020 micro + 1",
            "investment_inr=10000000&turnover_inr=50000001&on=2025-03-31",
            "small",
            "msmed_2020",
        ),
        (
            "exports excluded",
            "investment_inr=1&turnover_inr=150000000&export_turnover_inr=60000000&on=2025-04-01",
            "micro",
            "msmed_2025",
        ),
        (
            "above medium",
            "investment_inr=1250000001&turnover_inr=1&on=2025-04-01",
            "none",
            "msmed_2025",
        ),
    ],
)
def test_classification(client, _case, query, category, rule):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    body = response.json()
    assert (body["category"], body["rule"]) == (category, rule)
    assert body["reasons"][0].startswith(f"Rule {rule}")


@time_machine.travel("2025-03-31 12:00 +0530")
def test_on_defaults_to_today(client):
    response = client.get(f"{URL}?investment_inr=20000000&turnover_inr=1")

    assert response.json()["category"] == "small"
    assert response.json()["rule"] == "msmed_2020"


@pytest.mark.parametrize(
    ("_case", "query", "fields"),
    [
        ("all missing", "", {"investment_inr", "turnover_inr"}),
        ("turnover missing", "investment_inr=1", {"turnover_inr"}),
        ("negative", "investment_inr=-1&turnover_inr=-2", {"investment_inr", "turnover_inr"}),
        ("not a number", "investment_inr=abc&turnover_inr=1.5", {"investment_inr", "turnover_inr"}),
        (
            "negative exports",
            "investment_inr=1&turnover_inr=1&export_turnover_inr=-1",
            {"export_turnover_inr"},
        ),
        (
            "exports above turnover",
            "investment_inr=1&turnover_inr=1&export_turnover_inr=2",
            {"export_turnover_inr"},
        ),
        ("bad date", "investment_inr=1&turnover_inr=1&on=31-03-2025", {"on"}),
        ("date before any rule", "investment_inr=1&turnover_inr=1&on=2019-01-01", {"on"}),
    ],
)
def test_bad_input_answers_422_per_field(client, _case, query, fields):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 422
    body = response.json()
    assert set(body["errors"]) == fields
    assert all(messages for messages in body["errors"].values())
