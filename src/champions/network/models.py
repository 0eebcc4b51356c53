"""Profiles of Indian units and foreign SMEs, their match index, partnership posts and
brokered introductions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import IntroductionStatus, PostKind, PostStatus, ProfileKind, ReviewStatus


class Profile(models.Model):
    """What a unit makes, offers and needs. An Indian unit grows from its registry enterprise;
    a foreign SME is reviewed by a hub officer before it can post."""

    kind = models.CharField(max_length=10, choices=ProfileKind.choices)
    enterprise = models.OneToOneField(
        "registry.Enterprise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_profile",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_profiles",
    )
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, db_index=True)
    state = models.ForeignKey(
        "core.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.TextField(_("what you make and offer"), max_length=4000, blank=True)
    needs = models.TextField(_("what you need"), max_length=2000, blank=True)
    hs_codes = models.JSONField(_("products (HS codes)"), default=list, blank=True)
    needs_hs_codes = models.JSONField(_("products needed (HS codes)"), default=list, blank=True)
    nic_codes = models.JSONField(_("industries (NIC codes)"), default=list, blank=True)
    capacity = models.CharField(_("capacity"), max_length=200, blank=True)
    certifications = models.JSONField(_("certifications"), default=list, blank=True)
    export_countries = models.JSONField(_("export countries"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    udyam_number = models.CharField(max_length=19, blank=True)
    udyam_verified_on = models.DateField(null=True, blank=True)
    registration_number = models.CharField(
        _("company registration number"), max_length=60, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    email_verified = models.BooleanField(default=False)
    phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(max_length=500, blank=True)
    trust_card_fields = models.JSONField(default=list, blank=True)
    digest_enabled = models.BooleanField(_("daily e-mail digest of matching posts"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.name


class ProfileTag(models.Model):
    """The match index: one row per code a profile offers (`o6:`/`o4:` HS), needs (`n6:`/`n4:`)
    or works in (`i4:` NIC class), with the country copied so SQL filters both with one index."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=12)
    country = models.CharField(max_length=2)

    class Meta:
        indexes = [
            models.Index(fields=["tag", "country", "profile"], name="network_tag_lookup"),
            # the newest profiles under a tag, any country (`candidates.tag_hits`)
            models.Index(fields=["tag", "-profile"], name="network_tag_newest"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["profile", "tag"], name="network_tag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.profile_id}:{self.tag}"


class ProfileVector(models.Model):
    """The profile's text embedding (float16, 384 values), computed in a task after commit."""

    profile = models.OneToOneField(
        Profile, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    vector = models.BinaryField()
    model = models.CharField(max_length=80)
    text_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"vector of {self.profile_id}"


class Post(models.Model):
    """A partnership post of one of the Enterprise Europe Network kinds."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(_("kind"), max_length=20, choices=PostKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("description"), max_length=4000)
    hs_codes = models.JSONField(_("products (HS codes)"), default=list, blank=True)
    nic_codes = models.JSONField(_("industries (NIC codes)"), default=list, blank=True)
    countries = models.JSONField(_("countries wanted"), default=list, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=PostStatus.choices, default=PostStatus.PENDING)
    reject_reason = models.CharField(max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.title


class PostAlert(models.Model):
    """A published post that matched a profile: shown in-app and collected by the digest."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="alerts")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="alerts")
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "profile"], name="network_alert_unique")
        ]

    def __str__(self) -> str:
        return f"{self.post_id} → {self.profile_id}"


class AbuseReport(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="abuse_reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.reason[:50]


class Introduction(models.Model):
    """A unit's interest in a post: contact details stay hidden until the author accepts."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="introductions")
    from_profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="introductions_sent"
    )
    message = models.TextField(max_length=2000)
    status = models.CharField(
        max_length=10, choices=IntroductionStatus.choices, default=IntroductionStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["post", "from_profile"], name="network_intro_unique")
        ]

    def __str__(self) -> str:
        return f"{self.from_profile_id} → post {self.post_id}"


class IntroductionMessage(models.Model):
    introduction = models.ForeignKey(
        Introduction, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"message {self.pk}"


class SearchTally(models.Model):
    """How many match searches asked for a product heading or an industry on one day, per
    partner country wanted ("" = any) and side (sought = looking for suppliers, offered =
    looking for buyers). Counts only: no user, profile, text or time of day is kept."""

    day = models.DateField()
    code = models.CharField(max_length=9)  # "hs:5205" or "nic:1391"
    country = models.CharField(max_length=2, blank=True)
    side = models.CharField(max_length=8)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "code", "country", "side"], name="network_search_tally_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.code} {self.country or '*'} {self.side}: {self.searches}"
