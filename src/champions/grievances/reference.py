"""Default service levels and the fixed national holidays (idempotent)."""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import Holiday, SlaPolicy

HOLIDAYS_FILE = Path(__file__).resolve().parent / "data" / "holidays.json"


@transaction.atomic
def grievance_reference_load() -> dict[str, int]:
    # Champions/CPGRAMS defaults: 3 working days to assign, 7 to escalate, 21 to resolve,
    # 30 to decide an appeal. An existing row (edited by the hub) is left as it is.
    SlaPolicy.objects.get_or_create(category="", priority="")
    doc = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
    created = 0
    for year in doc["years"]:
        for month_day, name in doc["fixed_national"]:
            month, day = (int(x) for x in month_day.split("-"))
            _holiday, was_created = Holiday.objects.get_or_create(
                day=date(year, month, day), state=None, defaults={"name": name}
            )
            created += was_created
    return {"holidays_added": created}
