"""The pure compliance calendar: which obligations apply and when each falls due."""

from datetime import date

import pytest

from champions.compliance.calendar import (
    Situation,
    obligations,
    obligations_for,
    occurrences_between,
    situation_errors,
)


def _due(situation: Situation, start: date, end: date) -> list[tuple[str, date]]:
    return [(o.code, o.due_on) for o in occurrences_between(situation, start, end)]


def _codes(situation: Situation) -> set[str]:
    return {o.code for o in obligations_for(situation)}


def test_every_obligation_names_its_source_and_titles_in_both_languages():
    for obligation in obligations():
        assert obligation.source
        assert obligation.url.startswith("https://")
        assert set(obligation.title) == {"en", "hi"}


def test_monthly_gst_filer():
    situation = Situation(is_gst_registered=True, gst_filing="monthly", state_code="MH")

    assert _due(situation, date(2026, 5, 1), date(2026, 5, 31)) == [
        ("gstr1_monthly", date(2026, 5, 11)),
        ("gstr3b_monthly", date(2026, 5, 20)),
    ]


@pytest.mark.parametrize(
    ("_case", "state", "day"),
    [
        ("Maharashtra: 22nd", "MH", 22),
        ("Karnataka: 22nd", "KR", 22),
        ("Delhi: 24th", "DL", 24),
        ("Uttar Pradesh: 24th", "UP", 24),
        ("state unknown: the earlier date", "", 22),
    ],
)
def test_quarterly_gst_filer_gstr3b_day_depends_on_the_state(_case, state, day):
    situation = Situation(is_gst_registered=True, gst_filing="quarterly", state_code=state)

    assert _due(situation, date(2026, 7, 1), date(2026, 7, 31)) == [
        ("gstr1_quarterly", date(2026, 7, 13)),
        ("gstr3b_quarterly", date(2026, 7, day)),
    ]


def test_quarterly_gst_filer_pays_monthly_in_the_first_two_months_of_a_quarter():
    situation = Situation(is_gst_registered=True, gst_filing="quarterly", state_code="DL")

    dates = _due(situation, date(2026, 4, 14), date(2026, 7, 31))

    assert dates == [
        ("gstr3b_quarterly", date(2026, 4, 24)),
        ("gst_pmt06", date(2026, 5, 25)),  # for April
        ("gst_pmt06", date(2026, 6, 25)),  # for May; June's tax goes with the quarterly return
        ("gstr1_quarterly", date(2026, 7, 13)),
        ("gstr3b_quarterly", date(2026, 7, 24)),
    ]


def test_gst_annual_return_only_above_2_crore():
    small = Situation(is_gst_registered=True, turnover_inr=20_000_000)
    larger = Situation(is_gst_registered=True, turnover_inr=20_000_001)

    assert "gstr9_annual" not in _codes(small)
    assert ("gstr9_annual", date(2026, 12, 31)) in _due(
        larger, date(2026, 12, 1), date(2026, 12, 31)
    )


def test_not_gst_registered_has_no_gst_dates():
    assert not {c for c in _codes(Situation(gst_filing="quarterly")) if "gst" in c}


def test_tds_deposit_is_the_7th_but_march_is_due_30_april():
    situation = Situation(is_tds_deductor=True)

    found = occurrences_between(situation, date(2026, 4, 1), date(2026, 5, 10))

    assert [(o.due_on, o.period_start) for o in found] == [
        (date(2026, 4, 30), date(2026, 3, 1)),
        (date(2026, 5, 7), date(2026, 4, 1)),
    ]


def test_tds_statements_are_quarterly():
    situation = Situation(is_tds_deductor=True)

    returns = [
        d for c, d in _due(situation, date(2026, 4, 1), date(2027, 3, 31)) if c == "tds_return"
    ]

    assert returns == [date(2026, 5, 31), date(2026, 7, 31), date(2026, 10, 31), date(2027, 1, 31)]


