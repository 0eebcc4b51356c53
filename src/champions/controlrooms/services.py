"""Writes for the control-room network."""

import json
from pathlib import Path

from django.db import transaction

from champions.core.models import District, State

from .models import ControlRoom, RoomDistrict

NETWORK_FILE = Path(__file__).resolve().parent / "data" / "network.json"


@transaction.atomic
def network_load(*, path: Path = NETWORK_FILE) -> dict[str, int]:
    """Create or update the rooms in the network file and give every uncovered district a spoke.

    Coverage an administrator changed is kept: only districts with no room are assigned.
    """
    doc = json.loads(path.read_text(encoding="utf-8"))
    states = {s.udyam_code: s for s in State.objects.all()}
    covered_now = set(RoomDistrict.objects.values_list("district_id", flat=True))
    assigned = 0
    for spec in doc["rooms"]:
        room, _created = ControlRoom.objects.update_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "host_office": spec["host_office"],
                "host_type": spec["host_type"],
                "city": spec["city"],
                "state": states[spec["state"]],
            },
        )
        state_ids = [states[c].id for c in spec["covers_states"]]
        new = [
            RoomDistrict(room=room, district_id=pk)
            for pk in District.objects.filter(state_id__in=state_ids).values_list("id", flat=True)
            if pk not in covered_now
        ]
        RoomDistrict.objects.bulk_create(new)
        covered_now.update(rd.district_id for rd in new)
        assigned += len(new)
    return {"rooms": len(doc["rooms"]), "districts_assigned": assigned}
