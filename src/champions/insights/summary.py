"""The weekly summary to leadership: last week's national figures as an HTML e-mail, sent by
the `insights-weekly-summary` periodic job (once per ISO week, however often the job runs)."""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_emails_with_roles

from .dashboard import Filters
from .panels import dashboard_get

SENT_FOR_WEEK = "insights-weekly-summary-{year}-{week}"


def weekly_summary_send(*, today: date | None = None) -> int:
    """Send the summary to every active leadership account; returns how many were sent (0 when
    this week's has gone already)."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    recipients = user_emails_with_roles(roles=["leadership"])
    if not recipients or not cache.add(SENT_FOR_WEEK.format(year=year, week=week), 1, None):
        return 0
    context = {**dashboard_get(Filters(period=7), today=today), "today": today}
    subject = _("Champions: grievances in the week to %(day)s") % {"day": today.isoformat()}
    text = render_to_string("insights/email/weekly_summary.txt", context)
    html = render_to_string("insights/email/weekly_summary.html", context)
    for address in recipients:
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach_alternative(html, "text/html")
        message.send()
    return len(recipients)
