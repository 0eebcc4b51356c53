from django.db import models
from django.utils.translation import gettext_lazy as _


class ProfileKind(models.TextChoices):
    INDIAN = "indian", _("Indian unit")
    FOREIGN = "foreign", _("Foreign SME")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class PostKind(models.TextChoices):
    BUSINESS_OFFER = "business_offer", _("Business offer")
    BUSINESS_REQUEST = "business_request", _("Business request")
    TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
    RESEARCH = "research", _("Research partnership")
    INVESTMENT = "investment", _("Investment or joint venture")


OFFER_KINDS = frozenset({PostKind.BUSINESS_OFFER, PostKind.TECHNOLOGY_OFFER})
REQUEST_KINDS = frozenset({PostKind.BUSINESS_REQUEST, PostKind.TECHNOLOGY_REQUEST})


class PostStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class IntroductionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    BLOCKED = "blocked", _("Blocked")
