"""The app boundaries (import-linter contracts in pyproject.toml) hold."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_app_boundaries_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"

    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout
    assert " kept" in result.stdout


def _checker():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_import_cycles
    finally:
        sys.path.pop(0)
    return check_import_cycles


def _package(tmp_path, **modules) -> Path:
    package = tmp_path / "champions"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text)
    return tmp_path


def test_a_module_level_import_circle_is_found(tmp_path):
    checker = _checker()
    src = _package(
        tmp_path,
        services="from . import tasks\n",
        tasks="from champions import services\n",
    )

    assert checker.circles(checker.graph(src)) == [["champions.services", "champions.tasks"]]


def test_an_import_inside_the_enqueueing_function_closes_no_circle(tmp_path):
    checker = _checker()
    src = _package(
        tmp_path,
        services="def start():\n    from . import tasks\n\n    tasks.run.enqueue()\n",
        tasks="from . import services\n",
    )

    assert checker.circles(checker.graph(src)) == []


def test_no_import_circles_in_champions():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_import_cycles.py")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "no import circles"
