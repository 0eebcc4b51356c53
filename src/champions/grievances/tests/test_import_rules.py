"""The rule for starting a task (docs/ARCHITECTURE.md, "Starting a task"): tasks import the
services, and a service reaches `tasks` only by an import inside the function that starts one,
so no module of the app imports `tasks` when it is loaded."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1]
# The tasks module itself, and the app config that loads it; tests may import anything.
EXEMPT = {APP / "tasks.py", APP / "apps.py"}


def _imports_tasks(node: ast.stmt) -> bool:
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        names = {alias.name for alias in node.names}
        return module.endswith("tasks") or "tasks" in names
    if isinstance(node, ast.Import):
        return any(alias.name.endswith(".tasks") for alias in node.names)
    return False


def _modules() -> list[Path]:
    return [
        path
        for path in APP.rglob("*.py")
        if "tests" not in path.relative_to(APP).parts and path not in EXEMPT
    ]


def test_no_module_imports_the_tasks_when_loaded():
    offenders = [
        f"{path.relative_to(APP)}:{node.lineno}"
        for path in _modules()
        for node in ast.parse(path.read_text()).body  # module level only
        if _imports_tasks(node)
    ]
    assert offenders == []


def test_the_services_that_start_tasks_import_them_inside_the_function():
    lazy = sorted(
        str(path.relative_to(APP))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.FunctionDef)
        and any(_imports_tasks(inner) for inner in ast.walk(node) if inner is not node)
    )
    # The lodging, a workflow move, a merge, a message, the SLA sweep and a closure made on
    # CPGRAMS each start one.
    assert lazy == [
        "intake/services.py",
        "remote.py",
        "sla/sweep.py",
        "thread/services.py",
        "workflow/services.py",
        "workflow/services.py",
    ]
