"""Reading codes from words: the longer glossary term wins, and a purpose clause ("... for
packing mango pulp") counts less than the product asked for."""

import pytest

from champions.network import codes
from champions.network.matching import PURPOSE_WEIGHT, codes_from_text


def test_a_longer_term_hides_the_shorter_term_inside_it():
    # कपास alone is raw cotton; कपास का धागा is cotton yarn, not also raw cotton.
    assert codes.glossary_codes("मुझे कपास का धागा चाहिए") == ["hs:5205"]
    assert codes.glossary_codes("कपास की गांठें और कपास") == ["hs:5201"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Tin containers for packing mango pulp", "for packing mango pulp"),
        ("बांस की तीलियां अगरबत्ती के लिए", "तीलियां अगरबत्ती के लिए"),
        ("Looking for a supplier of cotton yarn", None),
        ("Buyers for our turmeric", None),
    ],
)
def test_purpose_clause(text, clause):
    span = codes.purpose_span(text)
    assert (text[span[0] : span[1]] if span else None) == clause


def test_the_product_asked_for_outweighs_its_purpose(db):
    found = dict(codes_from_text("Tin containers for packing mango pulp"))
    assert found["hs:7310"] == 1.0
    assert found["hs:2008"] == PURPOSE_WEIGHT
    # Without a product outside the clause, the clause's product is what is asked for.
    assert dict(codes_from_text("for mango pulp"))["hs:2008"] == 1.0


def test_a_request_for_raw_material_asks_for_the_inputs_of_the_askers_trade(db):
    from champions.network.matching import MatchQuery, _asker_industries

    text = "हम ट्रांसफार्मर बनाते हैं, कच्चा माल चाहिए"
    query, inferred = _asker_industries(
        MatchQuery(text=text, kind="business_request"), codes_from_text(text)
    )
    # transformers are what the asker makes (HS 8504, made by NIC 2710), not what it wants
    assert "2710" in query.nic_codes
    assert not [code for code, _sim in inferred if code.startswith("hs:")]
    # naming a product without "raw material" is asking for that product
    text = "Enamelled copper wire"
    query, inferred = _asker_industries(
        MatchQuery(text=text, kind="business_request"), codes_from_text(text)
    )
    assert query.nic_codes == ()
    assert "hs:7408" in dict(inferred)
