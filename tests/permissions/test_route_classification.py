"""Every URL pattern and every API operation is classified in routes.py, and every object-scoped
one is walked by the matrix (or names the test that scopes it). A new view without an entry
fails here: classify it, and if it is per object, add it to the matrix."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

from champions.api.api import api

from . import matrix, matrix_api, routes


def _names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _names(entry, inner)
        elif isinstance(entry, URLPattern) and not _is_api_operation(entry):
            name = entry.name or getattr(entry.callback, "__name__", "")
            yield ":".join(filter(None, [namespace, name]))


def _is_api_operation(entry: URLPattern) -> bool:
    """The API's operations are classified from its OpenAPI schema (API in routes.py)."""
    return getattr(entry.callback, "__module__", "").startswith("ninja.")


def _operations() -> set[str]:
    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
    }


def _prefixed(name: str) -> bool:
    return any(name.startswith(prefix) for prefix in routes.PREFIXES)


def test_every_url_pattern_is_classified():
    names = set(_names())
    unclassified = sorted(n for n in names if n not in routes.WEB and not _prefixed(n))
    assert unclassified == [], "classify these in tests/permissions/routes.py"
    assert sorted(set(routes.WEB) - names) == [], "routes.py names URL patterns that are gone"
    assert len(names) > 300  # the walk reached the admin, allauth and every app


def test_every_api_operation_is_classified():
    operations = _operations()
    assert sorted(operations - set(routes.API)) == [], "classify these in routes.py"
    assert sorted(set(routes.API) - operations) == [], "routes.py names operations that are gone"


def test_every_object_scoped_route_is_walked_by_the_matrix():
    walked = {r.name for r in matrix.ROUTES} | {r.name for r in matrix_api.ROUTES}
    scoped = {n for n, kind in {**routes.WEB, **routes.API}.items() if kind == routes.OBJECT}
    assert sorted(scoped - walked - set(routes.ELSEWHERE)) == []
    assert sorted(set(routes.ELSEWHERE) & walked) == [], "walked now: drop it from ELSEWHERE"
    assert sorted(walked - scoped) == [], "the matrix walks routes not classified as object"


def test_the_matrix_paths_are_the_routes_they_name():
    patterns = dict(_routes())
    for route in matrix.ROUTES:
        pattern = re.sub(r"<(?:\w+:)?\w+>", "{}", patterns[route.name])
        assert re.sub(r"\{\w+\}", "{}", route.path) == pattern, route.name
    for route in matrix_api.ROUTES:
        method, path = route.name.split(" ", 1)
        assert method.lower() == route.method
        plain = route.path.split("?")[0]  # an enterprise named in the query
        assert re.sub(r"\{\w+\}", "{}", plain) == re.sub(r"\{\w+\}", "{}", path)


def _routes(resolver=None, prefix="", namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _routes(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), "/" + prefix + str(entry.pattern)
