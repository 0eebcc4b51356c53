"""Fail on template mistakes that reach the page: a `{# ... #}` comment spanning lines.

Django's `{# #}` comment is single-line only; one that spans lines is printed on the page as
text. Use `{% comment %}...{% endcomment %}` for longer notes.

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


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
