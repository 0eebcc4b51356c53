"""Writes the API schema to docs/openapi.json (`make openapi`); a test fails when it drifts."""

import json
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.test")
django.setup()

from champions.api.api import api  # noqa: E402 - needs django.setup() first

SNAPSHOT = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def current_schema() -> str:
    return json.dumps(api.get_openapi_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(current_schema(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
