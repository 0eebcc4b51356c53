"""Demo data: the sandbox Udyam portal learns the demo units, all as registered except a few
kept on purpose (two under another name, one in another class, two unknown), and every demo
unit is checked once, so the profiles show each state. Idempotent."""

from django.conf import settings

from champions.registry.selectors import enterprise_identities

from . import services
from .models import SandboxUdyamRecord, UdyamCheck
from .sandbox import sandbox_record_put

OTHER_CLASS = {"micro": "small", "small": "medium", "medium": "micro"}
OTHER_NAMES = {3: "Konkan Agro Traders", 5: "Vidarbha Cotton Mills"}  # another firm's name


def udyam_demo_load(*, limit: int = 2000) -> int:
    if settings.UDYAM_BACKEND != "sandbox" or SandboxUdyamRecord.objects.exists():
        return 0
    units = enterprise_identities(limit=limit)
    for position, unit in enumerate(units):
        if position in (7, 11):
            continue  # unknown to the portal: "not verified"
        name = OTHER_NAMES.get(position, unit.name)
        category = OTHER_CLASS.get(unit.category, unit.category) if position == 9 else unit.category
        sandbox_record_put(udyam_number=unit.udyam_number, name=name, category=category)
    if not UdyamCheck.objects.exists():
        services.udyam_verify_due(limit=limit)
    return len(units)
