"""The dashboard's schemes panel: eligibility checks counted by the schemes app (anonymous
counts: day, state and sector answered, schemes matched), over the dashboard's period."""

from datetime import date, timedelta

from champions.core.selectors import state_list
from champions.schemes.selectors import CheckStats, eligibility_check_stats

from .dashboard import Filters


def schemes_panel(f: Filters, *, today: date) -> dict:
    """Checks, the most-matched schemes and checks per state. A check carries a state (as
    answered) but no room, category, channel or language, so only the state filter applies;
    a spoke officer sees the country's checks."""
    stats: CheckStats = eligibility_check_stats(
        since=today - timedelta(days=f.period - 1), state=f.state
    )
    names = {s.udyam_code: s.name for s in state_list()}
    return {
        "checks": stats.checks,
        "schemes": stats.schemes,
        "states": [(names.get(code, code), n) for code, n in stats.states if code],
        "unanswered": sum(n for code, n in stats.states if not code),
    }
