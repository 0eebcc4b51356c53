from django.urls import path

from .views import board, sparks

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", board.board_view, name="board"),
    path("opportunities/new/", board.opportunity_create_view, name="create"),
    path("opportunities/<int:opportunity_id>/", board.opportunity_detail_view, name="detail"),
    path(
        "opportunities/<int:opportunity_id>/respond/",
        board.opportunity_respond_view,
        name="respond",
    ),
    path("opportunities/<int:opportunity_id>/close/", board.opportunity_close_view, name="close"),
    path(
        "opportunities/responses/<int:response_id>/shortlist/",
        board.response_shortlist_view,
        name="response_shortlist",
    ),
    path("sparks/", sparks.sparks_list_view, name="sparks"),
    path("sparks/<int:enterprise_id>/", sparks.spark_detail_view, name="spark_detail"),
    path(
        "sparks/<int:enterprise_id>/shortlist/", sparks.spark_shortlist_view, name="spark_shortlist"
    ),
]
