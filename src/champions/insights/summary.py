"""The weekly summary to leadership: last week's national figures as an HTML e-mail, sent by
the `insights-weekly-summary` periodic job (once per ISO week, however often the job runs)."""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_emails_and_languages_with_roles

from .dashboard import Filters
from .panels import dashboard_get

SENT_FOR_WEEK = "insights-weekly-summary-{year}-{week}"


def weekly_summary_send(*, today: date | None = None) -> int:
    """Send the summary to every active leadership account, each in its preferred language
    (else the site's), numbers grouped in lakhs and crores; returns how many were sent (0 when
    this week's has gone already). A failed send frees the week, so the next run retries."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    recipients = user_emails_and_languages_with_roles(roles=["leadership"])
    sent_key = SENT_FOR_WEEK.format(year=year, week=week)
    if not recipients or not cache.add(sent_key, 1, None):
        return 0
    by_language: dict[str, list[str]] = {}
    for address, language in recipients:
        by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(address)
    try:
        for language, addresses in by_language.items():
            with translation.override(language):
                _send(addresses, today=today)
    except Exception:
        cache.delete(sent_key)
        raise
    return len(recipients)


def _send(addresses: list[str], *, today: date) -> None:
    """The summary in the active language (labels are translated as the figures are read)."""
    context = {**dashboard_get(Filters(period=7), today=today), "today": today}
    day = formats.date_format(today, "DATE_FORMAT")
    subject = _("Champions: grievances in the week to %(day)s") % {"day": day}
    text = render_to_string("insights/email/weekly_summary.txt", context)
    html = render_to_string("insights/email/weekly_summary.html", context)
    for address in addresses:
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach_alternative(html, "text/html")
        message.send()
