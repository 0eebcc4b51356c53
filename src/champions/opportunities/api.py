"""Opportunities endpoints under /api/v1/opportunities."""

from datetime import date
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from champions.core.schemas import ErrorOut

from . import selectors, services

router = Router()


class OpportunityIn(Schema):
    title: str = Field(..., max_length=200)
    kind: Literal["procurement", "export", "demand_drive"]
    text: str = Field(..., description="What is needed: product, specification, delivery.")
    hs_codes: list[str] = Field(default_factory=list, description="HS codes of 2, 4 or 6 digits.")
    nic_codes: list[str] = Field(default_factory=list, description="NIC-2008 codes (2-5 digits).")
    states: list[str] = Field(
        default_factory=list, description="Preferred states, two-letter codes (MH, KR...)."
    )
    closes_on: date = Field(..., description="Last day for responses (today to a year ahead).")
    product: str = Field("", max_length=200)
    quantity: str = Field("", max_length=100)
    specification: str = ""
    buyer_name: str = Field("", max_length=200)
    prefer_mse: bool = False
    prefer_sc_st: bool = False
    prefer_women: bool = False

    def to_input(self) -> services.OpportunityInput:
        return services.OpportunityInput(**self.model_dump())


class OpportunityOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    closes_on: date
    matching_available: bool


class MatchOut(Schema):
    profile_id: int
    name: str
    score: float
    reasons: list[str]


class MatchesOut(Schema):
    matching_available: bool = Field(
        ..., description="False when the network matcher is not installed: no results then."
    )
    results: list[MatchOut]


@router.post(
    "",
    response={201: OpportunityOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Post a procurement need, an export lead or a demand drive",
    description=(
        "Officers post any kind; a registered unit posts procurement needs and export leads "
        "(403 for a demand drive). The matched units are alerted."
    ),
)
def opportunity_create(request: HttpRequest, payload: OpportunityIn):
    opportunity = services.opportunity_create(actor=request.user, data=payload.to_input())
    return Status(201, opportunity)


@router.get(
    "/{opportunity_id}/matches",
    response={200: MatchesOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="The units matched to an opportunity, best first (its poster and the hub)",
)
def opportunity_matches(request: HttpRequest, opportunity_id: int):
    opportunity, matches = selectors.opportunity_matches_for_user(
        user=request.user, opportunity_id=opportunity_id
    )
    return Status(200, {"matching_available": opportunity.matching_available, "results": matches})
