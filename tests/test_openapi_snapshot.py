"""The committed API schema matches the code: a change to the API is a deliberate diff."""

import json
from pathlib import Path

from champions.api.api import api

SNAPSHOT = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def test_openapi_schema_matches_snapshot():
    current = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))

    assert current == committed, "the API changed: run `make openapi` and commit docs/openapi.json"
