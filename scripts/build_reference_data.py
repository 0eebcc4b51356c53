"""Builds the reference files shipped in src/champions/*/data/ from ../shared/data/reference.

Run once by a maintainer when the public sources change:  python scripts/build_reference_data.py
The outputs are committed; `champions load_reference` reads only them.
"""

import csv
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "reference")
CORE = ROOT / "src" / "champions" / "core" / "data"
REGISTRY = ROOT / "src" / "champions" / "registry" / "data"
GRIEVANCES = ROOT / "src" / "champions" / "grievances" / "data"

# LGD state code -> (code used in Udyam registration numbers, Hindi name).
STATES = {
    35: ("AN", "अंडमान और निकोबार द्वीपसमूह"),
    28: ("AP", "आंध्र प्रदेश"),
    12: ("AR", "अरुणाचल प्रदेश"),
    18: ("AS", "असम"),
    10: ("BR", "बिहार"),
    4: ("CH", "चंडीगढ़"),
    22: ("CG", "छत्तीसगढ़"),
    7: ("DL", "दिल्ली"),
    30: ("GA", "गोवा"),
    24: ("GJ", "गुजरात"),
    6: ("HR", "हरियाणा"),
    2: ("HP", "हिमाचल प्रदेश"),
    1: ("JK", "जम्मू और कश्मीर"),
    20: ("JH", "झारखंड"),
    29: ("KR", "कर्नाटक"),
    32: ("KL", "केरल"),
    37: ("LA", "लद्दाख"),
    31: ("LD", "लक्षद्वीप"),
    23: ("MP", "मध्य प्रदेश"),
    27: ("MH", "महाराष्ट्र"),
    14: ("MN", "मणिपुर"),
    17: ("ML", "मेघालय"),
    15: ("MZ", "मिज़ोरम"),
    13: ("NL", "नागालैंड"),
    21: ("OD", "ओडिशा"),
    34: ("PY", "पुडुचेरी"),
    3: ("PB", "पंजाब"),
    8: ("RJ", "राजस्थान"),
    11: ("SK", "सिक्किम"),
    33: ("TN", "तमिलनाडु"),
    36: ("TS", "तेलंगाना"),
    38: ("DD", "दादरा और नगर हवेली और दमन और दीव"),
    16: ("TR", "त्रिपुरा"),
    5: ("UK", "उत्तराखंड"),
    9: ("UP", "उत्तर प्रदेश"),
    19: ("WB", "पश्चिम बंगाल"),
}

# Typos in the NIC-2008 copy: the 4-digit class of each of these codes does not exist in
# ISIC Rev.4 / NIC-2008, and the description belongs to the class on the right.
NIC_CORRECTIONS = {
    "20203": "20303",  # synthetic filament yarn: class 2030 (man-made fibres)
    "65020": "65200",  # reinsurance: class 6520
    "88230": "84230",  # public order and safety: class 8423
    "95494": "85494",  # motor driving school: class 8549 (other education)
    "96903": "96093",  # the 9690x codes belong to class 9609 (other personal services)
    "96904": "96094",
    "96905": "96095",
    "96906": "96096",
    "96907": "96097",
    "96908": "96098",
}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def title(name: str) -> str:
    words = name.split()
    return " ".join(
        w.lower() if i and w.lower() in {"and", "of", "the"} else w.capitalize()
        for i, w in enumerate(words)
    )


def build_states() -> dict[str, int]:
    rows = _read(SHARED / "lgd" / "1-state.csv")
    by_name = {}
    with open(CORE / "states.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["lgd_code", "udyam_code", "name", "name_hi", "kind"])
        for r in sorted(rows, key=lambda r: r["State Name"]):
            code = int(r["State Code"])
            udyam, hindi = STATES[code]
            kind = "ut" if r["State or UT"].strip() == "U" else "state"
            w.writerow([code, udyam, title(r["State Name"]), hindi, kind])
            by_name[r["State Name"].strip().upper()] = code
    return by_name


def build_districts() -> None:
    rows = _read(SHARED / "lgd" / "2-district.csv")
    with open(CORE / "districts.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["lgd_code", "state_lgd_code", "name"])
        for r in sorted(rows, key=lambda r: int(r["District Code"])):
            w.writerow([int(r["District Code"]), int(r["State Code"]), title(r["District Name"])])


def build_nic() -> None:
    rows = _read(SHARED / "nic2008_hierarchy_derived.csv")
    with open(CORE / "nic2008.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["code", "description", "section", "section_name", "division_name"])
        seen = set()
        for r in rows:
            code = NIC_CORRECTIONS.get(r["nic_code"], r["nic_code"])
            if code in seen:
                continue
            seen.add(code)
            w.writerow(
                [code, r["nic_description"], r["section"], r["section_desc"], r["division_desc"]]
            )


def build_pincodes(states: dict[str, int]) -> None:
    pins: dict[str, int] = {}
    with open(SHARED / "pincode_post_offices.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            state = states.get(r["state"].strip().upper())
            if state and r["pincode"].isdigit() and len(r["pincode"]) == 6:
                pins.setdefault(r["pincode"], state)
    with open(CORE / "pincodes.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["pincode", "state_lgd_code"])
        for pin in sorted(pins):
            w.writerow([pin, pins[pin]])


def build_organisations() -> None:
    """Departments and ministries a grievance can be referred to (CPGRAMS organisation list,
    DARPG open data released for a 2024 grievance hackathon). Each name once, without the
    per-organisation "Other" rows, plus the state governments as one referral target."""
    seen: dict[str, str] = {}
    for row in _read(SHARED / "cpgrams_organisations.csv"):
        name = " ".join(row["name"].split())
        if name != "Other" and name not in seen:
            seen[name] = row["org_code"]
    seen.setdefault("State Government", "")
    with open(GRIEVANCES / "cpgrams_organisations.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["org_code", "name"])
        writer.writerows((seen[name], name) for name in sorted(seen, key=str.casefold))


def main() -> None:
    CORE.mkdir(parents=True, exist_ok=True)
    REGISTRY.mkdir(parents=True, exist_ok=True)
    states = build_states()
    build_districts()
    build_nic()
    build_pincodes(states)
    shutil.copy(SHARED / "msme_classification_rules.json", REGISTRY / "classification_rules.json")
    shutil.copy(
        SHARED / "udyam_district_counts_2023-08-27.csv",
        REGISTRY / "udyam_district_counts_2023-08-27.csv",
    )
    build_organisations()


if __name__ == "__main__":
    main()
