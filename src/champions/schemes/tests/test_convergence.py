import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from champions.schemes.convergence import (
    AGENCIES,
    BENEFIT_TYPES,
    COMBINED,
    COMPONENTS,
    DIMENSIONS,
    ELIGIBILITY_FACTS,
    MEMBER_COMPONENT,
    MEMBER_MISSING,
    MEMBER_SCHEME,
    TARGET_GROUPS_DIMENSION,
    WEIGHTS,
    band,
    convergence_build,
    heat_map,
    jaccard,
    pairs_table,
    rule_fields,
    themes_in,
)
from champions.schemes.presenters import convergence_out
from champions.schemes.selectors import convergence_report

ON = date(2026, 11, 23)

VOCABULARIES = {
    COMPONENTS: {
        "training": {"label_en": "Training", "keywords": ["training", "skill*"]},
        "credit": {"label_en": "Credit", "keywords": ["loan*"]},
    },
    BENEFIT_TYPES: {
        "grant": {"label_en": "Grant", "kinds": ["grant"], "keywords": ["grant*"]},
        "stipend": {"label_en": "Stipend", "kinds": [], "keywords": ["stipend"]},
    },
    AGENCIES: {
        "kvic": {"label_en": "KVIC", "codes": ["kvic"], "keywords": ["kvib*"]},
        "banks": {"label_en": "Banks", "codes": [], "keywords": ["bank*"]},
    },
}

RECOMMENDATIONS = {
    "report": {
        "title": "A report",
        "publisher": "A publisher",
        "released": "2026-01",
        "cited_in": "a facts file",
        "sources": ["https://example.org/report"],
        "caveat_en": "A caveat.",
    },
    "merge_candidates": [
        {
            "id": "g1",
            "recommendation": "merge A with B and Zed",
            "title_en": "A, B and Zed together",
            "members": [
                {"scheme": "a"},
                {"scheme": "b", "part_en": "its training"},
                {"scheme": "zed", "name": "Zed scheme"},
            ],
        }
    ],
    "keep_independent": {
        "recommendation": "keep C independent",
        "schemes": [{"scheme": "c", "reason_en": "Targeted."}],
    },
}


def _entry(scheme_id: str, **data) -> dict:
    return {
        "id": scheme_id,
        "name_en": f"Scheme {scheme_id.upper()}",
        "short_name": scheme_id.upper(),
        "kind": "programme",
        "agency": "momsme",
        "target_groups": [],
        "components": [],
        "benefits": [],
        "implementing_agencies": [],
        "rules": [],
        **data,
    }


ENTRIES = [
    _entry(
        "b",
        kind="training",
        target_groups=["women", "sc_st", "artisans"],
        components=[{"en": "Loans for tools"}, {"en": "Training"}],
        benefits=[{"en": "Stipend during training"}],
        implementing_agencies=["Banks"],
        rules=[
            {"id": "age", "field": "age", "op": ">=", "value": 18},
            {"id": "owner", "any_of": [{"field": "gender"}, {"field": "social_category"}]},
        ],
    ),
    _entry(
        "a",
        kind="grant",
        agency="kvic",
        target_groups=["women", "artisans"],
        components=[{"en": "Skill upgrading"}],
        benefits=[{"en": "Grant of ₹1 lakh"}],
        implementing_agencies=["State KVIBs", "Banks"],
        rules=[
            {"id": "age", "field": "age", "op": ">=", "value": 18},
            {"id": "sector", "field": "sector", "op": "==", "value": "manufacturing"},
        ],
    ),
    _entry("c", target_groups=["sc_st"]),
    _entry("d", target_groups=["women"], valid_to="2020-12-31"),
]


def _report():
    return convergence_build(
        ENTRIES, on=ON, recommendations=RECOMMENDATIONS, vocabularies=VOCABULARIES
    )


