"""Demo rooms: a few realistic state control rooms in MSME-DFOs and a branch, imported by the
demo hub officer through the CSV import, so `/controlrooms/` shows several rooms in a state and
a change log. Idempotent: once the first demo room exists, nothing is imported again."""

from champions.controlrooms.selectors import room_get_by_code

from .services import network_import

# room code, name, host office, state, LGD codes of the districts it serves (LGD 2022)
DEMO_ROOMS = [
    (
        "dfo-nagpur",
        "MSME-DFO Nagpur control room",
        "MSME-DFO Nagpur",
        "MH",
        [484, 498, 471, 476, 473, 475, 468, 467, 499, 472, 500],  # Vidarbha
    ),
    (
        "dfo-kanpur",
        "MSME-DFO Kanpur control room",
        "MSME-DFO Kanpur",
        "UP",
        [157, 156, 139, 122, 141, 155],
    ),
    (
        "dfo-allahabad",
        "MSME-DFO Prayagraj control room",
        "MSME-DFO Allahabad (Prayagraj)",
        "UP",
        [120, 158, 174, 142],
    ),
    (
        "br-varanasi",
        "Br. MSME-DFO Varanasi control room",
        "Br. MSME-DFO Varanasi",
        "UP",
        [187, 135, 146, 152, 179],
    ),
]


def demo_rooms_csv() -> str:
    lines = ["room_code,room_name,host_office,state,district_lgd_code"]
    for code, name, host, state, districts in DEMO_ROOMS:
        lines += [f"{code},{name},{host},{state},{lgd}" for lgd in districts]
    return "\n".join(lines) + "\n"


def demo_rooms_load(*, actor) -> int:
    """Import the demo rooms once; returns how many districts moved."""
    if room_get_by_code(code=DEMO_ROOMS[0][0]) is not None:
        return 0
    result = network_import(
        actor=actor,
        text=demo_rooms_csv(),
        reason="Demo: rooms in the MSME-DFOs of Nagpur, Kanpur, Prayagraj and Br. Varanasi",
    )
    return result.districts
