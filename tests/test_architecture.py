"""The app boundaries (import-linter contracts in pyproject.toml) hold."""

import importlib
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


def _script(name: str):
    """One of scripts/, imported as a module."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def _checker():
    return _script("check_import_cycles")


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


def _run_script(name: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "scripts" / name)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_no_import_circles_in_champions():
    result = _run_script("check_import_cycles.py")

    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "no import circles"


def _sizes():
    return _script("check_sizes")


def test_a_long_view_a_long_function_and_a_long_module_are_listed(tmp_path):
    sizes = _sizes()
    app = tmp_path / "app"
    app.mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(15))
    view = f"def page_view(request):\n{body}    return x0\n"
    helper = f"def page_context(request):\n{body}    return x0\n"  # a helper, not a view
    (app / "views.py").write_text(view + "\n\n" + helper)
    (app / "api.py").write_text(f"def helper(request):\n{body}    return x0\n")
    (app / "services.py").write_text("def work():\n" + body * 3 + "    return x0\n" + "\n" * 360)

    found = {(key, kind) for key, kind, _lines, _limit in sizes.findings(tmp_path)}

    assert found == {
        ("app/views.py:page_view", "view"),
        ("app/services.py:work", "function"),
        ("app/services.py", "module"),
    }


def test_house_sizes_hold_but_for_the_allow_list():
    result = _run_script("check_sizes.py")

    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("house sizes kept")
