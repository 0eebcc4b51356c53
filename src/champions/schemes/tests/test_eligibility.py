"""Table tests of the engine over every scheme's rules: no database."""

from datetime import date, timedelta

import pytest

from champions.schemes.benefits import compute_benefit
from champions.schemes.catalogue import load_scheme_files, scheme_errors
from champions.schemes.eligibility import (
    ELIGIBLE,
    FAILED,
    NEEDS_INFO,
    NOT_ELIGIBLE,
    NOT_IN_FORCE,
    PASSED,
    UNKNOWN,
    evaluate,
    evaluate_rule,
    next_question,
    recommend,
)

from .factories import BASE_DAY, BASE_DAYS, ELIGIBLE_PROFILES

SCHEMES = {s["id"]: s for s in load_scheme_files()}


def _status(scheme_id: str, profile: dict, on: date) -> str:
    return evaluate(profile, [SCHEMES[scheme_id]], on)[0].status


def _on(scheme_id: str) -> date:
    return BASE_DAYS.get(scheme_id, BASE_DAY)


def test_every_scheme_file_is_valid_and_has_an_eligible_profile():
    assert [sid for sid, s in SCHEMES.items() if scheme_errors(s)] == []
    assert sorted(ELIGIBLE_PROFILES) == sorted(SCHEMES)


@pytest.mark.parametrize("scheme_id", sorted(SCHEMES))
def test_base_profile_is_eligible(scheme_id):
    result = evaluate(ELIGIBLE_PROFILES[scheme_id], [SCHEMES[scheme_id]], _on(scheme_id))[0]

    assert (result.status, result.missing_facts) == (ELIGIBLE, ())


def _leaf_rules(scheme_id):
    for rule in SCHEMES[scheme_id]["rules"]:
        yield from rule.get("any_of", [rule])


def _removal_cases():
    for scheme_id in sorted(SCHEMES):
        for rule in _leaf_rules(scheme_id):
            if rule["field"] in ELIGIBLE_PROFILES[scheme_id]:
                yield pytest.param(scheme_id, rule["field"], id=f"{scheme_id}-{rule['id']}")


@pytest.mark.parametrize(("scheme_id", "field"), list(_removal_cases()))
def test_a_missing_fact_never_makes_a_scheme_eligible(scheme_id, field):
    profile = {k: v for k, v in ELIGIBLE_PROFILES[scheme_id].items() if k != field}
    # Derived facts follow the fact they come from.
    derived = {"gender": "women_owned", "social_category": "sc_st_owned", "state": "north_east"}
    result = evaluate(profile, [SCHEMES[scheme_id]], _on(scheme_id))[0]

    if any(r.get("any_of") for r in SCHEMES[scheme_id]["rules"]) and result.status == ELIGIBLE:
        # An any_of group still passes on its other branch.
        assert any(o.outcome == PASSED for o in result.rules)
        return
    assert result.status in {NEEDS_INFO, NOT_ELIGIBLE}, derived.get(field, field)
    if result.status == NEEDS_INFO:
        assert result.missing_facts


def _boundary_cases():
    """Every numeric rule in force on the base day, on both sides of its limit."""
    for scheme_id in sorted(SCHEMES):
        on = _on(scheme_id)
        for rule in _leaf_rules(scheme_id):
            if rule["op"] not in ("<=", ">=", "<", ">"):
                continue
            if (
                not (rule.get("effective_from") or "0")
                <= on.isoformat()
                <= (rule.get("effective_to") or "9")
            ):
                continue
            limit = rule["value"]
            inside, outside = {
                "<=": (limit, limit + 1),
                "<": (limit - 1, limit),
                ">=": (limit, limit - 1),
                ">": (limit + 1, limit),
            }[rule["op"]]
            when = {c["field"]: c.get("value") for c in rule.get("when", [])}
            yield pytest.param(
                scheme_id, rule, inside, outside, when, id=f"{scheme_id}-{rule['id']}"
            )


