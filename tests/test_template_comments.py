"""`make lint` runs scripts/check_templates.py; this keeps the rule in the test suite too."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_templates.py"


def _checker():
    spec = importlib.util.spec_from_file_location("check_templates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_template_comment_spans_lines():
    assert _checker().problems() == []


def test_the_check_finds_a_comment_spanning_lines():
    assert _checker().OPEN.search("{# starts here") is not None
    assert _checker().OPEN.search("{# one line #} and more") is None
