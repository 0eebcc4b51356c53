"""The Hindi catalogues: `update` extracts strings, `check` fails on any gap, `compile` builds .mo.

The project catalogue is src/champions/locale/; an app with a `locale/` folder of its own (for
example triage, schemes) keeps its strings there: makemessages writes each string to the nearest
`locale/` folder above its file, and Django reads the app catalogues after LOCALE_PATHS.

    python scripts/translations.py update   # makemessages (needs GNU gettext), then compile
    python scripts/translations.py check    # no untranslated or fuzzy entry; .mo up to date;
                                            # one Hindi wording per string across catalogues
The .mo file is compiled with polib and committed, so running the portal needs no gettext.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "champions"
LOCALE = PACKAGE / "locale"
LANGUAGES = ["hi"]


def catalogues() -> list[Path]:
    paths = [LOCALE / lang / "LC_MESSAGES" / "django.po" for lang in LANGUAGES]
    for app_locale in sorted(PACKAGE.glob("*/locale")):
        paths += [app_locale / lang / "LC_MESSAGES" / "django.po" for lang in LANGUAGES]
    return paths


def compile_all() -> None:
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def update() -> None:
    update_po_only()
    compile_all()


def update_po_only() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "champions.config.settings.test"}
    for lang in LANGUAGES:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                lang,
                "--no-obsolete",
                "--no-location",
                "-i",
                "tests/*",
                "-i",
                "*/tests/*",
            ],
            cwd=PACKAGE,
            env=env,
            check=True,
            capture_output=True,
        )


def strings_missing_from_catalogue() -> list[str]:
    """Run makemessages on a scratch copy of the catalogue and list msgids the .po lacks."""
    if shutil.which("xgettext") is None:
        print("xgettext not found (apt-get install gettext): cannot look for new strings")
        return []
    missing = []
    saved = {}
    for po_path in catalogues():
        for path in (po_path, po_path.with_suffix(".mo")):
            saved[path] = path.read_bytes() if path.exists() else None
    try:
        update_po_only()
        fresh = {po_path: polib.pofile(str(po_path)) for po_path in catalogues()}
    finally:
        for path, content in saved.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
    for po_path, fresh_po in fresh.items():
        known = (
            {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path))}
            if po_path.exists()
            else set()
        )
        missing += [e.msgid for e in fresh_po if (e.msgctxt, e.msgid) not in known]
    return missing


def _compiled(po: polib.POFile) -> bytes:
    """The .mo bytes `compile` would write for this catalogue."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.mo"
        po.save_as_mofile(str(path))
        return path.read_bytes()


def disagreements() -> list[str]:
    """Strings (with their context) that two catalogues translate differently.

    Django merges every catalogue into one, so only one of the two wordings can ever show (the
    project catalogue beats the apps', and one app beats another by INSTALLED_APPS order); the
    other is dead text that a translator would edit in vain. Where the Hindi must really differ
    (gender, number), the code gives the string a context (pgettext) and the entries differ by it.
    """
    wordings: dict[tuple, dict[str, str]] = {}
    for po_path in catalogues():
        if not po_path.exists():
            continue
        where = str(po_path.relative_to(PACKAGE)).split("/")[0]
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or not entry.translated():
                continue
            hindi = entry.msgstr or repr(sorted(entry.msgstr_plural.items()))
            wordings.setdefault((entry.msgctxt, entry.msgid), {})[where] = hindi
    return [
        f"translated differently ({', '.join(f'{w}: {h!r}' for w, h in seen.items())}): {msgid!r}"
        + (f" (context {context!r})" if context else "")
        for (context, msgid), seen in wordings.items()
        if len(set(seen.values())) > 1
    ]


def check() -> int:
    problems = [
        f"not in the catalogue (run `make translations`): {m!r}"
        for m in strings_missing_from_catalogue()
    ]
    problems += disagreements()
    for po_path in catalogues():
        if not po_path.exists():
            problems.append(f"{po_path} is missing")
            continue
        po = polib.pofile(str(po_path))
        untranslated = po.untranslated_entries()
        fuzzy = po.fuzzy_entries()
        problems += [f"untranslated: {e.msgid!r}" for e in untranslated]
        problems += [f"fuzzy: {e.msgid!r}" for e in fuzzy]
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{mo_path} is missing: run `make translations`")
        elif _compiled(po) != mo_path.read_bytes():
            # (this comparison was skipped before: a stale .mo after a merge passed the check)
            problems.append(f"{mo_path} is older than its .po: run `make translations`")
        print(
            f"{po_path.relative_to(ROOT)}: {len(po.translated_entries())} translated, "
            f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy"
        )
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
        sys.exit(check())
    elif command == "compile":
        compile_all()
    else:
        sys.exit(check())
