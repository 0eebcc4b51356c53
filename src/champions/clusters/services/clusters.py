"""Writes for virtual clusters: join requests and the coordinator's decision, the feed, needs."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_sees_whole_country
from champions.core.errors import NotFound, ValidationFailed
from champions.registry.selectors import enterprise_get_for_user

from ..choices import MembershipStatus, NeedKind, PostKind
from ..errors import PermissionDenied
from ..models import ClusterMembership, ClusterNeed, ClusterPost
from ..selectors.clusters import (
    cluster_get,
    member_enterprise_ids,
    user_is_coordinator,
    user_is_member,
)
from ..uploads import original_name, upload_check
from .coordinator import coordinator_tell_join_request


@transaction.atomic
def cluster_join_request(*, actor, cluster_id: int, enterprise_id: int) -> ClusterMembership:
    """A unit asks to join; the coordinator approves. Asking twice returns the first request."""
    cluster = cluster_get(cluster_id=cluster_id)
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    membership, created = ClusterMembership.objects.get_or_create(
        cluster=cluster, enterprise=enterprise, defaults={"requested_by": actor}
    )
    if created:
        coordinator_tell_join_request(membership)
    return membership


@transaction.atomic
def membership_decide(*, actor, membership_id: int, approve: bool) -> ClusterMembership:
    membership = (
        ClusterMembership.objects.select_related("cluster").filter(pk=membership_id).first()
    )
    if membership is None:
        raise NotFound(_("No such request."))
    cluster = membership.cluster
    if not (user_is_coordinator(cluster=cluster, user=actor) or user_sees_whole_country(actor)):
        raise PermissionDenied(_("Only the cluster's coordinator decides on members."))
    if membership.status != MembershipStatus.PENDING:
        raise ValidationFailed(
            _("This request is already decided."), errors={"status": [_("Decided.")]}
        )
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.REJECTED
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    return membership


@dataclass(frozen=True)
class PostInput:
    kind: str
    title: str
    body: str = ""
    event_on: date | None = None
    is_private: bool = False


def _post_errors(data: PostInput, upload) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.kind not in PostKind.values:
        errors["kind"] = [_("Choose a kind of post.")]
    if not data.title.strip():
        errors["title"] = [_("Give it a title.")]
    if data.kind == PostKind.EVENT and data.event_on is None:
        errors["event_on"] = [_("An event needs a date.")]
    if data.kind == PostKind.DOCUMENT and upload is None:
        errors["document"] = [_("Attach the document.")]
    return errors


@transaction.atomic
def cluster_post_create(*, actor, cluster_id: int, data: PostInput, upload=None) -> ClusterPost:
    """Members and the coordinator post in the feed; private posts are for members only."""
    cluster = cluster_get(cluster_id=cluster_id)
    if not user_is_member(cluster=cluster, user=actor):
        raise PermissionDenied(_("Only the cluster's members may post."))
    if errors := _post_errors(data, upload):
        raise ValidationFailed(_("Please correct the post."), errors=errors)
    post = ClusterPost(
        cluster=cluster,
        author=actor,
        kind=data.kind,
        title=data.title.strip()[:200],
        body=data.body.strip(),
        event_on=data.event_on,
        is_private=data.is_private,
    )
    if upload is not None:
        content_type, stored_name = upload_check(upload, field="document")
        post.document_name = original_name(upload)
        post.document_type = content_type
        post.document.save(stored_name, upload, save=False)
    post.save()
    return post


@transaction.atomic
def cluster_need_add(*, actor, cluster_id: int, enterprise_id: int, kind: str) -> ClusterNeed:
    """A member unit says it needs a common facility; once per kind."""
    cluster = cluster_get(cluster_id=cluster_id)
    if enterprise_id not in member_enterprise_ids(cluster=cluster, user=actor):
        raise PermissionDenied(_("Only member units state the cluster's needs."))
    if kind not in NeedKind.values:
        raise ValidationFailed(_("Choose a need."), errors={"kind": [_("Choose a need.")]})
    try:
        with transaction.atomic():
            return ClusterNeed.objects.create(
                cluster=cluster, enterprise_id=enterprise_id, kind=kind
            )
    except IntegrityError:
        return ClusterNeed.objects.get(cluster=cluster, enterprise_id=enterprise_id, kind=kind)