def test_advance_tax_instalments():
    regular = Situation(pays_advance_tax=True)
    presumptive = Situation(pays_advance_tax=True, is_presumptive_taxpayer=True)
    year = (date(2026, 4, 1), date(2027, 3, 31))

    instalments = [o for o in occurrences_between(regular, *year) if o.code == "advance_tax"]

    assert [o.due_on for o in instalments] == [
        date(2026, 6, 15),
        date(2026, 9, 15),
        date(2026, 12, 15),
        date(2027, 3, 15),
    ]
    assert [o.part["en"] for o in instalments] == [
        "at least 15 % of the year's tax",
        "at least 45 % of the year's tax",
        "at least 75 % of the year's tax",
        "100 % of the year's tax",
    ]
    assert _due(presumptive, *year) == [("advance_tax_presumptive", date(2027, 3, 15))]


@pytest.mark.parametrize(
    ("_case", "employees", "expected"),
    [
        ("9 employees: neither", 9, set()),
        ("10 employees: ESI", 10, {"esi"}),
        ("19 employees: ESI", 19, {"esi"}),
        ("20 employees: EPF and ESI", 20, {"epf", "esi"}),
    ],
)
def test_employee_thresholds(_case, employees, expected):
    assert _codes(Situation(employees=employees)) == expected


def test_epf_and_esi_are_due_on_the_15th():
    assert _due(Situation(employees=25), date(2026, 8, 1), date(2026, 8, 31)) == [
        ("epf", date(2026, 8, 15)),
        ("esi", date(2026, 8, 15)),
    ]


def test_msme_form1_only_for_companies_with_mse_dues_beyond_45_days():
    company = Situation(is_company=True, owes_mse_suppliers_over_45_days=True)
    proprietor = Situation(is_company=False, owes_mse_suppliers_over_45_days=True)
    company_paying_on_time = Situation(is_company=True)

    assert _due(company, date(2026, 4, 1), date(2027, 3, 31)) == [
        ("msme_form1", date(2026, 4, 30)),
        ("msme_form1", date(2026, 10, 31)),
    ]
    assert "msme_form1" not in _codes(proprietor)
    assert "msme_form1" not in _codes(company_paying_on_time)


def test_udyam_update_is_a_suggested_date_for_registered_enterprises():
    (occurrence,) = occurrences_between(
        Situation(has_udyam_registration=True), date(2027, 1, 1), date(2027, 12, 31)
    )

    assert (occurrence.code, occurrence.due_on) == ("udyam_update", date(2027, 3, 31))
    assert occurrence.is_suggested_date
    assert (occurrence.period_start, occurrence.period_end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert "udyam_update" not in _codes(Situation())


def test_occurrences_are_in_date_order_and_inside_the_range():
    situation = Situation(
        is_gst_registered=True, employees=25, is_tds_deductor=True, pays_advance_tax=True
    )

    found = occurrences_between(situation, date(2026, 6, 10), date(2026, 6, 20))

    assert [(o.code, o.due_on) for o in found] == [
        ("gstr1_monthly", date(2026, 6, 11)),
        ("advance_tax", date(2026, 6, 15)),
        ("epf", date(2026, 6, 15)),
        ("esi", date(2026, 6, 15)),
        ("gstr3b_monthly", date(2026, 6, 20)),
    ]


def test_period_labels():
    situation = Situation(is_gst_registered=True, gst_filing="quarterly", state_code="DL")

    labels = {
        o.code: o.period
        for o in occurrences_between(situation, date(2026, 7, 1), date(2026, 7, 31))
    }

    april_to_june = "April\N{EN DASH}June 2026"
    assert labels == {"gstr1_quarterly": april_to_june, "gstr3b_quarterly": april_to_june}


def test_quarterly_filing_is_refused_above_5_crore():
    assert situation_errors(
        Situation(is_gst_registered=True, gst_filing="quarterly", turnover_inr=50_000_001)
    ) == {
        "gst_filing": (
            "Quarterly filing (QRMP) is open only up to ₹5 crore of turnover: choose monthly."
        )
    }
    assert (
        situation_errors(
            Situation(is_gst_registered=True, gst_filing="quarterly", turnover_inr=50_000_000)
        )
        == {}
    )
