"""Reads for virtual clusters: lists, membership, the feed (private posts for members only),
suggestions for a unit, and members' common needs with the schemes that fund them."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from champions.accounts.selectors import user_sees_whole_country
from champions.core.errors import NotFound
from champions.schemes.selectors import eligibility_check

from ..choices import NEED_SCHEMES, MembershipStatus, NeedKind
from ..models import Cluster, ClusterMembership, ClusterNeed, ClusterPost

APPROVED = MembershipStatus.APPROVED
# NIC divisions that buy from or sell to each other (a supply chain), both ways.
SUPPLY_CHAIN = {
    "13": {"14", "15"},
    "14": {"13"},
    "15": {"13", "14"},
    "22": {"29", "26"},
    "24": {"25"},
    "25": {"24", "28", "29"},
    "26": {"27", "22"},
    "27": {"26", "28"},
    "28": {"25", "27", "29"},
    "29": {"25", "28", "22"},
    "10": {"11"},
    "11": {"10"},
}


def cluster_list() -> QuerySet[Cluster]:
    return Cluster.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=APPROVED), distinct=True)
    ).order_by("name")


def cluster_get(*, cluster_id: int) -> Cluster:
    cluster = (
        cluster_list()
        .prefetch_related("districts__state", "stakeholders")
        .filter(pk=cluster_id)
        .first()
    )
    if cluster is None:
        raise NotFound(_("No such cluster."))
    return cluster


def member_enterprise_ids(*, cluster: Cluster, user) -> set[int]:
    """The user's enterprises that are approved members of the cluster."""
    if not user.is_authenticated:
        return set()
    return set(
        ClusterMembership.objects.filter(
            cluster=cluster, status=APPROVED, enterprise__representatives=user
        ).values_list("enterprise_id", flat=True)
    )


def user_is_member(*, cluster: Cluster, user) -> bool:
    if not user.is_authenticated:
        return False
    return cluster.coordinator_id == user.pk or bool(
        member_enterprise_ids(cluster=cluster, user=user)
    )


def user_is_coordinator(*, cluster: Cluster, user) -> bool:
    return bool(user.is_authenticated and cluster.coordinator_id == user.pk)


def cluster_feed(*, cluster: Cluster, user) -> QuerySet[ClusterPost]:
    qs = cluster.posts.select_related("author")
    return qs if user_is_member(cluster=cluster, user=user) else qs.filter(is_private=False)


def cluster_post_get_for_user(*, user, post_id: int) -> ClusterPost:
    """A post (for its document); a private one only for the cluster's members, else 404."""
    post = ClusterPost.objects.select_related("cluster").filter(pk=post_id).first()
    if post is None or (post.is_private and not user_is_member(cluster=post.cluster, user=user)):
        raise NotFound(_("No such document."))
    return post


def memberships_pending(*, cluster: Cluster, user) -> list[ClusterMembership]:
    if not (user_is_coordinator(cluster=cluster, user=user) or user_sees_whole_country(user)):
        return []
    return list(
        cluster.memberships.filter(status=MembershipStatus.PENDING).select_related("enterprise")
    )


def cluster_members(*, cluster: Cluster) -> list[ClusterMembership]:
    return list(
        cluster.memberships.filter(status=APPROVED).select_related("enterprise__district")[:200]
    )


def user_memberships(*, cluster: Cluster, user) -> dict[int, str]:
    """enterprise id → membership status for the user's own enterprises in this cluster."""
    if not user.is_authenticated:
        return {}
    return dict(
        ClusterMembership.objects.filter(
            cluster=cluster, enterprise__representatives=user
        ).values_list("enterprise_id", "status")
    )


@dataclass(frozen=True)
class Suggestion:
    cluster: Cluster
    score: int
    reasons: list[str]


def cluster_suggestions(*, enterprise, limit: int = 5) -> list[Suggestion]:
    """Clusters a unit might join: same NIC group, same district or state, or a supply chain."""
    nic = enterprise.primary_nic or ""
    joined = set(
        ClusterMembership.objects.filter(enterprise=enterprise).values_list("cluster_id", flat=True)
    )
    suggestions = []
    for cluster in cluster_list().prefetch_related("districts"):
        if cluster.pk in joined:
            continue
        score, reasons = _fit(cluster, nic=nic, enterprise=enterprise)
        if score:
            suggestions.append(Suggestion(cluster, score, reasons))
    suggestions.sort(key=lambda s: (-s.score, s.cluster.name))
    return suggestions[:limit]


def _fit(cluster: Cluster, *, nic: str, enterprise) -> tuple[int, list[str]]:
    score, reasons = 0, []
    group = cluster.nic_group
    if nic and nic.startswith(group):
        score += 3
        reasons.append(_("Same NIC group (%(code)s)") % {"code": group})
    elif nic[:2] in SUPPLY_CHAIN.get(group[:2], set()):
        score += 1
        reasons.append(_("Linked by the supply chain (NIC %(code)s)") % {"code": group[:2]})
    if not score:
        return 0, []
    districts = list(cluster.districts.all())
    if any(d.pk == enterprise.district_id for d in districts):
        score += 2
        reasons.append(_("In your district"))
    elif any(d.state_id == enterprise.state_id for d in districts):
        score += 1
        reasons.append(_("In your state"))
    return score, reasons


@dataclass(frozen=True)
class CommonNeed:
    kind: str
    label: StrOrPromise
    count: int
    schemes: list  # eligibility results of the schemes that fund it, for a cluster SPV


def cluster_common_needs(*, cluster: Cluster) -> list[CommonNeed]:
    """Members' needs summed ("12 units want a shared testing lab") and, for each, the schemes
    that fund such a facility as the eligibility engine sees a cluster SPV applying."""
    counts = (
        ClusterNeed.objects.filter(cluster=cluster)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    if not counts:
        return []
    results = {r.scheme_id: r for r in eligibility_check(profile={"applicant_type": "spv"}).results}
    labels = dict(NeedKind.choices)
    return [
        CommonNeed(
            kind=row["kind"],
            label=labels[row["kind"]],
            count=row["n"],
            schemes=[results[s] for s in NEED_SCHEMES[row["kind"]] if s in results],
        )
        for row in counts
    ]


def cluster_activity_by_enterprise(*, enterprise_ids: list[int]) -> dict[int, int]:
    """For the sparks score: approved memberships plus stated common needs, per enterprise."""
    activity: dict[int, int] = {}
    for model, extra in ((ClusterMembership, {"status": APPROVED}), (ClusterNeed, {})):
        rows = (
            model.objects.filter(enterprise_id__in=enterprise_ids, **extra)
            .values("enterprise_id")
            .annotate(n=Count("id"))
        )
        for row in rows:
            activity[row["enterprise_id"]] = activity.get(row["enterprise_id"], 0) + row["n"]
    return activity
