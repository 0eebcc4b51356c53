"""Realistic synthetic enterprises for demos and national-scale benchmarks.

Districts are drawn in proportion to real Udyam registrations per district (data.gov.in,
27 Aug 2023); categories follow the national mix (about 97 % micro, 2.8 % small, 0.3 %
medium) by drawing investment and turnover inside that category's band.
"""

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from champions.core.selectors import ReferenceIndex

from .classification import classify, rule_in_force
from .models import Enterprise

COUNTS_FILE = Path(__file__).resolve().parent / "data" / "udyam_district_counts_2023-08-27.csv"
CATEGORY_WEIGHTS = {"micro": 0.969, "small": 0.028, "medium": 0.003}

# A plausible NIC mix: (NIC-2008 code, activity, relative weight). Retail, food, garments,
# metal products, repair and personal services dominate Udyam registrations.
NIC_MIX = [
    ("47211", "trading", 9),
    ("47190", "trading", 8),
    ("46909", "trading", 5),
    ("10712", "manufacturing", 5),
    ("14101", "manufacturing", 7),
    ("13121", "manufacturing", 3),
    ("25999", "manufacturing", 4),
    ("25920", "manufacturing", 2),
    ("22209", "manufacturing", 2),
    ("16221", "manufacturing", 1),
    ("31001", "manufacturing", 2),
    ("10611", "manufacturing", 2),
    ("95221", "services", 4),
    ("45200", "services", 4),
    ("96020", "services", 5),
    ("56101", "services", 5),
    ("62011", "services", 2),
    ("49231", "services", 3),
    ("43303", "services", 2),
    ("82191", "services", 2),
    ("85491", "services", 2),
    ("01111", "manufacturing", 1),
    ("23953", "manufacturing", 1),
    ("32111", "manufacturing", 1),
]
NAME_WORDS = [
    "Shree",
    "Sai",
    "Ganesh",
    "Laxmi",
    "Krishna",
    "Durga",
    "Balaji",
    "Om",
    "Jai",
    "Annapurna",
    "Bharat",
    "Navjeevan",
    "Pragati",
    "Sagar",
    "Deep",
    "Kaveri",
    "Ganga",
    "Himalaya",
    "Vindhya",
    "Surya",
    "Chandra",
    "Nirmal",
    "Royal",
    "Modern",
    "New",
    "Star",
    "Global",
    "Apex",
    "Unique",
]
NAME_TRADES = {
    "trading": ["Traders", "Enterprises", "Stores", "Agencies", "General Store", "Distributors"],
    "manufacturing": [
        "Industries",
        "Udyog",
        "Fabricators",
        "Textiles",
        "Foods",
        "Engineering Works",
    ],
    "services": ["Services", "Solutions", "Motors", "Beauty Parlour", "Caterers", "Tours"],
}
ORG_TYPES = [
    ("proprietary", 86),
    ("partnership", 5),
    ("private_limited", 5),
    ("llp", 1),
    ("huf", 1),
    ("self_help_group", 1),
    ("cooperative", 1),
]
OWNER_FIRST = [
    "Ramesh",
    "Sunita",
    "Abdul",
    "Priya",
    "Harpreet",
    "Lakshmi",
    "Rajesh",
    "Fatima",
    "Suresh",
    "Anita",
    "Joseph",
    "Meena",
    "Vikram",
    "Kavita",
    "Arjun",
    "Rekha",
]
OWNER_LAST = [
    "Sharma",
    "Patel",
    "Khan",
    "Reddy",
    "Singh",
    "Nair",
    "Das",
    "Yadav",
    "Iyer",
    "Gupta",
    "Kumar",
    "Devi",
    "Joshi",
    "Bose",
    "Rao",
    "Mehta",
]


@dataclass(frozen=True)
class DistrictWeight:
    district_id: int
    state_id: int
    udyam_code: str
    weight: int


