"""Bounded input types for API schemas: an id fits the database, a date a sane calendar.

Python's int is unbounded and `date` reaches year 1, but a database id is a signed 64-bit
integer and date arithmetic near year 1 or 9999 overflows. Input outside these ranges is
refused by the schema (422 naming the field) before it reaches a query.
"""

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator, Field, StrictInt

# A BigAutoField (DEFAULT_AUTO_FIELD) holds a signed 64-bit integer; ids start at 1.
DB_ID_MAX = 2**63 - 1
# Any other integer stored in a BigIntegerField (rupees, counts).
DB_BIGINT_MAX = 2**63 - 1

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value):
    """YYYY-MM-DD as the schema says; pydantic would also take `0` as 1970-01-01."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("Enter a date as YYYY-MM-DD.")
    if isinstance(value, int | float):
        raise ValueError("Enter a date as YYYY-MM-DD.")
    return value


DbId = Annotated[int, Field(ge=1, le=DB_ID_MAX, description="A database id (1 to 2^63-1).")]
Cursor = Annotated[int, Field(ge=0, le=DB_ID_MAX)]
SaneDate = Annotated[date, BeforeValidator(_iso_date_only), Field(ge=FIRST_DAY, le=LAST_DAY)]
# Text that must say something: at least one character that is not white space. Stated in
# the schema only (`json_schema_extra`), so the service's own message answers a blank text.
NOT_BLANK = {"minLength": 1, "pattern": r"\S"}

# In a JSON body a number is a number: `true` or "5" is refused, as the schema says. (Query
# and path values arrive as text, so they keep DbId's conversion.)
BodyId = Annotated[StrictInt, Field(ge=1, le=DB_ID_MAX, description="A database id.")]
