"""What a cluster's coordinator is told: a unit asks to join (in-app and e-mail, through the
notifications app, in the coordinator's language)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify

from ..models import ClusterMembership


def coordinator_tell_join_request(membership: ClusterMembership) -> None:
    """Once per request (the key); nothing when the cluster has no coordinator."""
    coordinator = membership.cluster.coordinator
    if coordinator is None:
        return
    language = coordinator.preferred_language or translation.get_language()
    with translation.override(language):
        _notify(membership, coordinator)


def _notify(membership: ClusterMembership, coordinator) -> None:
    cluster = membership.cluster
    notify(
        recipient_user=coordinator,
        kind=NotificationKind.CLUSTER_JOIN_REQUESTED,
        title=_("%(unit)s asks to join %(cluster)s")
        % {"unit": membership.enterprise.name, "cluster": cluster.name},
        body=_("Approve or decline the request on the cluster's page."),
        link=reverse("web:clusters:cluster_detail", args=[cluster.pk]),
        idempotency_key=f"cluster-join-{membership.pk}",
    )
