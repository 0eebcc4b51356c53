"""Opportunities test data, made through the services."""

from datetime import timedelta

from django.utils import timezone

from champions.opportunities.services import OpportunityInput, opportunity_create


def drive_input(**overrides) -> OpportunityInput:
    values = {
        "title": "Surgical masks and gowns for district hospitals",
        "kind": "demand_drive",
        "text": "Three-ply surgical masks and isolation gowns, 2 lakh a week.",
        "hs_codes": ["630790", "621010"],
        "nic_codes": [],
        "states": [],
        "closes_on": timezone.localdate() + timedelta(days=10),
        "product": "Surgical masks",
    }
    values.update(overrides)
    return OpportunityInput(**values)


def posted_drive(officer, **overrides):
    return opportunity_create(actor=officer, data=drive_input(**overrides))


def api_payload(**overrides) -> dict:
    values = {
        "title": "Surgical masks",
        "kind": "demand_drive",
        "text": "Three-ply surgical masks, 2 lakh a week.",
        "hs_codes": ["630790"],
        "nic_codes": [],
        "states": ["MH"],
        "closes_on": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }
    values.update(overrides)
    return values