# --- The pure functions, on hand-made entries ---------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "a", "b", "expected"),
    [
        ("one shared of three", {"x", "y"}, {"y", "z"}, 1 / 3),
        ("the same", {"x"}, {"x"}, 1.0),
        ("disjoint", {"x"}, {"y"}, 0.0),
        ("both empty", set(), set(), 0.0),
        ("one empty", {"x"}, set(), 0.0),
        ("subset", {"x", "y", "z", "w"}, {"x", "y"}, 0.5),
    ],
)
def test_jaccard(_case, a, b, expected):
    assert jaccard(a, b) == pytest.approx(expected)
    assert jaccard(b, a) == pytest.approx(expected)


def test_keywords_match_whole_words_or_a_prefix_with_a_star():
    vocabulary = {
        "train": {"keywords": ["train"]},
        "skill": {"keywords": ["skill*"]},
        "fee": {"keywords": ["fee"]},
    }

    assert themes_in(["Skill upgrading for trainers"], vocabulary) == {"skill"}
    assert themes_in(["They train workers", "coffee"], vocabulary) == {"train"}
    assert themes_in(["A FEE of 5%", None], vocabulary) == {"fee"}


def test_rule_fields_read_alternatives_and_conditions_in_force():
    rules = [
        {"id": "r1", "field": "age", "op": ">=", "value": 18},
        {"id": "r2", "any_of": [{"field": "gender"}, {"field": "sc_st_owned"}]},
        {"id": "r3", "field": "education", "when": [{"field": "sector"}]},
        {"id": "r4", "field": "old_fact", "effective_to": "2020-03-31"},
    ]

    assert rule_fields(rules, ON) == {"age", "gender", "sc_st_owned", "education", "sector"}
    assert "old_fact" in rule_fields(rules, date(2020, 1, 1))


def test_a_pair_worked_by_hand():
    report = _report()

    pair = report.pair("b", "a")

    scores = {o.dimension: o.score for o in pair.overlaps}
    assert (pair.a, pair.b) == ("a", "b")
    assert scores == pytest.approx(
        {
            TARGET_GROUPS_DIMENSION: 2 / 3,  # women, artisans of women, sc_st, artisans
            COMPONENTS: 1 / 2,  # training of training, credit
            BENEFIT_TYPES: 0.0,  # grant against stipend
            AGENCIES: 1 / 2,  # banks of kvic, banks
            ELIGIBILITY_FACTS: 1 / 4,  # age of age, sector, gender, social_category
        }
    )
    assert pair.score == pytest.approx(0.3 * 2 / 3 + 0.3 / 2 + 0 + 0.1 / 2 + 0.1 / 4)
    assert [i.id for i in pair.overlap(TARGET_GROUPS_DIMENSION).shared] == ["women", "artisans"]
    assert [i.label for i in pair.overlap(AGENCIES).shared] == ["Banks"]
    assert [i.id for i in pair.overlap(ELIGIBILITY_FACTS).shared] == ["age"]
    assert pair.overlap(BENEFIT_TYPES).shared == ()
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_matrices_are_symmetric_with_a_diagonal_of_one():
    report = _report()

    ids = [s.id for s in report.schemes]
    for matrix in [report.matrix, *report.matrices.values()]:
        assert [matrix[i][i] for i in range(len(ids))] == [1.0, 1.0, 1.0]
        assert all(matrix[i][j] == matrix[j][i] for i in range(3) for j in range(3))
    assert ids == ["a", "b", "c"]
    assert [s.id for s in report.left_out] == ["d"]
    assert report.matrix[0][1] == pytest.approx(0.425)
    assert report.matrices[TARGET_GROUPS_DIMENSION][1][2] == pytest.approx(1 / 3)
    assert [(p.rank, p.a, p.b) for p in report.pairs] == [
        (1, "a", "b"),
        (2, "b", "c"),
        (3, "a", "c"),
    ]


def test_merge_groups_say_what_the_catalogue_lacks_and_carry_the_evidence():
    report = _report()

    (group,) = report.merge_candidates

    statuses = [(m.scheme_id, m.status, m.part) for m in group.members]
    assert statuses == [
        ("a", MEMBER_SCHEME, ""),
        ("b", MEMBER_COMPONENT, "its training"),
        ("zed", MEMBER_MISSING, ""),
    ]
    assert group.members[2].name == "Zed scheme"
    assert [(p.a, p.b) for p in group.evidence] == [("a", "b")]
    assert group.mean_score == pytest.approx(0.425)
    assert report.merge_pairs() == {("a", "b"): "g1"}


