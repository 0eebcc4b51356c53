import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from champions.core.models import District, State
from champions.core.selectors import reference_index_build
from champions.registry.importing import COLUMNS, row_to_input
from champions.registry.models import CategoryChange, Enterprise, ImportJob
from champions.registry.selectors import enterprise_classification
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input, mh_pune

pytestmark = pytest.mark.django_db

LIST_URL = reverse("web:registry:enterprise_list")
CREATE_URL = reverse("web:registry:enterprise_create")
IMPORT_URL = reverse("web:registry:import_upload")


def _detail_url(enterprise_id: int) -> str:
    return reverse("web:registry:enterprise_detail", args=[enterprise_id])


def _edit_url(enterprise_id: int) -> str:
    return reverse("web:registry:enterprise_update", args=[enterprise_id])


def _delhi_input(**overrides):
    state = State.objects.get(udyam_code="DL")
    district = District.objects.get(state=state, name="New Delhi")
    values = {
        "udyam_number": "UDYAM-DL-07-0000001",
        "name": "Capital Looms",
        "state_id": state.pk,
        "district_id": district.pk,
        "pincode": "110001",
    }
    values.update(overrides)
    return enterprise_input(**values)


def _form_data(**overrides) -> dict:
    state, district = mh_pune()
    data = {
        "name": "Deccan Precision Tools",
        "country": "IN",
        "udyam_number": "UDYAM-MH-26-0012345",
        "organisation_type": "proprietary",
        "major_activity": "manufacturing",
        "nic_codes": "25932, 28110",
        "commenced_on": "2019-06-01",
        "address": "12 Industrial Estate, Bhosari",
        "state": str(state.pk),
        "district": str(district.pk),
        "pincode": "411001",
        "investment_inr": "5000000",
        "turnover_inr": "20000000",
        "export_turnover_inr": "0",
        "employees": "12",
        "owner_name": "Asha Patil",
        "owner_gender": "female",
        "owner_social_category": "obc",
    }
    data.update(overrides)
    return data


@pytest.fixture
def pune_enterprise(entrepreneur):
    return enterprise_create(data=enterprise_input(), actor=entrepreneur)


@pytest.fixture
def delhi_enterprise(other_entrepreneur, pune_enterprise):
    return enterprise_create(data=_delhi_input(), actor=other_entrepreneur)


@pytest.fixture
def import_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# --- Authentication and scope ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "url"),
    [
        ("list", LIST_URL),
        ("create", CREATE_URL),
        ("detail", reverse("web:registry:enterprise_detail", args=[0])),
        ("edit", reverse("web:registry:enterprise_update", args=[0])),
        ("import", IMPORT_URL),
        ("import job", reverse("web:registry:import_job", args=[0])),
        ("import report", reverse("web:registry:import_report", args=[0])),
    ],
)
def test_registry_pages_send_anonymous_visitors_to_login(client, _case, url):
    # when
    response = client.get(url)

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize(
    ("_case", "user_fixture", "expected_names"),
    [
        ("entrepreneur sees own", "entrepreneur", ["Deccan Precision Tools"]),
        ("other entrepreneur sees own", "other_entrepreneur", ["Capital Looms"]),
        ("spoke officer sees Maharashtra", "spoke_officer", ["Deccan Precision Tools"]),
        ("Delhi spoke officer sees Delhi", "other_spoke_officer", ["Capital Looms"]),
        ("hub sees all", "hub_officer", ["Capital Looms", "Deccan Precision Tools"]),
        ("leadership sees all", "leadership", ["Capital Looms", "Deccan Precision Tools"]),
        ("analyst sees none", "analyst", []),
    ],
)
def test_enterprise_list_shows_only_the_enterprises_in_scope(
    client, request, delhi_enterprise, _case, user_fixture, expected_names
):
    # given
    client.force_login(request.getfixturevalue(user_fixture))

    # when
    response = client.get(LIST_URL)

    # then
    assert response.status_code == 200
    assert [e.name for e in response.context["page"].items] == expected_names


