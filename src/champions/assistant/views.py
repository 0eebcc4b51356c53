"""Pages of the assistant (filled in below)."""

from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=404)


assistant_page_view = ask_view = rate_view = source_list_view = source_view = _todo
review_view = callback_list_view = callback_done_view = _todo
