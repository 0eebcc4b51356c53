"""No import circles between our modules, counting the imports that run when a module loads.

An import inside a function runs when the function is called, after every module has loaded,
so it cannot close a circle at start-up; that is the one way a service starts a task (the
tasks module imports the service at the top, the service imports the task inside the function
that enqueues it: docs/ARCHITECTURE.md, "Starting a task"). Everything else at module level,
including imports under `if`/`try` and in class bodies, counts. Exits 1 and names each circle.

    python scripts/check_import_cycles.py
"""

import ast
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
ROOT = "champions"

# Circles known and being removed elsewhere, each with where. Keep it empty.
PENDING: set[tuple[str, ...]] = set()


def module_names(src: Path) -> dict[str, Path]:
    names = {}
    for path in (src / ROOT).rglob("*.py"):
        parts = path.relative_to(src).with_suffix("").parts
        if "migrations" in parts or "tests" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def load_time_imports(tree: ast.Module):
    """Import statements that run when the module loads: not those inside a function."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            todo.extend(ast.iter_child_nodes(node))


def targets(module: str, is_package: bool, node, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in known}
    if node.level:
        base = module.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    found = {f"{prefix}.{alias.name}" for alias in node.names} & known
    named_attributes = len(found) < len(node.names)
    if named_attributes and prefix in known:
        found.add(prefix)
    return found


def graph(src: Path = SRC) -> dict[str, set[str]]:
    names = module_names(src)
    known = set(names)
    edges: dict[str, set[str]] = {}
    for module, path in names.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        is_package = path.name == "__init__.py"
        edges[module] = set()
        for node in load_time_imports(tree):
            edges[module] |= targets(module, is_package, node, known) - {module}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main() -> int:
    found = [c for c in circles(graph()) if tuple(c) not in PENDING]
    for component in found:
        print("import circle:", " <-> ".join(component))
    if found:
        print(f"{len(found)} import circle(s): move one import into the function that needs it")
        return 1
    print("no import circles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
