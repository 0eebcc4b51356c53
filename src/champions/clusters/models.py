"""Technology centres and their services, service requests, and virtual clusters."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import (
    CentreKind,
    MembershipStatus,
    NeedKind,
    PostKind,
    RequestKind,
    RequestStatus,
    ServiceKind,
    StakeholderKind,
)

USER = settings.AUTH_USER_MODEL


class TechnologyCentre(models.Model):
    """An MSME technology centre or tool room, loaded from data/msme_technology_centres.csv."""

    source_id = models.PositiveIntegerField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    city = models.CharField(_("city"), max_length=100)
    state = models.ForeignKey(
        "core.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=20, choices=CentreKind.choices)
    programme = models.CharField(_("programme"), max_length=200)
    status = models.CharField(_("status"), max_length=120)
    sector_focus = models.CharField(_("sector focus"), max_length=300)
    source = models.CharField(_("source"), max_length=300)
    confidence = models.CharField(_("confidence"), max_length=60)

    class Meta:
        ordering = ["state__name", "city", "short_name"]

    def __str__(self) -> str:
        return f"{self.short_name}, {self.city}"

    @property
    def is_located(self) -> bool:
        return self.state_id is not None


class CentreService(models.Model):
    """A service a centre offers, with an indicative (demo) price."""

    centre = models.ForeignKey(TechnologyCentre, on_delete=models.CASCADE, related_name="services")
    kind = models.CharField(_("service"), max_length=20, choices=ServiceKind.choices)
    name = models.CharField(_("name"), max_length=150)
    unit = models.CharField(_("priced per"), max_length=60)
    indicative_price_inr = models.PositiveIntegerField(_("indicative price (₹)"))

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "name"], name="one_centre_service_per_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.centre.short_name}: {self.name}"


class CentreStaff(models.Model):
    """A user with the centre_staff role works at exactly one centre."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="centre_staff")
    centre = models.ForeignKey(TechnologyCentre, on_delete=models.CASCADE, related_name="staff")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.centre_id}"


class ServiceRequest(models.Model):
    """A unit's request for a job or a training seat at a centre, and its way to completion."""

    centre = models.ForeignKey(TechnologyCentre, on_delete=models.PROTECT, related_name="requests")
    service = models.ForeignKey(CentreService, on_delete=models.PROTECT, related_name="requests")
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("request"), max_length=15, choices=RequestKind.choices)
    note = models.TextField(_("what you need"))
    quantity = models.PositiveIntegerField(_("quantity or seats"), default=1)
    attachment = models.FileField(upload_to="service_requests/", blank=True)
    attachment_name = models.CharField(max_length=255, blank=True)
    attachment_type = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    quote_inr = models.PositiveIntegerField(_("quoted price (₹)"), null=True, blank=True)
    staff_note = models.TextField(_("note from the centre"), blank=True)
    scheduled_for = models.DateField(_("scheduled for"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_note = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    quoted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["centre", "status"])]

    def __str__(self) -> str:
        return f"Request {self.pk} to {self.centre_id}"


class Cluster(models.Model):
    """A virtual cluster: units of one sector in a home region that may span states."""

    name = models.CharField(_("name"), max_length=200)
    nic_group = models.CharField(
        _("NIC group"), max_length=5, help_text=_("Two to five digits of NIC-2008.")
    )
    description = models.TextField(_("description"), blank=True)
    districts = models.ManyToManyField("core.District", related_name="+", blank=True)
    coordinator = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClusterMembership(models.Model):
    """A unit's membership of a cluster, approved by the coordinator."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "enterprise"], name="one_cluster_membership_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} in {self.cluster_id}: {self.status}"


class Stakeholder(models.Model):
    """An institution around a cluster: research, bank, centre, association, control room."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="stakeholders")
    kind = models.CharField(max_length=20, choices=StakeholderKind.choices)
    name = models.CharField(_("name"), max_length=200)
    centre = models.ForeignKey(
        TechnologyCentre, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class ClusterPost(models.Model):
    """A post, event, document or question in a cluster's feed."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=PostKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    event_on = models.DateField(_("date of the event"), null=True, blank=True)
    document = models.FileField(upload_to="cluster_documents/", blank=True)
    document_name = models.CharField(max_length=255, blank=True)
    document_type = models.CharField(max_length=40, blank=True)
    is_private = models.BooleanField(_("members only"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ClusterNeed(models.Model):
    """One member's stated need for a common facility; the cluster sums them."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="needs")
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=NeedKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "enterprise", "kind"], name="one_cluster_need_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.kind}"
