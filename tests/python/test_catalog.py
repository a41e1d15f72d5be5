import pytest

import trainprint


def test_tables_and_ids():
    cat = trainprint.catalog()
    assert cat.tables == ("hardware", "systems", "regions", "providers", "sources", "presets", "equivalents")
    for table in cat.tables:
        ids = cat.ids(table)
        assert ids and all(isinstance(i, str) for i in ids), table
    assert "nvidia-h100-sxm5-80gb" in cat.ids("hardware")
    assert cat.version == trainprint.estimate(gpu_hours=1, hardware="h100").catalog_version


def test_entry_by_alias_with_provenance():
    cat = trainprint.catalog()
    h100 = cat.entry("hardware", "h100")
    assert h100["id"] == "nvidia-h100-sxm5-80gb"
    assert cat.entry("h100") == h100  # the table is found from the id
    assert cat.entry("regions", "FR")["id"] == "FR"


def test_table_filter():
    cat = trainprint.catalog()
    aws = cat.table("regions", "aws")
    assert aws and all("aws" in (r["id"] + r.get("name", "")).lower() or any("aws" in a.lower() for a in r.get("aliases", [])) for r in aws)
    assert len(cat.table("regions")) == len(cat.ids("regions"))


def test_catalog_errors():
    cat = trainprint.catalog()
    with pytest.raises(trainprint.UnknownKeyError) as info:
        cat.entry("hardware", "h100x")
    assert info.value.suggestions
    with pytest.raises(trainprint.InputError, match=r"table"):
        cat.ids("hardwar")


def test_embedded_catalog_is_shared():
    assert trainprint.catalog() is trainprint.catalog()


def test_overlay(overlay):
    cat = trainprint.catalog([overlay])
    assert "c-api-test-gpu" in cat.ids("hardware")
    assert "c-api-test-gpu" not in trainprint.catalog().ids("hardware")
