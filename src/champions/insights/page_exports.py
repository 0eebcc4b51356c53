"""The AI register's and the systemic issues' tables as rows, for their CSV and XLSX downloads
(exports.download writes them): the same figures as the pages, labels in the reader's language,
dates as ISO dates so that a spreadsheet reads them as dates."""

from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors


def _blank(value):
    """An empty cell for "none" (the page's dash)."""
    return "" if value is None else value


def _models(user, params):
    head = [_("Model"), _("Version"), _("Trained on"), _("Training rows"), _("Labels"),
            _("Training data"), _("Evaluation")]  # fmt: skip
    rows = []
    for m in selectors.model_register()["models"]:
        sources = "; ".join(f"{source}: {count}" for source, count in m.sources)
        scores = "; ".join(f"{name}: {value}" for name, value in m.scores)
        rows.append([m.name, m.version, m.trained_at, _blank(m.rows), _blank(m.classes), sources,
                     scores])  # fmt: skip
    return head, rows


def _decisions(user, params):
    head = [_("Suggestion"), _("Accepted"), _("Overridden"), _("Override rate %")]
    rows = [
        [str(row["label"]), row["accepted"], row["overridden"], _blank(row["percent"])]
        for row in selectors.decision_totals()
    ]
    return head, rows


def _rates(user, params):
    """The override-rate table, a row per category suggested and period (week or month, as
    the page's `period`), then the rows of all categories."""
    period = params.get("period", "week")
    starts, rows, overall = selectors.override_rate_table(
        period=period if period in selectors.PERIODS else "week"
    )
    head = [_("Category suggested"), _("Period from"), _("Suggested"), _("Overridden"),
            _("Override rate %")]  # fmt: skip
    out = []
    for label, cells in [(row.label, row.cells) for row in rows] + [
        (_("All categories"), overall.cells)
    ]:
        for start, cell in zip(starts, cells, strict=True):
            out.append(
                [label, start.isoformat(), cell.triaged, cell.overridden, _blank(cell.percent)]
            )
    return head, out


def _day(moment) -> str:
    return timezone.localdate(moment).isoformat()


def _issues(user, params):
    head = [_("Issue"), _("Grievances"), _("MSMEs"), _("First"), _("Latest"),
            _("Change this week")]  # fmt: skip
    rows = []
    for view in selectors.systemic_cluster_list(user=user):
        c = view.cluster
        rows.append([c.label, c.size, c.msme_count, _day(c.first_seen), _day(c.last_seen),
                     view.growth])  # fmt: skip
    return head, rows


def _issue_weeks(user, params):
    head = [_("Issue"), _("Week of"), _("Grievances")]
    rows = [
        [v.cluster.label, start.isoformat(), count]
        for v in selectors.systemic_cluster_list(user=user)
        for start, count in v.weeks
    ]
    return head, rows


TABLES = {
    "ai": {"models": _models, "decisions": _decisions, "rates": _rates},
    "systemic": {"issues": _issues, "weeks": _issue_weeks},
}