@pytest.mark.parametrize(
    ("_case", "user_fixture", "status", "can_edit"),
    [
        ("owner", "entrepreneur", 200, True),
        ("another entrepreneur", "other_entrepreneur", 404, None),
        ("spoke officer of the room", "spoke_officer", 200, True),
        ("spoke officer of another room", "other_spoke_officer", 404, None),
        ("hub officer", "hub_officer", 200, True),
        ("leadership", "leadership", 200, False),
        ("analyst", "analyst", 404, None),
    ],
)
def test_enterprise_detail_access(
    client, request, pune_enterprise, _case, user_fixture, status, can_edit
):
    # given
    client.force_login(request.getfixturevalue(user_fixture))

    # when
    response = client.get(_detail_url(pune_enterprise.pk))

    # then
    assert response.status_code == status
    if status == 200:
        assert response.context["detail"].can_edit is can_edit
        assert (_edit_url(pune_enterprise.pk) in response.content.decode()) is can_edit


@pytest.mark.parametrize(
    ("_case", "user_fixture", "status"),
    [
        ("another entrepreneur", "other_entrepreneur", 404),
        ("spoke officer of another room", "other_spoke_officer", 404),
        ("leadership reads but may not edit", "leadership", 403),
        ("analyst", "analyst", 404),
    ],
)
def test_enterprise_edit_is_refused_and_changes_nothing(
    client, request, pune_enterprise, _case, user_fixture, status
):
    # given
    client.force_login(request.getfixturevalue(user_fixture))
    url = _edit_url(pune_enterprise.pk)

    # when
    get_response = client.get(url)
    post_response = client.post(url, _form_data(name="Hijacked", turnover_inr="200000000"))

    # then
    assert get_response.status_code == status
    assert post_response.status_code == status
    pune_enterprise.refresh_from_db()
    assert pune_enterprise.name == "Deccan Precision Tools"
    assert pune_enterprise.turnover_inr == 20_000_000
    assert CategoryChange.objects.filter(enterprise=pune_enterprise).count() == 1


# --- List: filters, htmx, pagination, queries -----------------------------------------------


def test_enterprise_list_htmx_request_gets_only_the_results(client, hub_officer, delhi_enterprise):
    # given
    client.force_login(hub_officer)

    # when
    response = client.get(LIST_URL, {"q": "capital"}, HTTP_HX_REQUEST="true")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert [t.name for t in response.templates] == [
        "registry/partials/_enterprise_table.html",
        "registry/partials/_category_badge.html",
    ]
    assert "<html" not in content
    assert [e.name for e in response.context["page"].items] == ["Capital Looms"]
    assert "UDYAM-DL-07-0000001" in content


def test_enterprise_list_in_hindi_marks_names_and_districts(client, hub_officer, delhi_enterprise):
    """The walk in Hindi counted enterprise and district names as untranslated words."""
    client.force_login(hub_officer)
    client.cookies["django_language"] = "hi"

    with translation.override("en"):  # undoes the middleware's activation afterwards
        content = client.get(LIST_URL, HTTP_HX_REQUEST="true").content.decode()

    assert f'<span translate="no">{delhi_enterprise.name}</span></a>' in content
    district = delhi_enterprise.district.name
    assert f'<td><span lang="en" translate="no">{district}</span></td>' in content


@pytest.mark.parametrize(
    ("_case", "params", "expected_names"),
    [
        ("name prefix", {"q": "deccan"}, ["Deccan Precision Tools"]),
        ("udyam prefix", {"q": "udyam-dl"}, ["Capital Looms"]),
        ("state", {"state": "DL"}, ["Capital Looms"]),
        ("nic prefix", {"nic": "259"}, ["Capital Looms", "Deccan Precision Tools"]),
        ("category", {"category": "small"}, []),
        (
            "activity",
            {"major_activity": "manufacturing"},
            ["Capital Looms", "Deccan Precision Tools"],
        ),
    ],
)
def test_enterprise_list_applies_the_filters(
    client, hub_officer, delhi_enterprise, _case, params, expected_names
):
    # given
    client.force_login(hub_officer)
    if params.get("state"):
        params = {"state": State.objects.get(udyam_code=params["state"]).pk}

    # when
    response = client.get(LIST_URL, params)

    # then
    assert [e.name for e in response.context["page"].items] == expected_names


def test_enterprise_list_without_matches_shows_the_empty_state(client, analyst):
    # given
    client.force_login(analyst)

    # when
    response = client.get(LIST_URL)

    # then
    assert response.context["page"].items == []
    assert "No enterprises match these filters." in response.content.decode()


