"""Fail on template mistakes that reach the page: a `{# ... #}` comment spanning lines, and a
template that does not compile (an unknown tag library or filter, an unclosed block).

Django's `{# #}` comment is single-line only; one that spans lines is printed on the page as
text. Use `{% comment %}...{% endcomment %}` for longer notes. A template is only compiled when
a page renders it, so a removed `{% load %}` library would otherwise surface as a 500.

    python scripts/check_templates.py   # exit 1 and list file:line for each one found
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "champions"
OPEN = re.compile(r"\{#(?!.*?#\})")  # a comment opened and not closed on the same line


def problems() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("templates/**/*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OPEN.search(line):
                found.append(
                    f"{path.relative_to(ROOT.parents[1])}:{number}: a {{# #}} comment spans lines"
                )
    return found


def compile_errors(root: Path = ROOT) -> list[str]:
    import os

    import django
    from django.template import TemplateSyntaxError
    from django.template.loader import get_template

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.test")
    django.setup()
    found = []
    for path in sorted(root.rglob("templates/**/*.html")):
        name = path.as_posix().split("/templates/", 1)[1]
        try:
            get_template(name)
        except TemplateSyntaxError as exc:
            found.append(f"{path.relative_to(root)}: {exc}")
    return found


def main() -> int:
    found = problems() + compile_errors()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
