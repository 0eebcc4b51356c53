"""What the grievance endpoints share."""

from collections.abc import Callable

from django.http import HttpRequest
from ninja import Schema, Status


def act(
    service: Callable, request: HttpRequest, grievance_id: int, payload: Schema, **options
) -> Status:
    """The one shape of the actions on a grievance (transition, message, rating, transfer,
    referral): the payload's fields to one service, as the requesting user, and its result.

    `options`: `status` (200 unless given) and renames, payload field → the service's name
    for it (`internal="is_internal"`)."""
    status = options.pop("status", 200)
    values = payload.model_dump()
    for field, name in options.items():
        values[name] = values.pop(field)
    return Status(status, service(grievance_id=grievance_id, actor=request.user, **values))
