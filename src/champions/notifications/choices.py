"""Kinds of notification, the channels that carry them, and the defaults users start with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    GRIEVANCE_ACKNOWLEDGED = "grievance_acknowledged", _("A grievance is registered")
    GRIEVANCE_STATUS_CHANGED = "grievance_status_changed", _("A grievance changes status")
    GRIEVANCE_MESSAGE = "grievance_message", _("A new message on a grievance")
    GRIEVANCE_ESCALATED = "grievance_escalated", _("A grievance is escalated")
    GRIEVANCE_MERGED = "grievance_merged", _("A grievance is merged into another")
    COMPLIANCE_DUE = "compliance_due", _("A compliance due date is near")
    NETWORK_MATCH = "network_match", _("A new partnership post matches your profile")
    NETWORK_DIGEST = "network_digest", _("Daily digest of matching partnership posts")
    SERVICE_REQUEST_UPDATED = "service_request_updated", _("A technology centre answers a request")
    OPPORTUNITY_MATCHED = "opportunity_matched", _("A new opportunity matches your unit")
    CLUSTER_JOIN_REQUESTED = "cluster_join_requested", _("A unit asks to join your cluster")
    CASE_STEP_ASSIGNED = "case_step_assigned", _("A hand-holding step is given to you")
    CASE_STEP_DUE = "case_step_due", _("A hand-holding step or case is due or overdue")


class ChannelName(models.TextChoices):
    IN_APP = "in_app", _("On this site")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


_ALL = frozenset(ChannelName.values)
_NO_SMS = frozenset({ChannelName.IN_APP, ChannelName.EMAIL})

# What a user gets before saving preferences, and what a contact without an account gets
# (minus in-app). SMS only for the two messages an MSME who phoned in must not miss.
DEFAULT_CHANNELS: dict[str, frozenset[str]] = {
    NotificationKind.GRIEVANCE_ACKNOWLEDGED: _ALL,
    NotificationKind.GRIEVANCE_STATUS_CHANGED: _ALL,
    NotificationKind.GRIEVANCE_MESSAGE: _NO_SMS,
    NotificationKind.GRIEVANCE_ESCALATED: _NO_SMS,
    NotificationKind.GRIEVANCE_MERGED: _NO_SMS,
    NotificationKind.COMPLIANCE_DUE: _NO_SMS,
    NotificationKind.NETWORK_MATCH: frozenset({ChannelName.IN_APP}),
    NotificationKind.NETWORK_DIGEST: frozenset({ChannelName.EMAIL}),
    NotificationKind.SERVICE_REQUEST_UPDATED: _NO_SMS,
    NotificationKind.OPPORTUNITY_MATCHED: _NO_SMS,
    NotificationKind.CLUSTER_JOIN_REQUESTED: _NO_SMS,
    NotificationKind.CASE_STEP_ASSIGNED: _NO_SMS,
    NotificationKind.CASE_STEP_DUE: _NO_SMS,
}
