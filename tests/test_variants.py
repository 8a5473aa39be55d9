from __future__ import annotations

import json

import pytest

import newsdiff
import newsdiff.variants as variants_module
from newsdiff import InputError, SchemaError, Severity
from newsdiff.variants import (
    DERIVED_MIN_REUSE,
    OWN_WORDING_MIN,
    VariantComparison,
    compare_variants,
)

ORIGINAL = (
    "The city council approved a new budget on Tuesday after a long debate. "
    "The plan raises spending on schools by ten percent. "
    "Council member Ana Ruiz said the vote was a turning point for the district. "
    "Critics argued that the increase would strain other services. "
    "The mayor is expected to sign the plan next week."
)
# A free rewrite of the original with wording of its own.
REWRITE = (
    "On Tuesday, lawmakers in the city backed a fresh spending plan following hours of argument. "
    "Under the proposal, school funding climbs by a tenth. "
    "Ana Ruiz, who sits on the council, called the vote a turning point for the district. "
    "Opponents warned that other public services could suffer as a result. "
    "The mayor is expected to sign the plan next week. "
    "Parents' groups welcomed the decision in a statement released late on Tuesday."
)
# A light edit of REWRITE: it inherits REWRITE's own wording, so REWRITE is its parent.
COPY_OF_REWRITE = (
    "On Tuesday, lawmakers in the city backed a fresh spending plan following hours of argument. "
    "Under the proposal, school funding climbs by a tenth. "
    "Ana Ruiz, who sits on the council, called the vote a turning point for the district. "
    "The mayor is expected to sign the plan next week. "
    "Teachers' unions praised the decision in a statement released late on Tuesday."
)
# A trim of the original that shares no wording of its own with REWRITE.
TRIM = (
    "The city council approved a new budget on Tuesday. "
    "Spending on schools rises by ten percent under the plan. "
    "Critics argued that the increase would strain other services."
)
# Another story sharing only a name with the original: independent coverage.
OTHER_STORY = (
    "Ana Ruiz opened a bakery on the corner of the main square last spring. "
    "Her bread sold out within an hour on the first morning."
)


@pytest.fixture(scope="module")
def family() -> VariantComparison:
    return compare_variants(
        ORIGINAL,
        {"rewrite": REWRITE, "copy": COPY_OF_REWRITE, "trim": TRIM, "other": OTHER_STORY},
    )


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("original", None),
        ("rewrite", "original"),
        ("copy", "rewrite"),  # carries the rewrite's own wording
        ("trim", "original"),  # near miss: close to the original, nothing of the rewrite's own
        ("other", None),  # shares a name only
    ],
)
def test_lineage_on_an_invented_family(family: VariantComparison, name: str, parent: str) -> None:
    assert family.parent(name) == parent


def test_lineage_links_carry_their_evidence(family: VariantComparison) -> None:
    links = {link.name: link for link in family.lineage}
    assert links["copy"].own_wording >= OWN_WORDING_MIN
    assert links["copy"].reuse > 0.9
    assert "rewrite" in links["copy"].reason
    assert links["rewrite"].own_wording == 0.0
    assert links["rewrite"].reuse >= DERIVED_MIN_REUSE
    assert links["other"].reuse < DERIVED_MIN_REUSE
    assert "independent" in links["other"].reason


def test_matrices_shape_diagonal_and_symmetry(family: VariantComparison) -> None:
    size = len(family.names)
    assert family.names == ("original", "rewrite", "copy", "trim", "other")
    assert len(family.reuse) == len(family.similarity) == size
    for i in range(size):
        assert family.reuse[i][i] == family.similarity[i][i] == 1.0
        for j in range(size):
            assert 0.0 <= family.reuse[i][j] <= 1.0
            assert family.similarity[i][j] == family.similarity[j][i]
    # Reuse is asymmetric: the trim is mostly original words, the original mostly not trim.
    assert family.reuse[0][3] > 0.8
    assert family.reuse[3][0] < 0.5
    assert family.reuse[0][4] == 0.0


def test_pairwise_reports_are_against_the_original(family: VariantComparison) -> None:
    names = [report.rewrite.name for report in family.comparisons]
    assert names == ["rewrite", "copy", "trim", "other"]
    report = family.report("trim")
    assert report.original.text == ORIGINAL
    assert report.rewrite.text == TRIM
    assert report.rewrite.name == "trim"
    with pytest.raises(KeyError):
        family.report("nobody")