def test_independents_carry_the_reason_and_their_nearest_scheme():
    report = _report()

    (flagged,) = report.keep_independent

    assert (flagged.scheme_id, flagged.reason, flagged.in_catalogue) == ("c", "Targeted.", True)
    assert (flagged.nearest.a, flagged.nearest.b) == ("b", "c")
    assert flagged.nearest_label == "B"
    assert flagged.nearest.score == pytest.approx(0.3 / 3)


def test_heat_map_bands_and_marks():
    report = _report()

    rows = heat_map(report, TARGET_GROUPS_DIMENSION)

    assert [band(s) for s in (0.0, 0.099, 0.1, 0.3, 0.45, 0.55, 1.0)] == [0, 0, 1, 2, 3, 4, 4]
    first = rows[0]
    assert [(c.column.id, c.is_self, c.band, c.merge_group) for c in first.cells] == [
        ("a", True, 4, None),
        ("b", False, 4, "g1"),
        ("c", False, 0, None),
    ]
    assert [r.is_independent for r in rows] == [False, False, True]


def test_pairs_table_has_a_header_and_one_row_per_pair():
    entries = [*ENTRIES, _entry("e", name_en="=HYPERLINK(1)", target_groups=["women"])]
    report = convergence_build(
        entries, on=ON, recommendations=RECOMMENDATIONS, vocabularies=VOCABULARIES
    )

    table = pairs_table(report)

    assert table[0][:6] == [
        "rank",
        "scheme_a",
        "scheme_a_name",
        "scheme_b",
        "scheme_b_name",
        "score",
    ]
    assert len(table) == 1 + 6
    first = dict(zip(table[0], table[1], strict=True))
    assert (first["scheme_a"], first["score"], first["niti_2026_merge_group"]) == (
        "a",
        "0.425",
        "g1",
    )
    assert first["target_groups_shared"] == "Women; Artisans"
    assert "'=HYPERLINK(1)" in {row[2] for row in table} | {row[4] for row in table}


# --- The real catalogue -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_names_its_merge_candidates_with_evidence(catalogue):
    report = convergence_report(on=ON)

    groups = {c.group: c for c in report.merge_candidates}
    cluster = groups["cluster_development"]
    innovation = groups["innovation"]
    skilling = groups["three_tier_skilling"]
    sfurti = report.pair("sfurti", "mse_cdp")
    aspire = report.pair("aspire", "msme_champions_innovative")
    assert [(p.a, p.b) for p in cluster.evidence] == [("mse_cdp", "sfurti")]
    assert [(p.a, p.b) for p in innovation.evidence] == [("aspire", "msme_champions_innovative")]
    assert [i.id for i in sfurti.overlap(COMPONENTS).shared] == [
        "common_facilities",
        "infrastructure",
    ]
    assert "incubation_innovation" in {i.id for i in aspire.overlap(COMPONENTS).shared}
    assert "incubators" in {i.id for i in aspire.overlap(AGENCIES).shared}
    assert cluster.mean_score == pytest.approx(sfurti.score)
    assert {m.scheme_id: m.status for m in skilling.members} == {
        "esdp": MEMBER_SCHEME,
        "pmegp": MEMBER_COMPONENT,
        "ic_scheme": MEMBER_COMPONENT,
        "ati": MEMBER_SCHEME,
    }
    assert len(skilling.evidence) == 6
    assert all(p.has_evidence for c in report.merge_candidates for p in c.evidence)


@pytest.mark.django_db
def test_targeted_schemes_are_flagged_independent(catalogue):
    report = convergence_report(on=ON)

    flagged = {i.scheme_id: i for i in report.keep_independent}

    assert set(flagged) == {"nssh", "ner_sikkim", "pmegp", "pm_vishwakarma"}
    assert all(i.in_catalogue and i.reason and i.nearest for i in flagged.values())
    assert flagged["nssh"].catalogue_note.startswith("keep independent")


