"""API schemas every app's endpoints share."""

from ninja import Schema


class ErrorOut(Schema):
    """The body of every 4xx answer: a message, a stable code and, for 422, one list per field."""

    detail: str
    code: str
    errors: dict[str, list[str]] | None = None
