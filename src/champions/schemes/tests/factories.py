"""Profiles that make each scheme eligible on BASE_DAY, for the table tests of the engine."""

from datetime import date

BASE_DAY = date(2025, 6, 1)

ENTERPRISE = {
    "applicant_type": "proprietorship",
    "enterprise_stage": "existing",
    "udyam_registered": True,
    "msme_category": "micro",
    "sector": "manufacturing",
    "gender": "female",
    "social_category": "sc",
    "state": "MH",
    "loan_amount_inr": 1_000_000,
    "equipment_share_pct": 80,
    "exporter": True,
    "iec_age_years": 1,
    "first_generation": True,
}

ELIGIBLE_PROFILES = {
    "pmegp": {
        "applicant_type": "individual",
        "age": 25,
        "enterprise_stage": "new",
        "availed_govt_subsidy": False,
        "sector": "manufacturing",
        "project_cost_inr": 2_000_000,
        "education": "10th_pass",
    },
    "pmegp_2nd_loan": {
        **ENTERPRISE,
        "prior_pmegp_or_mudra_loan_repaid": True,
        "project_cost_inr": 5_000_000,
    },
    "cgtmse": ENTERPRISE,
    "mcgs_msme": ENTERPRISE,
    "mse_cdp": {"applicant_type": "spv"},
    "sfurti": {"applicant_type": "spv"},
    "aspire": {"applicant_type": "institution"},
    "pm_vishwakarma": {
        "applicant_type": "individual",
        "age": 40,
        "trade": "potter",
        "availed_similar_credit_last_5y": False,
        "family_member_in_govt_service": False,
        "family_already_registered_vishwakarma": False,
    },
    "nssh": ENTERPRISE,
    "msme_champions_zed": ENTERPRISE,
    "msme_champions_lean": ENTERPRISE,
    "msme_champions_innovative": ENTERPRISE,
    "pms": ENTERPRISE,
    "ic_scheme": ENTERPRISE,
    "ner_sikkim": {"applicant_type": "state_govt_agency", "state": "AS"},
    "esdp": {"applicant_type": "individual", "age": 18},
    "ati": {"applicant_type": "institution"},
    "tool_rooms_tc": {},
    "ramp": {"applicant_type": "state_govt_agency"},
    "coir_vikas_yojana": {"traditional_industry": "coir"},
    "kgvy": {"traditional_industry": "khadi"},
    "public_procurement_policy": ENTERPRISE,
    "budget2025_micro_credit_card": ENTERPRISE,
    "budget2025_first_time_entrepreneurs": ENTERPRISE,
}
# The 2018 interest subvention closed on 31 March 2021: its base day is inside its validity.
ELIGIBLE_PROFILES["interest_subvention_2018"] = ENTERPRISE
BASE_DAYS = {"interest_subvention_2018": date(2020, 6, 1)}
