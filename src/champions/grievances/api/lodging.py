"""POST /api/v1/grievances: lodge a grievance or suggestion."""

from django.http import HttpRequest, HttpResponse
from ninja import Header, Status

from champions.core.schemas import ErrorOut

from .. import services
from .router import operation_id, router
from .schemas import (
    GrievanceIn,
    GrievanceOut,
)


@router.post(
    "",
    response={200: GrievanceOut, 201: GrievanceOut, 403: ErrorOut, 422: ErrorOut},
    summary="Lodge a grievance or suggestion",
    description=(
        "Send an `Idempotency-Key` header to retry safely: a repeated key answers 200 with "
        "the first grievance and `Idempotent-Replayed: true` instead of creating another. "
        "The same key with a different subject, description, kind, complainant type, "
        "enterprise or district answers 422 with code `idempotency_key_reused`."
    ),
    operation_id=operation_id("grievance_lodge"),
)
def grievance_lodge(
    request: HttpRequest,
    response: HttpResponse,
    payload: GrievanceIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=100),
):
    result = services.grievance_lodge(
        actor=request.user, idempotency_key=idempotency_key, **payload.lodging()
    )
    if result.replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(200 if result.replayed else 201, result.grievance)
