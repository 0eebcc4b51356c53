"""Builds the network app's shipped data from ../shared/data/reference (run once, output committed).

- hs_codes.csv: HS 2022 headings (4 digits) and subheadings (6 digits) with their English names
  (UN Comtrade via github datasets/harmonized-system, ODC-PDDL-1.0).
- hs4_isic4.csv: which ISIC Rev.4 class (= NIC-2008 class, 4 digits) makes each HS heading,
  from the HS6 ↔ ISIC4 concordance (World Bank WITS via github insongkim/concordance, MIT).
- isic4.csv: ISIC Rev.4 class names (same source, MIT).
- countries.csv: ISO 3166-1 alpha-2 codes and names (tz database iso3166.tab, public domain).
- code_vectors.npy + code_vectors.json: multilingual-e5-small embeddings (float16) of every HS
  heading and ISIC class name, so a query in Hindi or English can be mapped to codes.

Usage: .venv/bin/python scripts/build_network_data.py [../shared/data/reference]
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "champions" / "network" / "data"


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/reference"
    hs_rows = []
    with open(ref / "hs" / "harmonized-system.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] in {"2", "4", "6"}:
                hs_rows.append((row["hscode"], row["description"].strip()))
    with open(OUT / "hs_codes.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "description"])
        writer.writerows(hs_rows)
    pairs = set()
    with open(ref / "hs6_isic4_concordance.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pairs.add((row["HS_4d"], row["ISIC4_4d"]))
    with open(OUT / "hs4_isic4.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["hs4", "isic4"])
        writer.writerows(sorted(pairs))
    isic = []
    with open(ref / "isic4_descriptions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if len(row["code"]) in {2, 4} and row["code"].isdigit():
                isic.append((row["code"], row["desc"].strip()))
    with open(OUT / "isic4.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "description"])
        writer.writerows(isic)
    countries = []
    for line in Path("/usr/share/zoneinfo/iso3166.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t", 1)
            countries.append((code, name.strip()))
    with open(OUT / "countries.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["code", "name"])
        writer.writerows(sorted(countries))
    _vectors(hs_rows, isic)


def _vectors(hs_rows, isic) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.base")
    django.setup()
    from champions.triage.services import embed_texts

    # Short names embed closer to how people write than the full legal texts; the glossary
    # (data/glossary.csv, written for this project) adds everyday English and Hindi trade terms.
    labels = [f"hs:{code}" for code, _ in hs_rows if len(code) == 4]
    texts = [desc.split(";")[0][:160] for code, desc in hs_rows if len(code) == 4]
    labels += [f"nic:{code}" for code, _ in isic if len(code) == 4]
    texts += [desc[:160] for code, desc in isic if len(code) == 4]
    with open(OUT / "glossary.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels += [row["code"], row["code"]]
            texts += [row["en"].replace("|", ", "), row["hi"].replace("|", ", ")]
    vectors = embed_texts(texts).astype(np.float16)
    np.save(OUT / "code_vectors.npy", vectors)
    (OUT / "code_vectors.json").write_text(json.dumps(labels), encoding="utf-8")
    print(f"{len(hs_rows)} HS codes, {len(isic)} ISIC codes, {len(labels)} vectors")


if __name__ == "__main__":
    main()
