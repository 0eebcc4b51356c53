"""Demo data for the clusters app: a centre's staff, a few service requests, and virtual
clusters drawn from where the registry's units concentrate (district x NIC division), named
"Demo cluster: ..." so that nobody takes them for official clusters. Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from champions.controlrooms.selectors import room_for_district
from champions.core.selectors import district_list, nic_division_names
from champions.registry.selectors import (
    enterprise_brief,
    enterprise_concentrations,
    enterprise_district_ids,
    enterprise_ids_in_group,
)

from .centres import centres_load
from .choices import (
    MembershipStatus,
    NeedKind,
    PostKind,
    RequestKind,
    RequestStatus,
    StakeholderKind,
)
from .models import (
    CentreService,
    CentreStaff,
    Cluster,
    ClusterMembership,
    ClusterNeed,
    ClusterPost,
    ServiceRequest,
    Stakeholder,
    TechnologyCentre,
)

DEMO_CENTRE_SOURCE_ID = 5  # Indo German Tool Room, Aurangabad (Maharashtra)
NEEDS_CYCLE = [
    NeedKind.TESTING_LAB,
    NeedKind.TESTING_LAB,
    NeedKind.COMMON_TOOLING,
    NeedKind.TRAINING,
]


@transaction.atomic
def clusters_demo_load(
    *, staff, coordinator, unit_user, unit_enterprise_ids: list[int]
) -> dict[str, int]:
    centres_load()
    centre = TechnologyCentre.objects.get(source_id=DEMO_CENTRE_SOURCE_ID)
    if staff is not None:
        CentreStaff.objects.update_or_create(user=staff, defaults={"centre": centre})
    requests = _demo_requests(centre, unit_user, unit_enterprise_ids)
    clusters = _demo_clusters(coordinator, unit_enterprise_ids)
    return {"service requests": requests, "clusters": clusters}


def _demo_requests(centre, user, enterprise_ids: list[int]) -> int:
    if (
        user is None
        or not enterprise_ids
        or ServiceRequest.objects.filter(requested_by=user).exists()
    ):
        return 0
    now = timezone.now()
    cnc = CentreService.objects.get(centre=centre, kind="cnc")
    course = CentreService.objects.get(centre=centre, kind="training")
    done = ServiceRequest.objects.create(
        centre=centre,
        service=cnc,
        enterprise_id=enterprise_ids[0],
        requested_by=user,
        kind=RequestKind.JOB,
        note="Demo: 40 flanges machined to drawing FL-20, EN8 steel.",
        quantity=40,
        status=RequestStatus.COMPLETED,
        quote_inr=18000,
        scheduled_for=now.date(),
        staff_note="Demo: done on the VMC, inspected on the CMM.",
        rating=5,
    )
    ServiceRequest.objects.filter(pk=done.pk).update(
        created_at=now - timedelta(days=9),
        quoted_at=now - timedelta(days=8),
        completed_at=now - timedelta(days=2),
    )
    ServiceRequest.objects.create(
        centre=centre,
        service=course,
        enterprise_id=enterprise_ids[0],
        requested_by=user,
        kind=RequestKind.TRAINING_SEAT,
        note="Demo: one seat for our machine operator.",
        quantity=1,
    )
    return 2


def _demo_clusters(coordinator, unit_enterprise_ids: list[int]) -> int:
    """Clusters around the largest district x NIC-division groups of manufacturers, plus one
    around the demo unit's own trade, so that it has a cluster to be suggested."""
    if Cluster.objects.filter(is_demo=True).exists():
        return 0
    districts = {d.pk: d for d in district_list()}
    groups = [
        (g["district_id"], g["nic_prefix"])
        for g in enterprise_concentrations(nic_digits=2, limit=40)
        if "10" <= g["nic_prefix"] <= "33"
    ][:4]
    own = enterprise_brief(enterprise_id=unit_enterprise_ids[0]) if unit_enterprise_ids else None
    if own and own["district_id"] and (own["district_id"], own["nic_prefix"]) not in groups:
        groups.append((own["district_id"], own["nic_prefix"]))
    divisions = nic_division_names()
    for index, (district_id, prefix) in enumerate(groups):
        _demo_cluster(
            coordinator, districts[district_id], prefix, divisions, unit_enterprise_ids, seed=index
        )
    return len(groups)


def _demo_cluster(coordinator, district, nic_prefix, divisions, unit_ids, *, seed) -> Cluster:
    sector = divisions.get(nic_prefix, f"NIC {nic_prefix}")
    cluster = Cluster.objects.create(
        name=f"Demo cluster: {sector}, {district.name}",
        nic_group=nic_prefix,
        description=(
            f"Demo data, not an official cluster: units of NIC division {nic_prefix} around "
            f"{district.name} ({district.state.name}), where the registry's demo units concentrate."
        ),
        coordinator=coordinator,
        is_demo=True,
    )
    cluster.districts.add(district)
    members = enterprise_ids_in_group(state_id=district.state_id, nic_prefix=nic_prefix, limit=14)
    for index, enterprise_id in enumerate(i for i in members if i not in unit_ids):
        ClusterMembership.objects.create(
            cluster=cluster, enterprise_id=enterprise_id, status=MembershipStatus.APPROVED
        )
        need = NEEDS_CYCLE[(index + seed) % len(NEEDS_CYCLE)]
        ClusterNeed.objects.create(cluster=cluster, enterprise_id=enterprise_id, kind=need)
    cluster.districts.add(*enterprise_district_ids(enterprise_ids=members))
    centre = TechnologyCentre.objects.filter(state_id=district.state_id).first()
    room = room_for_district(district_id=district.pk)
    for kind, name, linked in (
        (StakeholderKind.TECHNOLOGY_CENTRE, str(centre) if centre else "", centre),
        (StakeholderKind.BANK, f"SIDBI branch serving {district.name} (demo)", None),
        (StakeholderKind.ASSOCIATION, f"{district.name} industries association (demo)", None),
        (StakeholderKind.CONTROL_ROOM, room.name if room else "", None),
    ):
        if name:
            Stakeholder.objects.create(cluster=cluster, kind=kind, name=name, centre=linked)
    ClusterPost.objects.create(
        cluster=cluster,
        author=coordinator,
        kind=PostKind.EVENT,
        title="Demo: quality circle meeting",
        body="Demo event: members share their testing needs.",
        event_on=timezone.localdate() + timedelta(days=10),
    )
    ClusterPost.objects.create(
        cluster=cluster,
        author=coordinator,
        kind=PostKind.POST,
        title="Demo: members' minutes (members only)",
        body="Demo: private note for members.",
        is_private=True,
    )
    return cluster