@pytest.mark.django_db
def test_the_whole_catalogue_matrix(catalogue):
    report = convergence_report(on=ON)

    size = len(report.schemes)
    assert size == 24  # the 2018 interest subvention closed in 2021
    assert [s.id for s in report.left_out] == ["interest_subvention_2018"]
    assert len(report.pairs) == size * (size - 1) // 2
    assert all(report.matrix[i][i] == 1.0 for i in range(size))
    assert all(report.matrix[i][j] == report.matrix[j][i] for i in range(size) for j in range(i))


# --- API and pages -------------------------------------------------------------------------------

API_URL = "/api/v1/schemes/convergence"


@pytest.mark.django_db
def test_api_shape_and_parity_with_the_selector(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(API_URL, {"on": ON.isoformat(), "top": 5})

    body = response.json()
    report = convergence_report(on=ON)
    assert response.status_code == 200
    assert set(body) == {
        "on",
        "report",
        "schemes",
        "left_out",
        "dimensions",
        "matrix",
        "pairs",
        "merge_candidates",
        "keep_independent",
    }
    assert body == convergence_out(report, top=5) | {"on": ON.isoformat()}
    assert [s["id"] for s in body["schemes"]] == [s.id for s in report.schemes]
    assert [d["id"] for d in body["dimensions"]] == list(DIMENSIONS)
    assert body["matrix"][0][0] == 1.0
    assert len(body["pairs"]) == 5
    cluster = next(c for c in body["merge_candidates"] if c["group"] == "cluster_development")
    assert cluster["report_reference"]["recommendation"] == "merge SFURTI with MSE-CDP"
    assert cluster["evidence"][0]["merge_group"] == "cluster_development"
    assert {i["scheme"] for i in body["keep_independent"]} == {
        "nssh",
        "ner_sikkim",
        "pmegp",
        "pm_vishwakarma",
    }


@pytest.mark.django_db
def test_api_refuses_a_bad_date(client, catalogue):
    response = client.get(API_URL, {"on": "yesterday"})

    assert response.status_code == 422


@pytest.mark.django_db
def test_page_shows_the_matrix_and_the_candidates(client, catalogue):
    response = client.get(reverse("web:schemes:convergence"))

    html = response.content.decode()
    size = len(convergence_report().schemes)
    assert response.status_code == 200
    assert '<table class="heat-map">' in html
    assert html.count('<th scope="col">') == size
    assert html.count('<th scope="row">') == size
    assert "Merge SFURTI with MSE-CDP" in html
    assert "ASPIRE into MSME Innovative" in html
    assert "Common facility centres" in html
    assert "Kept independent" in html
    assert reverse("web:schemes:convergence_csv") in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "asked", "shown"),
    [
        ("a dimension", "components", "components"),
        ("unknown falls back", "colour", COMBINED),
    ],
)
def test_dimension_selector_swaps_the_heat_map(client, catalogue, _case, asked, shown):
    response = client.get(
        reverse("web:schemes:convergence"), {"dimension": asked}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert response.context["dimension"] == shown
    assert response.templates[0].name == "schemes/partials/_heat_map.html"


@pytest.mark.django_db
def test_csv_download(client, catalogue):
    response = client.get(reverse("web:schemes:convergence_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    size = len(convergence_report().schemes)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="scheme-convergence-')
    assert rows[0][:2] == ["rank", "scheme_a"]
    assert len(rows) == 1 + size * (size - 1) // 2


@pytest.mark.django_db
def test_hindi_page(client, catalogue):
    client.cookies["django_language"] = "hi"

    response = client.get(reverse("web:schemes:convergence"), HTTP_ACCEPT_LANGUAGE="hi")

    html = response.content.decode()
    assert response.status_code == 200
    assert "SFURTI का MSE-CDP में विलय" in html
    assert "साझा सुविधा केंद्र" in html


@pytest.mark.django_db
def test_list_and_detail_link_to_the_page(client, catalogue):
    url = reverse("web:schemes:convergence")

    assert url in client.get(reverse("web:schemes:list")).content.decode()
    assert url in client.get(reverse("web:schemes:detail", args=["sfurti"])).content.decode()