def test_enterprise_list_pages_by_keyset_and_keeps_the_filters(client, settings, hub_officer):
    # given
    settings.CHAMPIONS_PAGE_SIZE = 2
    first, second, third = (
        enterprise_create(
            data=enterprise_input(udyam_number=f"UDYAM-MH-26-000000{n}", name=f"Deccan {n}"),
            actor=hub_officer,
        )
        for n in (1, 2, 3)
    )
    client.force_login(hub_officer)

    # when
    newest = client.get(LIST_URL, {"q": "deccan"})
    older = client.get(LIST_URL, {"q": "deccan", "after": second.pk})
    back = client.get(LIST_URL, {"q": "deccan", "before": first.pk})

    # then
    assert [e.name for e in newest.context["page"].items] == ["Deccan 3", "Deccan 2"]
    assert f"?q=deccan&amp;after={second.pk}" in newest.content.decode()
    assert "Newer" not in newest.content.decode()
    assert [e.name for e in older.context["page"].items] == ["Deccan 1"]
    assert f"?q=deccan&amp;before={first.pk}" in older.content.decode()
    assert "Older" not in older.content.decode()
    assert [e.name for e in back.context["page"].items] == ["Deccan 3", "Deccan 2"]
    assert third.pk == newest.context["page"].items[0].pk


def test_enterprise_list_query_count_does_not_grow_with_rows(
    client, hub_officer, delhi_enterprise, django_assert_num_queries
):
    # given
    for n in range(3):
        enterprise_create(
            data=enterprise_input(udyam_number=f"UDYAM-MH-26-100000{n}", name=f"Pune {n}"),
            actor=hub_officer,
        )
    client.force_login(hub_officer)
    state, _district = mh_pune()

    # when / then: session and user; the chosen state checked and all states listed for the
    # filter; one page of enterprises (its ids, then its rows joined to state and district);
    # the chosen state's districts; the unread-notification count in the navigation (the idle
    # clock started at login: no session write)
    with django_assert_num_queries(8):
        response = client.get(LIST_URL, {"state": state.pk})

    assert len(response.context["page"].items) == 4


def test_district_options_lists_the_districts_of_the_state(client):
    # given
    state, pune = mh_pune()

    # when
    response = client.get(reverse("web:registry:district_options"), {"state": state.pk})
    bad = client.get(reverse("web:registry:district_options"), {"state": "x"})

    # then
    content = response.content.decode()
    assert content.count("<option") == District.objects.filter(state=state).count() + 1
    assert f'<option value="{pune.pk}">Pune</option>' in content
    assert bad.content.decode().count("<option") == 1


# --- Detail --------------------------------------------------------------------------------


def test_enterprise_detail_explains_the_category_and_lists_its_history(
    client, entrepreneur, pune_enterprise
):
    # given
    client.force_login(entrepreneur)

    # when
    response = client.get(_detail_url(pune_enterprise.pk))

    # then
    detail = response.context["detail"]
    assert detail.enterprise == pune_enterprise
    assert detail.classification == enterprise_classification(enterprise=pune_enterprise)
    assert [(c.previous_category, c.category) for c in detail.history] == [("", "micro")]
    content = response.content.decode()
    assert f"Micro under rule {pune_enterprise.classification_rule}" in content
    assert "UDYAM-MH-26-0012345" in content


# --- Create and edit -----------------------------------------------------------------------


def test_enterprise_create_via_web_saves_it_with_its_history(client, entrepreneur):
    # given
    client.force_login(entrepreneur)

    # when
    response = client.post(CREATE_URL, _form_data(), follow=True)

    # then
    enterprise = Enterprise.objects.get(udyam_number="UDYAM-MH-26-0012345")
    assert response.redirect_chain == [(_detail_url(enterprise.pk), 302)]
    assert "The enterprise was added." in response.content.decode()
    assert enterprise.name == "Deccan Precision Tools"
    assert enterprise.nic_codes == ["25932", "28110"]
    assert enterprise.commenced_on == date(2019, 6, 1)
    assert enterprise.category == "micro"
    assert list(enterprise.representatives.all()) == [entrepreneur]
    assert list(
        CategoryChange.objects.filter(enterprise=enterprise).values_list(
            "previous_category", "category", "changed_by"
        )
    ) == [("", "micro", entrepreneur.pk)]


def test_enterprise_create_of_a_foreign_enterprise_needs_no_indian_address(client, entrepreneur):
    # given
    client.force_login(entrepreneur)
    data = _form_data(country="sg", udyam_number="", state="", district="", pincode="")

    # when
    response = client.post(CREATE_URL, data)

    # then
    enterprise = Enterprise.objects.get()
    assert response.status_code == 302
    assert (enterprise.country, enterprise.udyam_number, enterprise.state_id) == ("SG", None, None)


