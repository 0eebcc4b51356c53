"""Messages to the MSME about their grievance, by e-mail (console backend by default).

A fuller notification layer (in-app, SMS, preferences) is planned; these functions are the
seam it will replace.
"""

from django.core.mail import send_mail
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_emails_with_roles

from .models import Grievance, Message


def _send(grievance: Grievance, subject: str, body: str) -> None:
    if grievance.contact_email:
        send_mail(subject, body, None, [grievance.contact_email])


def acknowledgement_send(*, grievance_id: int) -> None:
    grievance = Grievance.objects.select_related("room").get(pk=grievance_id)
    due = grievance.resolution_due_at
    body = _("Your grievance %(number)s has been registered and sent to %(room)s.") % {
        "number": grievance.registration_number,
        "room": grievance.room.name,
    }
    if due:
        body += "\n" + _("Expected resolution by %(date)s.") % {"date": due.date().isoformat()}
    _send(
        grievance,
        _("Grievance %(number)s registered") % {"number": grievance.registration_number},
        body,
    )


def status_change_send(*, grievance_id: int) -> None:
    grievance = Grievance.objects.get(pk=grievance_id)
    _send(
        grievance,
        _("Grievance %(number)s: %(status)s")
        % {"number": grievance.registration_number, "status": grievance.get_status_display()},
        _("The status of your grievance is now: %(status)s.")
        % {"status": grievance.get_status_display()},
    )


def message_send(*, message_id: int) -> None:
    message = Message.objects.select_related("grievance", "author").get(pk=message_id)
    grievance = message.grievance
    if message.author_id == grievance.complainant_id:
        return  # the MSME wrote it; officers read it in their queue
    _send(
        grievance,
        _("New message on grievance %(number)s") % {"number": grievance.registration_number},
        message.body,
    )


def escalation_send(*, grievance_id: int, level: int) -> None:
    """Tell the officers who now hold the grievance: the hub, or ministry leadership."""
    grievance = Grievance.objects.get(pk=grievance_id)
    roles = ["hub_officer"] if level == 1 else ["hub_officer", "leadership"]
    recipients = user_emails_with_roles(roles=roles)
    if recipients:
        send_mail(
            _("Escalated: grievance %(number)s") % {"number": grievance.registration_number},
            _("Grievance %(number)s has missed its service level and is escalated.")
            % {"number": grievance.registration_number},
            None,
            recipients,
        )
