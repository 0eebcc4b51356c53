"""The AI register: each model's version, data, date and figures, and how often officers
override the category suggestions, per week or month; and who may see the insight pages."""

import pytest
from django.urls import reverse

from champions.insights.selectors import override_rate_table

pytestmark = pytest.mark.django_db

REGISTER_URL = reverse("web:insights:ai_register")
SYSTEMIC_URL = reverse("web:insights:systemic")


def test_the_rate_table_counts_overrides_per_predicted_category(decided):
    starts, rows, overall = override_rate_table(period="week")

    delayed = next(row for row in rows if row.category == "delayed_payment")
    assert len(starts) == len(delayed.cells) == 12
    assert (delayed.cells[-1].triaged, delayed.cells[-1].overridden) == (3, 1)
    assert delayed.total.percent == 33
    assert (overall.total.triaged, overall.total.overridden) == (3, 1)
    credit = next(row for row in rows if row.category == "credit")
    assert credit.total.triaged == 0
    assert credit.total.percent is None


def test_the_monthly_table(decided):
    starts, _rows, overall = override_rate_table(period="month")

    assert len(starts) == 12
    assert starts[-1].day == 1
    assert (overall.cells[-1].triaged, overall.cells[-1].overridden) == (3, 1)


def test_the_page_shows_versions_data_and_rates(decided, client, hub_officer, triage_version):
    client.force_login(hub_officer)

    html = client.get(REGISTER_URL).content.decode()

    assert triage_version in html
    assert "examples.csv" in html
    assert '33% <span class="muted">(1/3)</span>' in html
    assert "<meter" in html
    assert "<svg" in html


def test_a_bad_period_falls_back_to_weeks(decided, client, hub_officer):
    client.force_login(hub_officer)

    response = client.get(REGISTER_URL, {"period": "fortnight<script>"})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_without_models_the_page_says_so(no_triage_models, client, hub_officer):
    client.force_login(hub_officer)

    html = client.get(REGISTER_URL).content.decode()

    assert "No model is built yet" in html


@pytest.mark.parametrize(
    ("_case", "role", "status"),
    [
        ("anonymous", None, 302),
        ("entrepreneur", "entrepreneur", 404),
        ("spoke officer", "spoke_officer", 404),
        ("hub officer", "hub_officer", 200),
        ("leadership", "leadership", 200),
        ("administrator", "administrator", 200),
        ("analyst", "analyst", 200),
    ],
)
@pytest.mark.parametrize("url", [REGISTER_URL, SYSTEMIC_URL])
def test_who_sees_the_insight_pages(no_triage_models, request, client, url, _case, role, status):
    if role:
        client.force_login(request.getfixturevalue(role))

    response = client.get(url)

    assert response.status_code == status
    if status == 302:
        assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize(
    ("role", "shown"),
    [("entrepreneur", False), ("spoke_officer", True), ("hub_officer", True), ("analyst", True)],
)
def test_the_navigation_link_follows_the_role(request, client, role, shown):
    # The "Insights" entry opens the dashboard (a spoke officer's is scoped to its room).
    client.force_login(request.getfixturevalue(role))

    html = client.get(reverse("web:home")).content.decode()
    nav = html[
        html.index('<nav class="site-nav"') : html.index(
            "</nav>", html.index('<nav class="site-nav"')
        )
    ]

    assert (f'href="{reverse("web:insights:dashboard")}"' in nav) is shown
