from __future__ import annotations

import json

import jsonschema
import pytest

import newsdiff
from newsdiff import Report, SchemaError
from newsdiff.schema import report_schema


@pytest.fixture(scope="module")
def report(seed_texts: dict[str, str]) -> Report:
    return newsdiff.compare(
        seed_texts["000"], seed_texts["002"], original_name="000", rewrite_name="002"
    )


def test_json_round_trips(report: Report) -> None:
    assert Report.from_json(report.to_json()) == report


def test_json_is_byte_identical_across_runs(seed_texts: dict[str, str], report: Report) -> None:
    again = newsdiff.compare(
        seed_texts["000"], seed_texts["002"], original_name="000", rewrite_name="002"
    )
    assert again.to_json() == report.to_json()


def test_json_contract_fields(report: Report) -> None:
    data = json.loads(report.to_json())
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == newsdiff.SCHEMA_VERSION
    group = data["alignment"][0]
    assert set(group) >= {"relation", "original", "rewrite", "similarity"}
    change = data["changes"][0]
    assert set(change) >= {"kind", "original", "rewrite", "explanation", "severity"}
    assert change["severity"] in {"low", "medium", "high"}
    assert 0 <= data["metrics"]["reuse"] <= 1
    assert 0 <= data["metrics"]["coverage"] <= 1
    assert "readability" in data["metrics"]


def test_every_span_in_the_json_slices_its_input(report: Report) -> None:
    data = json.loads(report.to_json())
    texts = {"original": report.original.text, "rewrite": report.rewrite.text}
    for entry in data["alignment"] + data["changes"]:
        for side in ("original", "rewrite"):
            for span in entry[side]:
                assert texts[side][span["start"] : span["end"]] == span["text"]


def test_json_validates_against_the_shipped_schema(report: Report) -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(report.to_json()), schema)
    several = {"comparisons": [json.loads(report.to_json())] * 2}
    jsonschema.validate(several, schema)


def test_schema_rejects_a_broken_report(report: Report) -> None:
    data = json.loads(report.to_json())
    data["changes"][0]["severity"] = "catastrophic"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, report_schema())


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "no schema_version"),
        ('{"schema_version": "9.0"}', "cannot be read"),
        ('{"schema_version": "1.0", "changes": []}', "not a valid newsdiff report"),
    ],
)
def test_from_json_refuses_what_is_not_a_report(text: str, fragment: str) -> None:
    with pytest.raises(SchemaError, match=fragment):
        Report.from_json(text)
