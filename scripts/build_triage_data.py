"""Builds the shipped training files in src/champions/triage/data/ from ../shared/data.

Run by a maintainer when the public sources change:  python scripts/build_triage_data.py
Only sets marked "ship" in ../shared/data/README.md are read; the eval/ folder is never touched.
`examples.csv` (the hand-written examples) is edited by hand and not produced here.
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
OUT = ROOT / "src" / "champions" / "triage" / "data"


def build_organisations() -> None:
    """The CPGRAMS organisation list: each name once (whitespace collapsed), the per-organisation
    "Other" rows left out, and the state governments added as one referral target."""
    seen: dict[str, str] = {}
    with open(SHARED / "reference" / "cpgrams_organisations.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = " ".join(row["name"].split())
            if name != "Other" and name not in seen:
                seen[name] = row["org_code"]
    seen.setdefault("State Government", "")
    with open(OUT / "cpgrams_organisations.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["org_code", "name"])
        writer.writerows((seen[name], name) for name in sorted(seen, key=str.casefold))


def build_category_tree() -> None:
    """The CPGRAMS category tree, reduced to the columns training reads."""
    columns = ["code", "parent", "org_code", "description", "description_hindi"]
    with (
        open(SHARED / "reference" / "cpgrams_category_tree.csv", encoding="utf-8") as f,
        open(OUT / "cpgrams_category_tree.csv", "w", newline="", encoding="utf-8") as out,
    ):
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in csv.DictReader(f):
            writer.writerow([" ".join(row[c].split()) for c in columns])


def _goemotions(split: str, kind: str) -> dict[str, tuple[str, list[str]]]:
    labels = (SHARED / "train" / f"goemotions_{kind}_labels.txt").read_text().split()
    rows = {}
    with open(SHARED / "train" / f"goemotions_{kind}_{split}.tsv", encoding="utf-8") as f:
        for line in f:
            text, ids, comment_id = line.rstrip("\n").split("\t")
            rows[comment_id] = (text, [labels[int(i)] for i in ids.split(",")])
    return rows


def build_goemotions() -> None:
    """Every GoEmotions training comment (43,410) with both label sets (27 emotions and the 7
    Ekman groups), joined on the comment id. The dev split is not shipped here."""
    ekman = _goemotions("train", "ekman")
    original = _goemotions("train", "original")
    with open(OUT / "goemotions_train.tsv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["id", "text", "ekman", "emotions"])
        for comment_id in sorted(ekman):
            text, groups = ekman[comment_id]
            writer.writerow([comment_id, text, ",".join(groups), ",".join(original[comment_id][1])])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build_organisations()
    build_category_tree()
    build_goemotions()


if __name__ == "__main__":
    main()
