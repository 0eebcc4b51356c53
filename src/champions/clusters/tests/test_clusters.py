"""Virtual clusters: suggestions, join/approve, needs summed and linked to the funding scheme."""

import pytest

from champions.clusters import selectors, services
from champions.clusters.errors import PermissionDenied
from champions.clusters.models import ClusterMembership, ClusterNeed
from champions.core.models import District
from champions.registry.tests.factories import mh_pune

from .factories import cluster, unit

pytestmark = pytest.mark.django_db


def _approved(entrepreneur, coordinator, made, **overrides):
    enterprise = unit(entrepreneur, **overrides)
    membership = services.cluster_join_request(
        actor=entrepreneur, cluster_id=made.pk, enterprise_id=enterprise.pk
    )
    services.membership_decide(actor=coordinator, membership_id=membership.pk, approve=True)
    return enterprise


def test_suggestions_rank_same_group_nearby_first(entrepreneur, hub_officer):
    _state, pune = mh_pune()
    nagpur = District.objects.get(state=pune.state, name="Nagpur")
    enterprise = unit(entrepreneur)  # NIC 25932, Pune
    here = cluster(hub_officer, nic_group="259", districts=[pune], name="Here")
    state = cluster(hub_officer, nic_group="259", districts=[nagpur], name="Same state")
    chain = cluster(hub_officer, nic_group="28", districts=[pune], name="Machinery")
    cluster(hub_officer, nic_group="10", districts=[pune], name="Food")
    found = selectors.cluster_suggestions(enterprise=enterprise)
    assert [(s.cluster, s.score) for s in found] == [(here, 5), (state, 4), (chain, 3)]
    assert found[0].reasons == ["Same NIC group (259)", "In your district"]
    assert found[2].reasons == ["Linked by the supply chain (NIC 28)", "In your district"]


def test_only_members_state_needs_and_needs_link_to_mse_cdp(
    entrepreneur, other_entrepreneur, hub_officer
):
    from champions.schemes.services import catalogue_load

    catalogue_load()
    made = cluster(hub_officer)
    first = _approved(entrepreneur, hub_officer, made)
    second = _approved(other_entrepreneur, hub_officer, made, udyam_number="UDYAM-MH-26-0099999")
    for actor, enterprise in ((entrepreneur, first), (other_entrepreneur, second)):
        services.cluster_need_add(
            actor=actor, cluster_id=made.pk, enterprise_id=enterprise.pk, kind="testing_lab"
        )
    with pytest.raises(PermissionDenied):
        services.cluster_need_add(
            actor=entrepreneur, cluster_id=made.pk, enterprise_id=second.pk, kind="training"
        )
    [need] = selectors.cluster_common_needs(cluster=made)
    assert (need.kind, need.count) == ("testing_lab", 2)
    assert [(r.scheme_id, r.status) for r in need.schemes] == [("mse_cdp", "eligible")]


def test_coordinator_alone_decides_and_rejection_keeps_out(
    entrepreneur, other_entrepreneur, hub_officer
):
    made = cluster(hub_officer)
    enterprise = unit(entrepreneur)
    membership = services.cluster_join_request(
        actor=entrepreneur, cluster_id=made.pk, enterprise_id=enterprise.pk
    )
    with pytest.raises(PermissionDenied):
        services.membership_decide(
            actor=other_entrepreneur, membership_id=membership.pk, approve=True
        )
    services.membership_decide(actor=hub_officer, membership_id=membership.pk, approve=False)
    assert selectors.user_is_member(cluster=made, user=entrepreneur) is False
    assert ClusterMembership.objects.get().status == "rejected"
    assert ClusterNeed.objects.count() == 0


def test_coordinator_is_notified_once_of_a_join_request(
    entrepreneur, hub_officer, django_capture_on_commit_callbacks
):
    from champions.notifications.selectors import notification_list_for_user

    made = cluster(hub_officer, name="Pune forgings")
    enterprise = unit(entrepreneur)
    for _ in range(2):  # asking twice returns the first request and tells nobody again
        with django_capture_on_commit_callbacks(execute=True):
            services.cluster_join_request(
                actor=entrepreneur, cluster_id=made.pk, enterprise_id=enterprise.pk
            )
    [note] = notification_list_for_user(user=hub_officer)
    assert note.kind == "cluster_join_requested"
    assert note.title == f"{enterprise.name} asks to join Pune forgings"
    assert note.link == f"/clusters/{made.pk}/"
    assert list(notification_list_for_user(user=entrepreneur)) == []


def test_no_notification_without_a_coordinator(entrepreneur, hub_officer):
    from champions.notifications.selectors import notification_list_for_user

    made = cluster(None)
    enterprise = unit(entrepreneur)
    services.cluster_join_request(
        actor=entrepreneur, cluster_id=made.pk, enterprise_id=enterprise.pk
    )
    assert list(notification_list_for_user(user=hub_officer)) == []
