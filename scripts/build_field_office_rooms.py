"""Build controlrooms/data/field_office_rooms.csv: the ministry's field offices as an import file.

Reads controlrooms/data/msme_field_offices.csv (59 offices with sources and confidence; see its
README) and the LGD districts in core/data, and writes one import row per district:

- each office (MSME-DFO or branch) becomes a room hosted by it and serves its own district;
- every other district of a state goes to the state's first MSME-DFO (alphabetical), or, for a
  state with no office, to the office whose stated jurisdiction names it (Mizoram → Agartala);
- states with neither keep their default room (they are not in the file).

This is a realistic set to try the import with, not the ministry's official list of control
rooms (no public source gives the 66-69 rooms or their districts). Run it again after changing
the offices file: `python scripts/build_field_office_rooms.py`.
"""

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "champions"
OFFICES = ROOT / "controlrooms" / "data" / "msme_field_offices.csv"
OUT = ROOT / "controlrooms" / "data" / "field_office_rooms.csv"
CORE = ROOT / "core" / "data"

# The district an office sits in, where its city is not a district's name (LGD 2022 names).
HOME_DISTRICT = {
    "Allahabad": "Prayagraj",
    "Bangalore": "Bengaluru Urban",
    "Hubli": "Dharwad",
    "Gulbarga": "Kalaburagi",
    "Mangalore": "Dakshina Kannada",
    "Margao": "South Goa",
    "Guwahati": "Kamrup Metro",
    "Haldwani": "Nainital",
    "Durgapur": "Paschim Bardhaman",
    "Siliguri": "Darjeeling",
    "Suri": "Birbhum",
    "Port Blair": "South Andamans",
    "Rourkela": "Sundargarh",
    "Tezpur": "Sonitpur",
    "Silchar": "Cachar",
    "Diphu": "Karbi Anglong",
    "Tura": "West Garo Hills",
    "Shillong": "East Khasi Hills",
    "Itanagar": "Papum Pare",
    "Kanpur": "Kanpur Nagar",
    "Silvassa": "Dadra and Nagar Haveli",
    "Agartala": "West Tripura",
    "Imphal": "Imphal West",
    "Aizawl": "Aizawl",
    "Cuttack": "Cuttack",
}

# Each office's city in Hindi, for the room's Hindi name (`room_name_hi`); written as the city's
# English name reads (Allahabad, not Prayagraj), so the two names say the same.
CITY_HI = {
    "Agartala": "अगरतला",
    "Agra": "आगरा",
    "Ahmedabad": "अहमदाबाद",
    "Aizawl": "आइजोल",
    "Allahabad": "इलाहाबाद",
    "Aurangabad": "औरंगाबाद",
    "Bangalore": "बेंगलुरु",
    "Bengaluru": "बेंगलुरु",
    "Bhiwani": "भिवानी",
    "Chandigarh": "चंडीगढ़",
    "Chennai": "चेन्नई",
    "Coimbatore": "कोयंबटूर",
    "Cuttack": "कटक",
    "Dhanbad": "धनबाद",
    "Dimapur": "दीमापुर",
    "Diphu": "दीफू",
    "Durgapur": "दुर्गापुर",
    "Gangtok": "गंगटोक",
    "Gulbarga": "गुलबर्गा",
    "Guwahati": "गुवाहाटी",
    "Gwalior": "ग्वालियर",
    "Haldwani": "हल्द्वानी",
    "Hubli": "हुबली",
    "Hyderabad": "हैदराबाद",
    "Imphal": "इंफाल",
    "Indore": "इंदौर",
    "Itanagar": "ईटानगर",
    "Jaipur": "जयपुर",
    "Jammu": "जम्मू",
    "Kanpur": "कानपुर",
    "Karnal": "करनाल",
    "Kavaratti": "कवरत्ती",
    "Kolkata": "कोलकाता",
    "Leh": "लेह",
    "Ludhiana": "लुधियाना",
    "Mangalore": "मंगलौर",
    "Margao": "मडगांव",
    "Mumbai": "मुंबई",
    "Muzaffarpur": "मुजफ्फरपुर",
    "Nagpur": "नागपुर",
    "New Delhi": "नई दिल्ली",
    "Patna": "पटना",
    "Port Blair": "पोर्ट ब्लेयर",
    "Puducherry": "पुडुचेरी",
    "Raipur": "रायपुर",
    "Rajkot": "राजकोट",
    "Ranchi": "रांची",
    "Rayagada": "रायगडा",
    "Rewa": "रीवा",
    "Rourkela": "राउरकेला",
    "Shillong": "शिलांग",
    "Silchar": "सिलचर",
    "Siliguri": "सिलीगुड़ी",
    "Silvassa": "सिलवासा",
    "Solan": "सोलन",
    "Suri": "सूरी",
    "Tezpur": "तेजपुर",
    "Thrissur": "त्रिशूर",
    "Tura": "तुरा",
    "Tuticorin": "तूतीकोरिन",
    "Varanasi": "वाराणसी",
    "Visakhapatnam": "विशाखापत्तनम",
}
PREFIX_HI = {"dfo": "एमएसएमई-डीएफओ", "br": "शाखा एमएसएमई-डीएफओ"}


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def main() -> None:
    states = {_key(r["name"]): r for r in csv.DictReader((CORE / "states.csv").open())}
    districts = list(csv.DictReader((CORE / "districts.csv").open()))
    offices = [
        r
        for r in csv.DictReader(OFFICES.open(encoding="utf-8"))
        if r["office_type"] != "hub" and "doubtful" not in r["name"]
    ]
    rooms, lead, owner = {}, {}, {}
    for office in offices:
        city = office["city"].split(" (")[0]
        kind = "dfo" if office["office_type"] == "msme_dfo" else "br"
        code = f"{kind}-{_key(city)}"
        short = re.split(r" \(", office["name"])[0]
        state = states[_key(office["state"])]
        rooms[code] = {
            "name": f"{short} control room",
            "name_hi": f"{PREFIX_HI[kind]} {CITY_HI[city]} नियंत्रण कक्ष",
            "host": short,
            "state": state["udyam_code"],
        }
        home = _key(HOME_DISTRICT.get(city, city))
        for d in districts:
            if d["state_lgd_code"] == state["lgd_code"] and _key(d["name"]) == home:
                owner[d["lgd_code"]] = code
        if kind == "dfo":
            lead.setdefault(state["lgd_code"], code)
            for named in office["jurisdiction"].split(";"):
                other = states.get(_key(named.split("(")[0]))
                if other is not None:
                    lead.setdefault(other["lgd_code"], code)
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["room_code", "room_name", "room_name_hi", "host_office", "state", "district_lgd_code"]
        )
        for d in sorted(districts, key=lambda d: int(d["lgd_code"])):
            code = owner.get(d["lgd_code"]) or lead.get(d["state_lgd_code"])
            if code:
                room = rooms[code]
                row = [code, room["name"], room["name_hi"], room["host"], room["state"]]
                writer.writerow([*row, d["lgd_code"]])
    used = {row[0] for row in csv.reader(OUT.open()) if row[0] != "room_code"}
    print(f"{len(used)} rooms, rows written to {OUT.relative_to(ROOT.parents[1])}")


if __name__ == "__main__":
    main()
