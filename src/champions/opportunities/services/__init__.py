"""Writes of the opportunities app (board and sparks)."""

from .opportunities import (  # noqa: F401
    OpportunityInput,
    ResponseInput,
    opportunity_close,
    opportunity_create,
    opportunity_match,
    opportunity_respond,
    response_shortlist,
)
from .sparks import fact_record, handholding_record, shortlist_set  # noqa: F401
