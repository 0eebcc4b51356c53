"""Reads of the opportunities app (board, matches, responses, sparks)."""

from .opportunities import (  # noqa: F401
    opportunities_matched_to_user,
    opportunity_get_for_user,
    opportunity_list,
    opportunity_matches_for_user,
    opportunity_queryset_for_user,
    responding_counts,
    responses_for_user,
    user_manages,
)
from .sparks import SparksList, check_officer, facts_for, spark_detail, sparks_list  # noqa: F401