@pytest.mark.parametrize(
    ("_case", "overrides", "field", "message"),
    [
        (
            "service rule",
            {"pincode": "011001"},
            "pincode",
            "A pincode has six digits and does not start with 0.",
        ),
        ("form parsing", {"investment_inr": "lots"}, "investment_inr", "Enter a whole number."),
        (
            "indian enterprise without udyam",
            {"udyam_number": ""},
            "udyam_number",
            "An enterprise in India needs its Udyam number.",
        ),
        ("missing district", {"district": ""}, "district", "This field is required."),
    ],
)
def test_enterprise_create_with_invalid_input_shows_the_field_message(
    client, entrepreneur, _case, overrides, field, message
):
    # given
    client.force_login(entrepreneur)

    # when
    response = client.post(CREATE_URL, _form_data(**overrides))

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert f'id="id_{field}_error"' in content
    assert f"id_{field}_error" in content.split(f'name="{field}"')[1].split(">")[0]
    assert Enterprise.objects.exists() is False


def test_enterprise_create_page_is_404_for_an_analyst(client, analyst):
    # given: analysts see aggregates only; write pages do not exist for them
    client.force_login(analyst)

    # when
    response = client.post(CREATE_URL, _form_data())

    # then
    assert response.status_code == 404
    assert Enterprise.objects.exists() is False


def test_enterprise_edit_by_the_owner_saves_and_records_the_new_category(
    client, entrepreneur, pune_enterprise
):
    # given
    client.force_login(entrepreneur)
    form_page = client.get(_edit_url(pune_enterprise.pk))

    # when
    response = client.post(_edit_url(pune_enterprise.pk), _form_data(turnover_inr="200000000"))

    # then
    assert form_page.context["form"].initial["nic_codes"] == "25932"
    assert response.status_code == 302
    assert response["Location"] == _detail_url(pune_enterprise.pk)
    pune_enterprise.refresh_from_db()
    assert pune_enterprise.category == "small"
    assert list(
        CategoryChange.objects.filter(enterprise=pune_enterprise).values_list(
            "previous_category", "category"
        )
    ) == [("micro", "small"), ("", "micro")]


# --- Classification calculator -------------------------------------------------------------


def test_classification_calculator_classifies_for_anyone(client):
    # when
    response = client.get(
        reverse("web:classification"),
        {"investment_inr": "5000000", "turnover_inr": "20000000", "on": "2025-06-01"},
    )

    # then
    result = response.context["result"]
    assert response.status_code == 200
    assert (result.category, result.rule) == ("micro", "msmed_2025")
    assert "Micro" in response.content.decode()


@pytest.mark.parametrize(
    ("_case", "params", "field", "message"),
    [
        (
            "export above turnover",
            {"investment_inr": "1", "turnover_inr": "10", "export_turnover_inr": "20"},
            "export_turnover_inr",
            "Export turnover cannot exceed total turnover.",
        ),
        (
            "no rule in force",
            {"investment_inr": "1", "turnover_inr": "10", "on": "1990-01-01"},
            "on",
            "No classification rule in the catalogue is in force on 1990-01-01.",
        ),
        (
            "negative figure",
            {"investment_inr": "-1", "turnover_inr": "10"},
            "investment_inr",
            "Ensure this value is greater than or equal to 0.",
        ),
    ],
)
def test_classification_calculator_shows_field_errors(client, _case, params, field, message):
    # when
    response = client.get(reverse("web:classification"), params)

    # then
    assert response.context["result"] is None
    assert response.context["form"].errors == {field: [message]}


def test_classification_calculator_without_input_shows_the_empty_form(client):
    # when
    response = client.get(reverse("web:classification"))

    # then
    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["form"].errors == {}


# --- Bulk import ---------------------------------------------------------------------------


def _csv_upload(rows: list[list[str]], name: str = "enterprises.csv") -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "udyam_number",
            "name",
            "organisation_type",
            "major_activity",
            "state",
            "district",
            "pincode",
            "nic_codes",
            "investment_inr",
            "turnover_inr",
        ]
    )
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


IMPORT_ROWS = [
    row.split(",")
    for row in (
        "UDYAM-MH-26-0000101,Sahyadri Foods,proprietary,manufacturing,MH,Pune,411001,25932,"
        "4000000,30000000",
        "UDYAM-MH-26-0000102,Konkan Traders,partnership,trading,MH,Pune,411001,,100000,5000000",
        "UDYAM-MH-26-0000103,Broken Row,proprietary,services,MH,Pune,411001,,100000,lots",
    )
]