def district_weights(ref: ReferenceIndex) -> list[DistrictWeight]:
    code_by_state = {pk: code for code, pk in ref.state_by_udyam_code.items()}
    weights = []
    with open(COUNTS_FILE, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            district_id = ref.district_by_lgd_code.get(int(row["lg_dist_code"]))
            total = row["total"]
            if district_id is None or not total.isdigit() or int(total) == 0:
                continue
            state_id = ref.district_state[district_id]
            weights.append(
                DistrictWeight(district_id, state_id, code_by_state[state_id], int(total))
            )
    return weights


def _figures(rng: random.Random, category: str, on: date) -> tuple[int, int, int]:
    limits = rule_in_force(on).limits
    lower = {
        "micro": (0, 0),
        "small": (limits["micro"].investment, limits["micro"].turnover),
        "medium": (limits["small"].investment, limits["small"].turnover),
    }[category]
    upper = limits[category]
    # Most units sit well below their ceiling: draw with a skew towards the floor.
    if category == "micro":
        investment = int(upper.investment * rng.random() ** 3)
        turnover = int(upper.turnover * rng.random() ** 3)
    else:
        investment = lower[0] + 1 + int((upper.investment - lower[0] - 1) * rng.random() ** 2)
        turnover = int(upper.turnover * rng.random() ** 2)
    exports = int(turnover * rng.random() * 0.3) if rng.random() < 0.04 else 0
    return investment, turnover + exports, exports


def synthetic_enterprises(
    n: int, *, ref: ReferenceIndex, seed: int = 1, start_serial: int = 1, on: date
) -> Iterator[Enterprise]:
    """Yield `n` unsaved enterprises with Udyam numbers UDYAM-XX-DD-<serial>, deterministic."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
    districts = district_weights(ref)
    cumulative = []
    total = 0
    for d in districts:
        total += d.weight
        cumulative.append(total)
    categories, category_weights = zip(*CATEGORY_WEIGHTS.items(), strict=True)
    nic_choices = [(code, activity) for code, activity, _w in NIC_MIX]
    nic_weights = [w for _c, _a, w in NIC_MIX]
    org_types, org_weights = zip(*ORG_TYPES, strict=True)
    pincodes_by_state: dict[int, list[str]] = {}
    for pin, state in ref.pincode_state.items():
        pincodes_by_state.setdefault(state, []).append(pin)
    rule = rule_in_force(on)
    for serial in range(start_serial, start_serial + n):
        d = rng.choices(districts, cum_weights=cumulative)[0]
        category = rng.choices(categories, weights=category_weights)[0]
        investment, turnover, exports = _figures(rng, category, on)
        verdict = classify(
            investment_inr=investment,
            turnover_inr=turnover,
            export_turnover_inr=exports,
            on=on,
            rules=(rule,),
        )
        nic, activity = rng.choices(nic_choices, weights=nic_weights)[0]
        name = (
            f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(NAME_TRADES[activity])}"
        )
        pins = pincodes_by_state.get(d.state_id) or [""]
        yield Enterprise(
            udyam_number=f"UDYAM-{d.udyam_code}-{d.district_id % 100:02d}-{serial:07d}",
            name=name,
            name_key=name.lower(),
            organisation_type=rng.choices(org_types, weights=org_weights)[0],
            owner_name=f"{rng.choice(OWNER_FIRST)} {rng.choice(OWNER_LAST)}",
            owner_gender=rng.choices(["male", "female", "transgender"], weights=[79, 20.9, 0.1])[0],
            owner_social_category=rng.choices(
                ["general", "obc", "sc", "st"], weights=[40, 40, 13, 7]
            )[0],
            owner_specially_abled=rng.random() < 0.01,
            address=f"{rng.randint(1, 400)}, Industrial Area",
            state_id=d.state_id,
            district_id=d.district_id,
            pincode=rng.choice(pins),
            nic_codes=[nic],
            primary_nic=nic,
            major_activity=activity,
            commenced_on=date(2000, 1, 1) + timedelta(days=rng.randint(0, 9000)),
            investment_inr=investment,
            turnover_inr=turnover,
            export_turnover_inr=exports,
            employees=max(
                1, int(rng.random() ** 3 * {"micro": 20, "small": 150, "medium": 600}[category])
            ),
            category=verdict.category,
            classification_rule=verdict.rule,
            classified_on=on,
        )
