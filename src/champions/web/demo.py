"""Demo data for `make run`: one login per role and a few hundred enterprises. Idempotent."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from champions.accounts.choices import OFFICER_ROLES
from champions.accounts.selectors import totp_code_now, user_get_by_email
from champions.accounts.services import user_create, user_totp_set
from champions.cases.demo import cases_demo_load
from champions.clusters.demo import clusters_demo_load
from champions.controlrooms.selectors import room_get_by_code
from champions.core.selectors import reference_index_build
from champions.gem.demo import gem_demo_load
from champions.grievances.demo import DEMO_GRIEVANCES, DemoEnterprise, demo_grievances_load
from champions.insights.services import rollups_rebuild
from champions.network.demo import FOREIGN_DEMO_EMAIL, network_demo_load
from champions.networkadmin.demo import demo_rooms_load
from champions.opportunities.demo import opportunities_demo_load
from champions.registry.selectors import enterprise_list_for_user
from champions.registry.services import enterprise_representative_add, enterprises_bulk_insert
from champions.registry.synthetic import synthetic_enterprises
from champions.roomnet.demo import roomnet_demo_load
from champions.samadhaan.demo import samadhaan_demo_load
from champions.sop.demo import sop_demo_load
from champions.udyam.demo import udyam_demo_load

DEMO_PASSWORD = "champions-demo-2026"  # noqa: S105 - printed for the demo on purpose
DEMO_ENTERPRISES = 300
# Officers, leadership and the administrator must use a second factor (accounts/mfa.py). The
# demo's accounts share this published TOTP secret: add it to any authenticator app, or read
# the current code from `champions demo_logins`. Demo data only: never load it in production.
DEMO_TOTP_SECRET = "CHAMPIONSDEMOTOTPKEYFORMAKERUNXX"  # noqa: S105 - published on purpose

# (e-mail, full name, role, control room code or None, is staff)
DEMO_USERS = [
    ("entrepreneur@demo.champions.in", "Sunita Patil", "entrepreneur", None, False),
    ("spoke.mh@demo.champions.in", "Rahul Deshmukh", "spoke_officer", "spoke-mh", False),
    ("hub@demo.champions.in", "Anil Verma", "hub_officer", "hub-new-delhi", False),
    ("leadership@demo.champions.in", "Meera Iyer", "leadership", None, False),
    ("analyst@demo.champions.in", "Karan Mehta", "analyst", None, False),
    ("admin@demo.champions.in", "Site Administrator", "administrator", "hub-new-delhi", True),
    ("appellate@demo.champions.in", "Justice (retd.) Kavita Rao", "appellate_officer", None, False),
    (FOREIGN_DEMO_EMAIL, "Jana Keller (Strickwerk GmbH)", "entrepreneur", None, False),
    ("centre@demo.champions.in", "Prakash Kulkarni", "centre_staff", None, False),
]


@transaction.atomic
def demo_data_load() -> dict[str, int]:
    created_users = 0
    for email, name, role, room_code, is_staff in DEMO_USERS:
        if user_get_by_email(email=email) is not None:
            continue
        room = room_get_by_code(code=room_code) if room_code else None
        user = user_create(
            email=email,
            password=DEMO_PASSWORD,
            role=role,
            full_name=name,
            control_room_id=room.pk if room else None,
            is_staff=is_staff,
            is_superuser=is_staff,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        created_users += 1
    for email, _name, role, _room, is_staff in DEMO_USERS:
        if role in OFFICER_ROLES or is_staff:
            user_totp_set(user=user_get_by_email(email=email), secret=DEMO_TOTP_SECRET)
    ref = reference_index_build()
    rows = list(
        synthetic_enterprises(
            DEMO_ENTERPRISES, ref=ref, seed=2026, start_serial=1, on=timezone.localdate()
        )
    )
    inserted = enterprises_bulk_insert(enterprises=rows)
    entrepreneur = user_get_by_email(email=DEMO_USERS[0][0])
    for enterprise in rows[:3]:
        enterprise_representative_add(udyam_number=enterprise.udyam_number, user=entrepreneur)
    demo_rooms_load(actor=user_get_by_email(email="hub@demo.champions.in"))
    network = network_demo_load(
        officer=user_get_by_email(email="hub@demo.champions.in"),
        entrepreneur=entrepreneur,
        foreign_user=user_get_by_email(email=FOREIGN_DEMO_EMAIL),
        enterprise_id=_first_enterprise_id(entrepreneur),
    )
    extras_demo_load(unit_user=entrepreneur)
    return {"users": created_users, "enterprises": inserted, "partners": network["profiles"]}


def _first_enterprise_id(user) -> int | None:
    first = enterprise_list_for_user(user=user).order_by("id").first()
    return first.pk if first else None


def extras_demo_load(*, unit_user) -> None:
    """Technology centres, service requests and clusters (each loader is idempotent)."""
    unit_ids = sorted(e.pk for e in enterprise_list_for_user(user=unit_user))
    staff, hub = (
        user_get_by_email(email=e) for e in ("centre@demo.champions.in", "hub@demo.champions.in")
    )
    opportunities_demo_load(officer=hub, unit_user=unit_user)
    cases_demo_load(officer=hub, unit_user=unit_user)
    udyam_demo_load()
    gem_demo_load(officer=hub, unit_user=unit_user)
    sop_demo_load(officer=user_get_by_email(email="spoke.mh@demo.champions.in"))
    clusters_demo_load(
        staff=staff, coordinator=hub, unit_user=unit_user, unit_enterprise_ids=unit_ids
    )


def demo_grievances(*, count: int = DEMO_GRIEVANCES) -> int:
    """A year of demo grievances about the demo enterprises (so spread across states as the
    registered units are), then the dashboards' rollups rebuilt. Adds only what is missing."""
    hub = user_get_by_email(email="hub@demo.champions.in")
    spoke = user_get_by_email(email="spoke.mh@demo.champions.in")
    if hub is None:
        return 0
    enterprises = [
        DemoEnterprise(*row)
        for row in enterprise_list_for_user(user=hub)
        .order_by("pk")
        .values_list("pk", "district_id", "state_id", "state__udyam_code")
    ]
    officers = {hub.control_room_id: hub.pk}
    if spoke is not None:
        officers[spoke.control_room_id] = spoke.pk
    appellate = user_get_by_email(email="appellate@demo.champions.in")
    added = demo_grievances_load(
        count=count,
        enterprises=enterprises,
        officers=officers,
        appellate_id=appellate.pk if appellate else None,
    )
    samadhaan_demo_load(officer=spoke or hub)
    roomnet_demo_load(hub=hub, spoke=spoke)
    if added:
        rollups_rebuild()
    return added


def demo_data_is_loaded() -> bool:
    return all(user_get_by_email(email=email) is not None for email, *_rest in DEMO_USERS)


def demo_logins() -> list[tuple[str, str, str]]:
    return [(role, email, DEMO_PASSWORD) for email, _n, role, _r, _s in DEMO_USERS]


def demo_totp() -> tuple[str, str, list[str]]:
    """(the demo's TOTP secret, the code valid now, the roles that are asked for it)."""
    roles = [role for _e, _n, role, _r, is_staff in DEMO_USERS if role in OFFICER_ROLES or is_staff]
    return DEMO_TOTP_SECRET, totp_code_now(DEMO_TOTP_SECRET), roles
