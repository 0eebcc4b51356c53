"""Grievances and suggestions, their timeline, thread, attachments, triage and service levels."""

from .grievance import Grievance, IdempotencyKey, QueueTally, RegistrationCounter
from .service_levels import MAX_SLA_DAYS, Holiday, SlaPolicy
from .thread import TRANSLATED_PARAMS, Attachment, CannedReply, Message, TimelineEntry
from .triage import DuplicateCandidate, GrievanceVector, Triage, TriageOverride

__all__ = [
    "MAX_SLA_DAYS",
    "TRANSLATED_PARAMS",
    "Attachment",
    "CannedReply",
    "DuplicateCandidate",
    "Grievance",
    "GrievanceVector",
    "Holiday",
    "IdempotencyKey",
    "Message",
    "QueueTally",
    "RegistrationCounter",
    "SlaPolicy",
    "TimelineEntry",
    "Triage",
    "TriageOverride",
]
