"""CSV downloads of the market page: the posts by HS chapter, or what searches asked for."""

import io

from django.http import HttpResponse

from champions.core import spreadsheets

from . import market, searches


def market_csv_response(
    summary: market.MarketSummary, searched: searches.SearchSummary, *, table: str
) -> HttpResponse:
    if table == "searches":
        out = io.StringIO()
        spreadsheets.csv_writer(out).writerows(searches.searches_csv_rows(searched))
        body, name = out.getvalue(), "network-searches.csv"
    else:
        body, name = market.market_csv(summary), "network-market.csv"
    response = HttpResponse(body, content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