def test_unique_claims(family: VariantComparison) -> None:
    claims = {(u.version, u.span.text) for u in family.unique if u.kind == "claim"}
    # Only the rewrite says opponents warned; the copy's new last sentence aligns with
    # the rewrite's, so it is not unique.
    assert ("rewrite", "Opponents warned that other public services could suffer as a result.") in (
        claims
    )
    assert not any(version == "copy" for version, _ in claims)
    assert ("other", "Her bread sold out within an hour on the first morning.") in claims


@pytest.mark.parametrize(
    ("first", "second", "unique"),
    [
        # A quotation only the first variant has.
        (
            'She said: "We will not back down on this budget." The vote passed.',
            "The vote passed.",
            ['"We will not back down on this budget."'],
        ),
        # Near miss: the other variant has the same words in curly quotes.
        (
            'She said: "We will not back down on this budget." The vote passed.',
            "The vote passed. \u201cWe will not back down on this budget,\u201d she said.",
            [],
        ),
        # Near miss: too short to be worth reporting.
        ('She said: "No way." The vote passed.', "The vote passed.", []),
    ],
)
def test_unique_quotes(first: str, second: str, unique: list[str]) -> None:
    family = compare_variants("The vote passed on Monday.", {"a": first, "b": second})
    found = [u.span.text for u in family.unique if u.kind == "quote" and u.version == "a"]
    assert found == unique
    for item in family.unique:
        source = first if item.version == "a" else second
        assert source[item.span.start : item.span.end] == item.span.text


def test_seed_lineage(seed_texts: dict[str, str]) -> None:
    variants = {prefix: seed_texts[prefix] for prefix in ("001", "002", "003", "004")}
    family = compare_variants(seed_texts["000"], variants, original_name="000")
    assert {link.name: link.parent for link in family.lineage} == {
        "000": None,
        "001": "000",
        "002": "000",
        "003": "000",
        "004": None,
    }


def test_each_version_is_read_once_and_reports_match_uncached_ones(
    seed_texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    variants = {prefix: seed_texts[prefix] for prefix in ("001", "002", "003", "004")}
    caches: list[newsdiff.AnalysisCache] = []

    class Recorded(newsdiff.AnalysisCache):
        def __init__(self, **limits: int) -> None:
            super().__init__(**limits)
            caches.append(self)

    monkeypatch.setattr(variants_module, "AnalysisCache", Recorded)
    family = compare_variants(seed_texts["000"], variants, original_name="000")
    (cache,) = caches
    versions = 1 + len(variants)
    # Each of the 10 pairs of versions reads two documents; only the first sight is new.
    assert (cache.misses, cache.hits) == (versions, versions * (versions - 1) - versions)
    monkeypatch.setattr(variants_module, "_MAX_CACHED_CHARS", 1)  # nothing kept
    uncached = compare_variants(seed_texts["000"], variants, original_name="000")
    assert caches[1].hits == 0
    assert family.to_json() == uncached.to_json()


def test_json_is_deterministic_and_complete(family: VariantComparison) -> None:
    text = family.to_json()
    assert text == family.to_json()
    data = json.loads(text)
    assert next(iter(data)) == "schema_version"
    assert data["names"] == list(family.names)
    assert data["lineage"][2] == {
        "name": "copy",
        "parent": "rewrite",
        "reuse": family.lineage[2].reuse,
        "own_wording": family.lineage[2].own_wording,
        "reason": family.lineage[2].reason,
    }
    assert data["comparisons"][0]["rewrite"]["text"] == REWRITE
    assert json.loads(family.to_json(indent=None)) == data
    assert VariantComparison.from_json(text) == family


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ('{"schema_version": "9.0"}', "schema 9.0"),
        ("[]", "no schema_version"),
        ('{"schema_version": "1.0", "names": []}', "not a valid"),
    ],
)
def test_from_json_refuses_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        VariantComparison.from_json(text)


def test_filter_keeps_only_asked_changes(family: VariantComparison) -> None:
    high = family.filter(min_severity=Severity.HIGH)
    for report in high.comparisons:
        assert all(change.severity is Severity.HIGH for change in report.changes)
    assert high.lineage == family.lineage
    assert sum(len(report.changes) for report in family.comparisons) > 0


def test_identical_variant_reuses_everything() -> None:
    family = compare_variants(ORIGINAL, {"same": ORIGINAL})
    assert family.reuse[0][1] == family.reuse[1][0] == 1.0
    assert family.parent("same") == "original"
    assert family.unique == ()
    assert family.comparisons[0].changes == ()


@pytest.mark.parametrize(
    ("variants", "original_name", "message"),
    [
        ({}, "original", "at least one variant"),
        ({"original": "Talks failed."}, "original", "unique"),
        ({"a": ""}, "original", "a"),
    ],
)
def test_bad_input(variants: dict[str, str], original_name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        compare_variants("Talks failed.", variants, original_name=original_name)
