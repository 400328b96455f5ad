from decimal import Decimal

from common.audit import nilai_json, selisih


def test_values_are_json_safe_and_keep_their_structure():
    assert nilai_json(Decimal("65.2200")) == "65.2200"
    assert nilai_json(Decimal("100.0000")) == "100"
    assert nilai_json([["1.", "Strata 2", 4]]) == [["1.", "Strata 2", 4]]
    assert nilai_json({"bawah": Decimal("80")}) == {"bawah": "80"}


def test_selisih_lists_only_changed_fields_with_old_and_new():
    assert selisih({"a": 1, "b": [1]}, {"a": 1, "b": [2]}) == {"b": [[1], [2]]}
