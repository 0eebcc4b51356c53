"""The insight pages: the MIS dashboard and its exports, the AI register, the systemic issues."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import charts, dashboard, exports, figures, hooks, open_data, page_exports, selectors


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


def _page_export(request, page: str, table: str, fmt: str):
    tables = page_exports.TABLES[page]
    if table not in tables or fmt not in ("csv", "xlsx"):
        raise Http404
    head, rows = tables[table](request.user, request.GET)
    return exports.download(f"{page}-{table}", fmt, head, rows)


@insights_required
@require_GET
def ai_register_export_view(request, table: str, fmt: str):
    """One AI register table (models, decisions, override rates) as CSV or XLSX."""
    return _page_export(request, "ai", table, fmt)


@insights_required
@require_GET
def systemic_export_view(request, table: str, fmt: str):
    """The systemic issues, or their weekly counts, as CSV or XLSX."""
    return _page_export(request, "systemic", table, fmt)


@insights_required
@require_GET
def systemic_view(request):
    """Clusters of similar grievances across MSMEs, with their growth week by week."""
    clusters = [
        {"view": view, "chart": charts.bars([count for _start, count in view.weeks])}
        for view in selectors.systemic_cluster_list(user=request.user)
    ]
    return render(request, "insights/systemic.html", {"clusters": clusters})


def dashboard_required(view):
    """The hub, leadership, administrators, analysts and spoke officers (their own room)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not dashboard.user_sees_dashboard(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _dashboard_data(request) -> tuple[dashboard.Filters, str, dict]:
    filters = dashboard.filters_for_user(user=request.user, params=request.GET)
    measure = "overdue" if request.GET.get("measure") == "overdue" else "per_lakh"
    data = figures.dashboard_figures(filters, today=timezone.localdate(), measure=measure)
    return filters, measure, data


@dashboard_required
@require_GET
def dashboard_view(request):
    """The live MIS dashboard; htmx polls it for the panels alone every 30 seconds."""
    filters, measure, data = _dashboard_data(request)
    context = {**data, "filters": filters, "measure": measure, "updated_at": timezone.now()}
    context["choices"] = dashboard.filter_choices(user=request.user)
    context["growing"] = selectors.systemic_growing()
    context["extra_panels"] = hooks.dashboard_panels(user=request.user)
    template = "insights/partials/_panels.html" if request.htmx else "insights/dashboard.html"
    return render(request, template, context)


@dashboard_required
@require_GET
def export_view(request, table: str, fmt: str):
    """One dashboard table, with the page's filters, as CSV or XLSX."""
    if table not in exports.TABLES or fmt not in ("csv", "xlsx"):
        raise Http404
    _filters, _measure, data = _dashboard_data(request)
    if table == "growing":
        data = {**data, "growing": selectors.systemic_growing()}
    elif table == "panels":
        data = {**data, "extra_panels": hooks.dashboard_panels(user=request.user)}
    head, rows = exports.table_rows(table, data)
    return exports.download(table, fmt, head, rows)


@require_GET
def open_data_view(request):
    """What the open grievance data holds, its licence, and the download (anyone may read)."""
    return render(request, "insights/open_data.html", open_data.open_data_page())
