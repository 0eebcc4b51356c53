"""Every dashboard table as rows, and as a CSV or XLSX download."""

import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from openpyxl import Workbook

from champions.core import spreadsheets
from champions.triage.choices import Sentiment

from .dashboard import HEADLINE_LABELS, OPEN, OVERDUE
from .panels import SENTIMENTS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _headline(data):
    head = [_("Measure"), _("Today"), _("Day before"), _("Last 7 days"), _("7 days before")]
    head += [_("Last 30 days"), _("30 days before")]
    rows = []
    for item in data["headline"]:
        w = item.windows
        rows.append([str(HEADLINE_LABELS[item.metric]), w["today"].current,
                     w["today"].previous, w["week"].current, w["week"].previous,
                     w["month"].current, w["month"].previous])  # fmt: skip
    backlog = data["backlog"]
    rows += [
        [_("open now"), backlog.open, "", "", "", "", ""],
        [_("overdue (past 21 working days)"), backlog.overdue, "", "", "", "", ""],
    ]
    return head, rows


def _rooms(data):
    head = [_("Control room"), _("Routed"), _("Routed in 3 working days"),
            str(HEADLINE_LABELS["resolved"]), _("Resolved in 21 working days"), str(OPEN),
            str(OVERDUE)]  # fmt: skip
    rows = [[r.name, r.routed, r.routed_in_sla, r.resolved, r.resolved_in_sla, r.open, r.overdue]
            for r in data["rooms"]]  # fmt: skip
    return head, rows


GRIEVANCES = gettext_lazy("Grievances")


def _pairs(key, first, second=GRIEVANCES):
    def build(data):
        return [str(first), str(second)], [list(pair) for pair in key(data)]

    return build


def _states(data):
    head = [_("State code"), _("State"), str(OPEN), str(OVERDUE), _("Registered units"),
            _("Open per lakh units"), _("Overdue %")]  # fmt: skip
    rows = [[t.code, t.name, t.open, t.overdue, t.units, t.per_lakh, t.overdue_percent]
            for t in data["map"]["tiles"]]  # fmt: skip
    return head, rows


def _mood(data):
    head = [_("Day"), *(str(Sentiment(s).label) for s in SENTIMENTS), _("Negative %")]
    rows = [[d.day.isoformat(), *(d.sentiments[s] for s in SENTIMENTS), d.negative_percent]
            for d in data["mood"]["days"]]  # fmt: skip
    return head, rows


def _negative(key, first):
    """Negative texts per category or room: (name, negative, all, percent) rows."""

    def build(data):
        head = [str(first), _("Negative texts"), _("Texts"), _("Negative %")]
        return head, [list(row) for row in key(data)]

    return build


def _scheme_states(data):
    schemes = data["schemes"]
    rows = [list(pair) for pair in schemes["states"]]
    if schemes["unanswered"]:
        rows.append([_("State not answered"), schemes["unanswered"]])
    return [_("State"), _("Checks")], rows


def _growing(data):
    head = [_("Issue"), _("Grievances"), _("Change this week")]
    return head, [list(row) for row in data["growing"]]


def _panels(data):
    """The panels other apps add (CPGRAMS sync, hand-holding cases, assistant chats)."""
    head = [_("Panel"), _("Measure"), _("Value")]
    return head, [[p.title, label, value] for p in data["extra_panels"] for label, value in p.rows]


TABLES = {
    "headline": _headline,
    "rooms": _rooms,
    "ages": _pairs(lambda d: d["backlog"].ages, gettext_lazy("Age in days")),
    "resolution": _pairs(
        lambda d: d["distributions"].resolution, pgettext_lazy("days taken", "Days to resolve")
    ),
    "ratings": _pairs(lambda d: d["distributions"].ratings, gettext_lazy("Rating")),
    "categories": _pairs(
        lambda d: [(label, n) for _v, label, n in d["categories"]], gettext_lazy("Category")
    ),
    "channels": _pairs(
        lambda d: [(label, n) for _v, label, n in d["channels"]], gettext_lazy("Channel")
    ),
    "departments": _pairs(lambda d: d["distributions"].departments, gettext_lazy("Department")),
    "referrals": _pairs(lambda d: d["distributions"].referrals, gettext_lazy("Referred to")),
    "states": _states,
    "mood": _mood,
    "emotions": _pairs(
        lambda d: d["mood"]["emotions"], gettext_lazy("Emotion"), gettext_lazy("Texts")
    ),
    "mood_categories": _negative(lambda d: d["mood"]["categories"], gettext_lazy("Category")),
    "mood_rooms": _negative(lambda d: d["mood_rooms"], gettext_lazy("Control room")),
    "schemes": _pairs(
        lambda d: d["schemes"]["schemes"],
        gettext_lazy("Scheme"),
        gettext_lazy("Checks found eligible"),
    ),
    "scheme_states": _scheme_states,
    "growing": _growing,
    "panels": _panels,
}
# Tables whose figures are not in the cached dashboard figures: the view adds them.
EXTRA_TABLES = ("growing", "panels")


def table_rows(name: str, data: dict) -> tuple[list[str], list[list]]:
    """Header and rows of one dashboard table (KeyError: no such table)."""
    return TABLES[name](data)


def download(name: str, fmt: str, head: list[str], rows: list[list]) -> HttpResponse:
    filename = f"champions-{name}.{fmt}"
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = name[:31]
        spreadsheets.xlsx_append(sheet, head)
        for row in rows:
            spreadsheets.xlsx_append(sheet, row)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = spreadsheets.csv_writer(response)
        writer.writerow(head)
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
