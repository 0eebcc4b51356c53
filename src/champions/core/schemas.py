"""API schemas every app's endpoints share."""

from django.db.models import QuerySet
from ninja import Field, Schema

from .fields import Cursor
from .pagination import Page, keyset_page


class ErrorOut(Schema):
    """The body of every 4xx answer: a message, a stable code and, for 422, one list per field."""

    detail: str
    code: str
    errors: dict[str, list[str]] | None = None


class KeysetQuery(Schema):
    """The paging parameters of a keyset-paginated list (newest first)."""

    after: Cursor | None = Field(None, description="Cursor: rows older than this id.")
    before: Cursor | None = Field(None, description="Cursor: rows newer than this id.")
    size: int = Field(25, ge=1, le=100)

    def page_of(self, qs: QuerySet) -> Page:
        return keyset_page(qs, after=self.after, before=self.before, size=self.size)
