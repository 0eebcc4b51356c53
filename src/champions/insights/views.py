"""The hub's insight pages: the AI register and the systemic issues."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import charts, selectors


def insights_required(view):
    """Hub officers, leadership, administrators and analysts; to anyone else no such page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.user_sees_insights(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


@insights_required
@require_GET
def ai_register_view(request):
    """Each model's version, data, date and figures, and how often officers override it."""
    period = request.GET.get("period", "week")
    period = period if period in selectors.PERIODS else "week"
    starts, rows, overall = selectors.override_rate_table(period=period)
    context = {
        "register": selectors.model_register(),
        "period": period,
        "starts": starts,
        "rows": rows,
        "overall": overall,
        "overall_chart": charts.bars([cell.percent or 0 for cell in overall.cells], maximum=100),
        "totals": selectors.decision_totals(),
    }
    return render(request, "insights/ai_register.html", context)


@insights_required
@require_GET
def systemic_view(request):
    """Clusters of similar grievances across MSMEs, with their growth week by week."""
    clusters = [
        {"view": view, "chart": charts.bars([count for _start, count in view.weeks])}
        for view in selectors.systemic_cluster_list(user=request.user)
    ]
    return render(request, "insights/systemic.html", {"clusters": clusters})
