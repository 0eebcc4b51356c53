"""The technology centres as data: loading the shipped CSV and the services each offers.

The centres (names, places, programme, status, sector focus) are facts with their sources,
from `data/msme_technology_centres.csv`. The services and prices are NOT from the centres:
they are indicative demo values written for this portal, labelled as such on every page,
until each centre enters its own catalogue.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from champions.core.selectors import state_list

from .choices import CentreKind, ServiceKind
from .models import CentreService, TechnologyCentre

CENTRES_FILE = Path(__file__).parent / "data" / "msme_technology_centres.csv"

KINDS = {
    "Tool Room": CentreKind.TOOL_ROOM,
    "Technology Development Centre": CentreKind.TECHNOLOGY_DEVELOPMENT,
    "Technology Centre": CentreKind.TECHNOLOGY_CENTRE,
}
# A centre takes requests once it works; one under construction or of unknown place does not.
WORKING_STATUS_PREFIXES = ("operational", "training started", "inaugurated")


@dataclass(frozen=True)
class ServiceSpec:
    kind: str
    name: str
    unit: str
    price_inr: int


# Indicative demo values (₹), not tariffs of any centre.
TOOLING = (
    ServiceSpec(ServiceKind.MACHINING, "Conventional machining (lathe, milling)", "hour", 600),
    ServiceSpec(ServiceKind.CNC, "CNC turning and vertical machining centre", "hour", 1500),
    ServiceSpec(ServiceKind.HEAT_TREATMENT, "Vacuum hardening and tempering", "kg", 90),
    ServiceSpec(ServiceKind.DESIGN, "Tool and die design (CAD/CAM)", "hour", 900),
    ServiceSpec(ServiceKind.TESTING, "Dimensional inspection on a CMM", "hour", 1200),
    ServiceSpec(ServiceKind.TRAINING, "CNC programming and operation (3 months)", "seat", 18000),
)
DEVELOPMENT = (
    ServiceSpec(ServiceKind.TESTING, "Product testing to the Indian Standard", "sample", 1500),
    ServiceSpec(ServiceKind.DESIGN, "Product and process design", "hour", 900),
    ServiceSpec(ServiceKind.TRAINING, "Short course in the centre's trade (1 month)", "seat", 6000),
)
SECTOR_SERVICES = {
    "esdm": ServiceSpec(ServiceKind.TESTING, "PCB assembly test and inspection", "board", 250),
    "electronics": ServiceSpec(
        ServiceKind.TRAINING, "Electronics repair course (2 months)", "seat", 9000
    ),
    "footwear": ServiceSpec(ServiceKind.DESIGN, "Footwear pattern design on CAD", "design", 2500),
    "fragrance": ServiceSpec(ServiceKind.TESTING, "Essential oil analysis (GC)", "sample", 2000),
    "glass": ServiceSpec(
        ServiceKind.TESTING, "Glass composition and strength test", "sample", 1800
    ),
    "calibration": ServiceSpec(
        ServiceKind.TESTING, "Calibration of an electrical meter", "instrument", 700
    ),
}


def centre_is_working(status: str) -> bool:
    return status.strip().lower().startswith(WORKING_STATUS_PREFIXES)


def services_for(*, kind: str, sector_focus: str, status: str) -> list[ServiceSpec]:
    """The indicative services of a centre: by its type, plus one for its sector."""
    if not centre_is_working(status):
        return []
    specs = list(DEVELOPMENT if kind == CentreKind.TECHNOLOGY_DEVELOPMENT else TOOLING)
    focus = sector_focus.lower()
    specs += [spec for word, spec in SECTOR_SERVICES.items() if word in focus]
    return specs


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def centres_load(path: Path = CENTRES_FILE) -> dict[str, int]:
    """Upsert the centres on their source id and add their indicative services. Idempotent."""
    states = {state.name: state for state in state_list()}
    centres = services = 0
    for row in _rows(path):
        kind = KINDS[row["type"]]
        centre, created = TechnologyCentre.objects.update_or_create(
            source_id=int(row["id"]),
            defaults={
                "name": row["name"],
                "short_name": row["short"],
                "city": row["city"] if row["city"] != "unknown" else "",
                "state": states.get(row["state"]),
                "kind": kind,
                "programme": row["programme"],
                "status": row["status"],
                "sector_focus": row["sector_focus"],
                "source": row["source"],
                "confidence": row["confidence"],
            },
        )
        centres += int(created)
        for spec in services_for(kind=kind, sector_focus=row["sector_focus"], status=row["status"]):
            _service, made = CentreService.objects.get_or_create(
                centre=centre,
                kind=spec.kind,
                name=spec.name,
                defaults={"unit": spec.unit, "indicative_price_inr": spec.price_inr},
            )
            services += int(made)
    return {"centres": centres, "services": services}
