"""What the MSME and officers are told about a grievance, sent through `champions.notifications`.

Each function builds the words and calls `notify`, which records the notification, follows the
recipient's channel preferences, and delivers after commit. An MSME without an account (officer
intake by phone) is reached at the grievance's contact e-mail and mobile number. Every call
carries an idempotency key, so a task that runs twice tells nobody twice.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_emails_with_roles, user_get_by_email
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify

from .models import Grievance, Message, TimelineEntry
from .workflow.table import REOPEN_WINDOW_DAYS, Action


def _link(grievance: Grievance) -> str:
    return reverse("web:grievances:detail", args=[grievance.pk])


def recipient_language(user, *, written_in: str = "") -> str:
    """The language to write to someone in: their preferred one (profile), else the language
    they wrote their grievance in (Hindi, or Hindi in Latin letters), else the site's."""
    preferred = getattr(user, "preferred_language", "") if user is not None else ""
    if preferred:
        return preferred
    if written_in in {"hi", "hinglish"}:
        return "hi"
    return settings.LANGUAGE_CODE


def _msme_language(grievance: Grievance):
    """Compose what the MSME is told in their language (title, body, hence the e-mail and SMS)."""
    return translation.override(
        recipient_language(grievance.complainant, written_in=grievance.language)
    )


def _notify_msme(grievance: Grievance, *, kind: str, title: str, body: str, key: str) -> None:
    notify(
        recipient_user=grievance.complainant,
        email=grievance.contact_email,
        phone=grievance.contact_phone,
        kind=kind,
        title=title,
        body=body,
        link=_link(grievance) if grievance.complainant_id else "",
        idempotency_key=key,
    )


def acknowledgement_send(*, grievance_id: int) -> None:
    grievance = Grievance.objects.select_related("room", "complainant").get(pk=grievance_id)
    with _msme_language(grievance):
        due = grievance.resolution_due_at
        body = _("Your grievance %(number)s has been registered and sent to %(room)s.") % {
            "number": grievance.registration_number,
            "room": grievance.room.name,
        }
        if due:
            body += "\n" + _("Expected resolution by %(date)s.") % {"date": due.date().isoformat()}
        _notify_msme(
            grievance,
            kind=NotificationKind.GRIEVANCE_ACKNOWLEDGED,
            title=_("Grievance %(number)s registered") % {"number": grievance.registration_number},
            body=body,
            key=f"grievance_acknowledged:{grievance.pk}",
        )


def status_change_send(*, grievance_id: int) -> None:
    grievance = Grievance.objects.select_related("complainant").get(pk=grievance_id)
    with _msme_language(grievance):
        # The latest status change names the message: a second run for it sends nothing.
        change = (
            TimelineEntry.objects.filter(grievance=grievance)
            .exclude(to_status="")
            .order_by("-id")
            .values("pk", "action", "note")
            .first()
        )
        number = grievance.registration_number
        if change and change["action"] == Action.REFER and grievance.referred_to:
            title, body = _referral_words(grievance, note=change["note"])
        else:
            status = grievance.get_status_display()
            title = _("Grievance %(number)s: %(status)s") % {"number": number, "status": status}
            body = _("The status of your grievance is now: %(status)s.") % {"status": status}
        _notify_msme(
            grievance,
            kind=NotificationKind.GRIEVANCE_STATUS_CHANGED,
            title=title,
            body=body,
            key=f"grievance_status_changed:{grievance.pk}:{change['pk'] if change else None}",
        )


def _referral_words(grievance: Grievance, *, note: str) -> tuple[str, str]:
    values = {
        "number": grievance.registration_number,
        "organisation": grievance.referred_to,
        "days": REOPEN_WINDOW_DAYS,
    }
    title = _("Grievance %(number)s referred to %(organisation)s") % values
    body = "\n".join(
        [
            _("Your grievance %(number)s is a matter for %(organisation)s and was referred there.")
            % values,
            note,
            _("If this does not settle it, you may reopen the grievance within %(days)s days.")
            % values,
        ]
    )
    return title, body


def _is_merge_notice(message: Message) -> bool:
    """The message `grievance_merge` writes: the first in the thread after the merge."""
    grievance = message.grievance
    if grievance.merged_into_id is None:
        return False
    merged_at = (
        TimelineEntry.objects.filter(grievance=grievance, action="merged")
        .values_list("created_at", flat=True)
        .last()
    )
    if merged_at is None:
        return False
    first_after = (
        Message.objects.filter(grievance=grievance, created_at__gte=merged_at)
        .order_by("created_at", "id")
        .values_list("pk", flat=True)
        .first()
    )
    return first_after == message.pk


def message_send(*, message_id: int) -> None:
    message = Message.objects.select_related(
        "grievance", "grievance__complainant", "grievance__merged_into"
    ).get(pk=message_id)
    grievance = message.grievance
    if message.author_id == grievance.complainant_id:
        return  # the MSME wrote it; officers read it in their queue
    with _msme_language(grievance):
        number = grievance.registration_number
        if _is_merge_notice(message):
            kind = NotificationKind.GRIEVANCE_MERGED
            title = _("Grievance %(number)s merged into %(primary)s") % {
                "number": number,
                "primary": grievance.merged_into.registration_number,
            }
        else:
            kind = NotificationKind.GRIEVANCE_MESSAGE
            title = _("New message on grievance %(number)s") % {"number": number}
        _notify_msme(
            grievance,
            kind=kind,
            title=title,
            body=message.body,
            key=f"grievance_message:{message.pk}",
        )


def escalation_send(*, grievance_id: int, level: int) -> None:
    """Tell the officers who now hold the grievance: the hub, or ministry leadership."""
    grievance = Grievance.objects.get(pk=grievance_id)
    roles = ["hub_officer"] if level == 1 else ["hub_officer", "leadership"]
    for email in user_emails_with_roles(roles=roles):
        officer = user_get_by_email(email=email)
        if officer is None:
            continue
        with translation.override(recipient_language(officer)):
            _escalation_notify(grievance, officer=officer, level=level)


def _escalation_notify(grievance: Grievance, *, officer, level: int) -> None:
    number = grievance.registration_number
    notify(
        recipient_user=officer,
        kind=NotificationKind.GRIEVANCE_ESCALATED,
        title=_("Escalated: grievance %(number)s") % {"number": number},
        body=_("Grievance %(number)s has missed its service level and is escalated.")
        % {"number": number},
        link=_link(grievance),
        idempotency_key=f"grievance_escalated:{grievance.pk}:{level}:{officer.pk}",
    )