@pytest.mark.parametrize("user_fixture", ["entrepreneur", "analyst"])
def test_import_pages_do_not_exist_for_non_officers(client, request, user_fixture):
    # given
    client.force_login(request.getfixturevalue(user_fixture))

    # when
    responses = [
        client.get(IMPORT_URL),
        client.post(IMPORT_URL, {"file": _csv_upload(IMPORT_ROWS)}),
        client.get(reverse("web:registry:import_template")),
    ]

    # then
    assert [r.status_code for r in responses] == [404, 404, 404]
    assert ImportJob.objects.exists() is False


def test_import_end_to_end_creates_then_updates(
    client, spoke_officer, import_media, django_capture_on_commit_callbacks
):
    # given
    client.force_login(spoke_officer)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(IMPORT_URL, {"file": _csv_upload(IMPORT_ROWS)})
    job = ImportJob.objects.get()
    page = client.get(first["Location"])
    report = client.get(reverse("web:registry:import_report", args=[job.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(IMPORT_URL, {"file": _csv_upload(IMPORT_ROWS)})
    again = ImportJob.objects.exclude(pk=job.pk).get()
    upload_page = client.get(IMPORT_URL)

    # then
    assert first["Location"] == reverse("web:registry:import_job", args=[job.pk])
    assert (job.status, job.created_count, job.updated_count, job.error_count) == ("done", 2, 0, 1)
    assert page.context["job"] == job
    assert "Download the report" in page.content.decode()
    assert "hx-trigger" not in page.content.decode()
    assert report["Content-Type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(report.content.decode()))) == [
        ["row", "column", "problem"],
        ["4", "turnover_inr", "Must be a whole number."],
    ]
    assert (again.created_count, again.updated_count, again.error_count) == (0, 2, 1)
    assert sorted(Enterprise.objects.values_list("name", flat=True)) == [
        "Konkan Traders",
        "Sahyadri Foods",
    ]
    assert upload_page.context["recent"] == [again, job]


def test_import_refuses_other_file_types_and_stores_nothing(client, hub_officer, import_media):
    # given
    client.force_login(hub_officer)
    upload = SimpleUploadedFile("enterprises.txt", b"name\nx\n", content_type="text/plain")

    # when
    response = client.post(IMPORT_URL, {"file": upload})

    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["Upload a .csv or .xlsx file."]}
    assert ImportJob.objects.exists() is False
    assert list(import_media.rglob("*")) == []


def test_import_job_page_polls_until_the_job_is_finished(client, hub_officer):
    # given
    job = ImportJob.objects.create(
        created_by=hub_officer,
        file_name="big.csv",
        stored_path="/nowhere/big.csv",
        status="validating",
        total_rows=10,
        processed_rows=5,
    )
    client.force_login(hub_officer)
    url = reverse("web:registry:import_job", args=[job.pk])

    # when
    running = client.get(url, HTTP_HX_REQUEST="true")
    ImportJob.objects.filter(pk=job.pk).update(status="done", processed_rows=10)
    finished = client.get(url, HTTP_HX_REQUEST="true")

    # then
    assert [t.name for t in running.templates] == ["registry/partials/_import_progress.html"]
    assert f'hx-get="{url}" hx-trigger="every 1s"' in running.content.decode()
    assert 'value="45"' in running.content.decode()
    assert "hx-trigger" not in finished.content.decode()
    assert 'value="100"' in finished.content.decode()


def test_import_job_of_another_officer_is_404(client, hub_officer, spoke_officer):
    # given
    job = ImportJob.objects.create(created_by=hub_officer, file_name="a.csv", stored_path="x")
    client.force_login(spoke_officer)

    # when
    page = client.get(reverse("web:registry:import_job", args=[job.pk]))
    report = client.get(reverse("web:registry:import_report", args=[job.pk]))

    # then
    assert (page.status_code, report.status_code) == (404, 404)


def test_import_template_has_every_column_and_a_valid_example_row(client, hub_officer):
    # given
    client.force_login(hub_officer)

    # when
    response = client.get(reverse("web:registry:import_template"))

    # then
    header, example = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert header == COLUMNS
    data, problems = row_to_input(dict(zip(header, example, strict=True)), reference_index_build())
    assert problems == {}
    assert data.nic_codes == ["25932", "28110"]
