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


def test_every_template_compiles():
    assert _checker().compile_errors() == []


def test_a_template_loading_an_unknown_library_is_found(tmp_path, settings):
    templates = tmp_path / "app" / "templates"
    templates.mkdir(parents=True)
    (templates / "broken.html").write_text("{% load no_such_tags %}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates]}]

    found = _checker().compile_errors(tmp_path)

    assert len(found) == 1
    assert "broken.html" in found[0]
    assert "no_such_tags" in found[0]