@pytest.mark.parametrize(
    ("scheme_id", "rule", "inside", "outside", "when"), list(_boundary_cases())
)
def test_numeric_rules_at_both_sides_of_the_limit(scheme_id, rule, inside, outside, when):
    profile = {**ELIGIBLE_PROFILES[scheme_id]}
    for field, value in when.items():
        if isinstance(value, str):
            profile[field] = value
    on = _on(scheme_id)

    at_limit = evaluate_rule(rule, {**profile, rule["field"]: inside}, on)
    past_limit = evaluate_rule(rule, {**profile, rule["field"]: outside}, on)

    assert (at_limit.outcome, past_limit.outcome) == (PASSED, FAILED)


@pytest.mark.parametrize(
    ("_case", "scheme_id", "profile_changes", "on", "expected"),
    [
        (
            "pmegp services at ₹20 lakh",
            "pmegp",
            {"sector": "services", "project_cost_inr": 2_000_000, "education": "10th_pass"},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "pmegp services above ₹20 lakh",
            "pmegp",
            {"sector": "services", "project_cost_inr": 2_000_001},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        ("pmegp trading", "pmegp", {"sector": "trading"}, BASE_DAY, NOT_ELIGIBLE),
        ("pmegp age 17", "pmegp", {"age": 17}, BASE_DAY, NOT_ELIGIBLE),
        ("pmegp existing unit", "pmegp", {"enterprise_stage": "existing"}, BASE_DAY, NOT_ELIGIBLE),
        ("pmegp earlier subsidy", "pmegp", {"availed_govt_subsidy": True}, BASE_DAY, NOT_ELIGIBLE),
        (
            "pmegp mfg ₹10 lakh, no schooling",
            "pmegp",
            {"project_cost_inr": 1_000_000, "education": "none"},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "pmegp mfg ₹10 lakh + 1, no schooling",
            "pmegp",
            {"project_cost_inr": 1_000_001, "education": "below_8th"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "pmegp services ₹5 lakh + 1, no schooling",
            "pmegp",
            {"sector": "services", "project_cost_inr": 500_001, "education": "none"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "pmegp services ₹5 lakh, education unknown",
            "pmegp",
            {"sector": "services", "project_cost_inr": 500_000, "education": None},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "pmegp society: age not asked",
            "pmegp",
            {"applicant_type": "society", "age": None, "education": None},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "cgtmse ₹3 crore on 2023-03-31",
            "cgtmse",
            {"loan_amount_inr": 30_000_000},
            date(2023, 3, 31),
            NOT_ELIGIBLE,
        ),
        (
            "cgtmse ₹3 crore on 2023-04-01",
            "cgtmse",
            {"loan_amount_inr": 30_000_000},
            date(2023, 4, 1),
            ELIGIBLE,
        ),
        (
            "cgtmse ₹7 crore on 2025-03-31",
            "cgtmse",
            {"loan_amount_inr": 70_000_000},
            date(2025, 3, 31),
            NOT_ELIGIBLE,
        ),
        (
            "cgtmse ₹7 crore on 2025-04-01",
            "cgtmse",
            {"loan_amount_inr": 70_000_000},
            date(2025, 4, 1),
            ELIGIBLE,
        ),
        ("cgtmse medium", "cgtmse", {"msme_category": "medium"}, BASE_DAY, NOT_ELIGIBLE),
        ("cgtmse before 2000", "cgtmse", {}, date(1999, 12, 31), NOT_ELIGIBLE),
        ("mcgs before approval", "mcgs_msme", {}, date(2025, 1, 28), NOT_ELIGIBLE),
        ("mcgs on approval", "mcgs_msme", {}, date(2025, 1, 29), ELIGIBLE),
        ("iss last day", "interest_subvention_2018", {}, date(2021, 3, 31), ELIGIBLE),
        ("iss closed", "interest_subvention_2018", {}, date(2021, 4, 1), NOT_ELIGIBLE),
        ("iss before launch", "interest_subvention_2018", {}, date(2018, 11, 1), NOT_ELIGIBLE),
        (
            "pms without Udyam before 26 Jul 2022",
            "pms",
            {"udyam_registered": False},
            date(2022, 7, 25),
            ELIGIBLE,
        ),
        (
            "pms without Udyam from 26 Jul 2022",
            "pms",
            {"udyam_registered": False},
            date(2022, 7, 26),
            NOT_ELIGIBLE,
        ),
        ("pms trader", "pms", {"sector": "trading"}, BASE_DAY, NOT_ELIGIBLE),
        ("vishwakarma before launch", "pm_vishwakarma", {}, date(2023, 9, 16), NOT_ELIGIBLE),
        (
            "vishwakarma unlisted trade",
            "pm_vishwakarma",
            {"trade": "other"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "vishwakarma loan in 5 years",
            "pm_vishwakarma",
            {"availed_similar_credit_last_5y": True},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "vishwakarma company",
            "pm_vishwakarma",
            {"applicant_type": "company"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        ("nssh general owner", "nssh", {"social_category": "general"}, BASE_DAY, NOT_ELIGIBLE),
        (
            "nssh company: ownership asked",
            "nssh",
            {"applicant_type": "company"},
            BASE_DAY,
            NEEDS_INFO,
        ),
        ("lean services", "msme_champions_lean", {"sector": "services"}, BASE_DAY, NOT_ELIGIBLE),
        ("lean before revamp", "msme_champions_lean", {}, date(2023, 3, 9), NOT_ELIGIBLE),
        ("zed large", "msme_champions_zed", {"msme_category": "none"}, BASE_DAY, NOT_ELIGIBLE),
        (
            "innovative individual, no Udyam",
            "msme_champions_innovative",
            {"applicant_type": "individual", "udyam_registered": False},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "innovative company, no Udyam",
            "msme_champions_innovative",
            {"applicant_type": "company", "udyam_registered": False},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        ("cbfte IEC 4 years", "ic_scheme", {"iec_age_years": 4}, BASE_DAY, NOT_ELIGIBLE),
        (
            "cbfte not exporting",
            "ic_scheme",
            {"exporter": False, "iec_age_years": None},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        ("ner outside the north-east", "ner_sikkim", {"state": "MH"}, BASE_DAY, NOT_ELIGIBLE),
        ("ner Sikkim", "ner_sikkim", {"state": "SK"}, BASE_DAY, ELIGIBLE),
        ("esdp 17", "esdp", {"age": 17}, BASE_DAY, NOT_ELIGIBLE),
        (
            "coir khadi",
            "coir_vikas_yojana",
            {"traditional_industry": "khadi"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "kgvy village industries",
            "kgvy",
            {"traditional_industry": "village_industries"},
            BASE_DAY,
            ELIGIBLE,
        ),
        ("kgvy none", "kgvy", {"traditional_industry": "none"}, BASE_DAY, NOT_ELIGIBLE),
        ("ppp trader", "public_procurement_policy", {"sector": "trading"}, BASE_DAY, NOT_ELIGIBLE),
        (
            "card small",
            "budget2025_micro_credit_card",
            {"msme_category": "small"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "card before announcement",
            "budget2025_micro_credit_card",
            {},
            date(2025, 1, 31),
            NOT_ELIGIBLE,
        ),
        (
            "first-time man, general",
            "budget2025_first_time_entrepreneurs",
            {"gender": "male", "social_category": "general"},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "first-time man, ST",
            "budget2025_first_time_entrepreneurs",
            {"gender": "male", "social_category": "st"},
            BASE_DAY,
            ELIGIBLE,
        ),
        (
            "first-time second venture",
            "budget2025_first_time_entrepreneurs",
            {"first_generation": False},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "2nd loan not repaid",
            "pmegp_2nd_loan",
            {"prior_pmegp_or_mudra_loan_repaid": False},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        (
            "2nd loan services ₹25 lakh + 1",
            "pmegp_2nd_loan",
            {"sector": "services", "project_cost_inr": 2_500_001},
            BASE_DAY,
            NOT_ELIGIBLE,
        ),
        ("mse-cdp individual", "mse_cdp", {"applicant_type": "individual"}, BASE_DAY, NOT_ELIGIBLE),
        ("sfurti trust", "sfurti", {"applicant_type": "trust"}, BASE_DAY, ELIGIBLE),
        ("aspire company", "aspire", {"applicant_type": "company"}, BASE_DAY, NOT_ELIGIBLE),
        ("ati spv", "ati", {"applicant_type": "spv"}, BASE_DAY, NOT_ELIGIBLE),
        ("ramp individual", "ramp", {"applicant_type": "individual"}, BASE_DAY, NOT_ELIGIBLE),
    ],
)
def test_scheme_rules(_case, scheme_id, profile_changes, on, expected):
    profile = {**ELIGIBLE_PROFILES[scheme_id], **profile_changes}
    profile = {k: v for k, v in profile.items() if v is not None}

    assert _status(scheme_id, profile, on) == expected


def test_category_is_worked_out_from_the_figures_under_the_rule_of_the_day():
    # ₹2 crore of machinery: small until 31 March 2025, micro from 1 April 2025.
    profile = {**ELIGIBLE_PROFILES["budget2025_micro_credit_card"], "msme_category": None}
    profile = {k: v for k, v in profile.items() if v is not None}
    profile.update(investment_inr=20_000_000, turnover_inr=40_000_000)
    card = SCHEMES["budget2025_micro_credit_card"]

    before = evaluate(profile, [card], date(2025, 3, 31))[0]
    after = evaluate(profile, [card], date(2025, 4, 1))[0]

    assert (before.status, after.status) == (NOT_ELIGIBLE, ELIGIBLE)
    assert after.reasons[0] == "Category worked out from the investment and turnover: Micro."


def test_a_rule_outside_its_dates_is_not_in_force():
    rule = next(r for r in SCHEMES["cgtmse"]["rules"] if r["id"] == "loan_cap_10cr")

    outcome = evaluate_rule(rule, {"loan_amount_inr": 1}, date(2025, 3, 31))

    assert outcome.outcome == NOT_IN_FORCE


def test_an_unknown_when_condition_makes_the_rule_unknown_and_asks_for_the_condition():
    rule = next(r for r in SCHEMES["pmegp"]["rules"] if r["id"] == "cost_cap_services")

    outcome = evaluate_rule(rule, {"project_cost_inr": 100}, BASE_DAY)

    assert (outcome.outcome, outcome.missing_facts) == (UNKNOWN, ("sector",))


def test_an_empty_profile_is_eligible_only_for_schemes_without_rules():
    results = evaluate({}, SCHEMES.values(), BASE_DAY)

    assert sorted(r.scheme_id for r in results if r.status == ELIGIBLE) == ["tool_rooms_tc"]


# --- Benefits: worked examples ------------------------------------------------------------------


def _benefit(scheme_id: str, facts: dict, on: date = BASE_DAY):
    return compute_benefit(SCHEMES[scheme_id]["benefit_calculation"], facts, on)


@pytest.mark.parametrize(
    ("_case", "facts", "amount", "percent"),
    [
        (
            "rural woman, ₹20 lakh mfg: 35%",
            {
                "gender": "female",
                "social_category": "general",
                "location_type": "rural",
                "sector": "manufacturing",
                "project_cost_inr": 2_000_000,
            },
            700_000,
            35,
        ),
        (
            "urban general man, ₹20 lakh services: 15%",
            {
                "gender": "male",
                "social_category": "general",
                "location_type": "urban",
                "sector": "services",
                "project_cost_inr": 2_000_000,
            },
            300_000,
            15,
        ),
        (
            "rural general man, ₹10 lakh: 25%",
            {
                "gender": "male",
                "social_category": "general",
                "location_type": "rural",
                "sector": "manufacturing",
                "project_cost_inr": 1_000_000,
            },
            250_000,
            25,
        ),
        (
            "urban SC man, ₹60 lakh mfg: capped at ₹50 lakh",
            {
                "gender": "male",
                "social_category": "sc",
                "location_type": "urban",
                "sector": "manufacturing",
                "project_cost_inr": 6_000_000,
            },
            1_250_000,
            25,
        ),
        (
            "ex-serviceman in the north-east",
            {
                "gender": "male",
                "social_category": "general",
                "is_ex_serviceman": True,
                "location_type": "rural",
                "sector": "services",
                "project_cost_inr": 1_000_000,
            },
            350_000,
            35,
        ),
    ],
)
def test_pmegp_margin_money(_case, facts, amount, percent):
    benefit, missing = _benefit("pmegp", facts)

    assert (benefit.amount_inr, benefit.percent, benefit.is_minimum, missing) == (
        amount,
        percent,
        False,
        (),
    )


def test_pmegp_margin_money_with_unknown_facts_is_a_minimum_and_asks_for_them():
    benefit, missing = _benefit("pmegp", {"sector": "manufacturing"})

    assert (benefit.amount_inr, benefit.percent, benefit.is_minimum) == (None, 15, True)
    assert missing == ("project_cost_inr", "location_type", "social_category", "gender")


@pytest.mark.parametrize(
    ("_case", "facts", "on", "amount", "percent"),
    [
        (
            "others: 75%",
            {
                "msme_category": "small",
                "sector": "manufacturing",
                "women_owned": False,
                "sc_st_owned": False,
                "zed_certified": False,
                "aspirational_district": False,
                "loan_amount_inr": 10_000_000,
            },
            BASE_DAY,
            7_500_000,
            75,
        ),
        (
            "micro, ₹5 lakh: 85%",
            {
                "msme_category": "micro",
                "sector": "services",
                "women_owned": False,
                "sc_st_owned": False,
                "zed_certified": False,
                "aspirational_district": False,
                "loan_amount_inr": 500_000,
            },
            BASE_DAY,
            425_000,
            85,
        ),
        (
            "micro, ₹5 lakh + 1: 75%",
            {
                "msme_category": "micro",
                "sector": "services",
                "women_owned": False,
                "sc_st_owned": False,
                "zed_certified": False,
                "aspirational_district": False,
                "loan_amount_inr": 500_001,
            },
            BASE_DAY,
            375_000,
            75,
        ),
        (
            "women from Sept 2024: 90%",
            {
                "msme_category": "small",
                "sector": "services",
                "women_owned": True,
                "loan_amount_inr": 1_000_000,
            },
            date(2024, 9, 1),
            900_000,
            90,
        ),
        (
            "women before: 85%",
            {
                "msme_category": "small",
                "sector": "services",
                "women_owned": True,
                "loan_amount_inr": 1_000_000,
            },
            date(2024, 8, 31),
            850_000,
            85,
        ),
        (
            "retail trade: 50% even for women",
            {
                "msme_category": "micro",
                "sector": "trading",
                "women_owned": True,
                "loan_amount_inr": 1_000_000,
            },
            BASE_DAY,
            500_000,
            50,
        ),
        (
            "above the ceiling: cover on ₹10 crore",
            {
                "msme_category": "small",
                "sector": "manufacturing",
                "women_owned": True,
                "loan_amount_inr": 150_000_000,
            },
            BASE_DAY,
            90_000_000,
            90,
        ),
    ],
)
def test_cgtmse_guarantee_cover(_case, facts, on, amount, percent):
    benefit, _missing = _benefit("cgtmse", facts, on)

    assert (benefit.amount_inr, benefit.percent) == (amount, percent)


def test_other_benefits():
    nssh, _ = _benefit("nssh", {"sector": "manufacturing", "loan_amount_inr": 20_000_000})
    zed, _ = _benefit(
        "msme_champions_zed",
        {"msme_category": "micro", "women_owned": True, "cluster_member": True},
    )
    lean, _ = _benefit(
        "msme_champions_lean",
        {
            "msme_category": "small",
            "women_owned": False,
            "sc_st_owned": False,
            "north_east": False,
            "cluster_member": False,
        },
    )
    mcgs, _ = _benefit("mcgs_msme", {"loan_amount_inr": 10_000_000})
    second, _ = _benefit(
        "pmegp_2nd_loan",
        {"north_east": True, "sector": "manufacturing", "project_cost_inr": 20_000_000},
    )
    iss, _ = _benefit("interest_subvention_2018", {"loan_amount_inr": 5_000_000}, date(2020, 1, 1))

    assert nssh.amount_inr == 2_500_000  # 25% of the ₹1 crore loan ceiling
    assert (zed.percent, zed.is_minimum) == (95, False)  # 80 + 10 + 5
    assert (lean.percent, lean.is_minimum) == (90, False)
    assert (mcgs.amount_inr, mcgs.percent) == (6_000_000, 60)
    assert second.amount_inr == 2_000_000  # 20% of the ₹1 crore cap
    assert iss.amount_inr == 100_000


# --- The next question --------------------------------------------------------------------------


def test_next_question_settles_the_most_schemes_and_skips_what_was_skipped():
    results = evaluate({}, SCHEMES.values(), BASE_DAY)

    first = next_question(results)
    without = next_question(results, skipped=[first])

    assert first == "applicant_type"
    assert without not in {first, None}


def test_a_skipped_category_is_worked_out_from_investment_and_turnover():
    profile = {"applicant_type": "proprietorship", "udyam_registered": True, "sector": "services"}
    results = evaluate(profile, [SCHEMES["budget2025_micro_credit_card"]], BASE_DAY)

    asked = [next_question(results, answered=profile, skipped=[])]
    asked.append(next_question(results, answered=profile, skipped=["msme_category"]))
    asked.append(
        next_question(results, answered=[*profile, "investment_inr"], skipped=["msme_category"])
    )

    assert asked == ["msme_category", "investment_inr", "turnover_inr"]


def test_recommendations_rank_eligible_and_list_nearly_eligible():
    profile = {**ELIGIBLE_PROFILES["cgtmse"], "udyam_registered": False}

    found = recommend(evaluate(profile, SCHEMES.values(), BASE_DAY))

    eligible = [r.scheme_id for r in found.eligible]
    nearly = {r.scheme_id: [f.rule_id for f in r.failed] for r in found.nearly}
    assert "cgtmse" in eligible
    assert "interest_subvention_2018" not in nearly  # closed schemes are not "nearly"
    assert nearly["msme_champions_zed"] == ["udyam"]
    assert len(eligible) == len(set(eligible))


def test_reasons_say_every_rule_outcome():
    result = evaluate({"applicant_type": "individual", "age": 17}, [SCHEMES["esdp"]], BASE_DAY)[0]

    assert result.reasons == (
        "Met: The applicant is a person (or a proprietor).",
        "Not met: The applicant is at least 18 years old.",
    )


def test_a_day_in_every_validity_window_edge():
    for scheme in SCHEMES.values():
        if scheme.get("valid_from"):
            start = date.fromisoformat(scheme["valid_from"])
            profile = ELIGIBLE_PROFILES[scheme["id"]]
            assert _status(scheme["id"], profile, start - timedelta(days=1)) == NOT_ELIGIBLE
            assert _status(scheme["id"], profile, start) != NOT_ELIGIBLE or scheme.get("valid_to")
