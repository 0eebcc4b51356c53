"""How wrong the predicted resolution date is, measured on past grievances: each grievance
resolved in the period is forecast as on the day it was lodged, from the grievances resolved
before that day only (the room's load left out: the past load is not kept)."""

from collections import Counter
from datetime import datetime

from ..choices import Kind
from ..models import Grievance
from .clock import working_days_between
from .forecast import resolution_forecast
from .selectors import calendar_for


def forecast_evaluate(*, since: datetime, until: datetime, limit: int = 500) -> dict:
    """Coverage of the range, the midpoint's mean absolute error in working days, and the same
    error for the SLA deadline, over up to `limit` grievances resolved in [since, until)."""
    resolved = (
        Grievance.objects.filter(kind=Kind.GRIEVANCE, resolved_at__gte=since, resolved_at__lt=until)
        .exclude(resolution_due_at=None)
        .order_by("-resolved_at")[:limit]
    )
    inside, errors, sla_errors, bases = 0, [], [], Counter()
    for grievance in resolved:
        calendar = calendar_for(state_id=grievance.state_id)
        actual = working_days_between(
            grievance.lodged_at.date(), grievance.resolved_at.date(), calendar
        )
        forecast = resolution_forecast(grievance, now=grievance.lodged_at, load=False)
        sla_days = working_days_between(
            grievance.lodged_at.date(), grievance.resolution_due_at.date(), calendar
        )
        bases[forecast.basis] += 1
        inside += forecast.low_days <= actual <= forecast.high_days
        errors.append(abs((forecast.low_days + forecast.high_days) / 2 - actual))
        sla_errors.append(abs(sla_days - actual))
    count = len(errors)
    return {
        "grievances": count,
        "inside_range_percent": round(100 * inside / count, 1) if count else None,
        "midpoint_mae_working_days": round(sum(errors) / count, 2) if count else None,
        "sla_deadline_mae_working_days": round(sum(sla_errors) / count, 2) if count else None,
        "bases": dict(bases),
    }
