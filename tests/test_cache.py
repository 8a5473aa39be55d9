"""AnalysisCache: documents read once serve many comparisons, and no report changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff import AnalysisCache
from newsdiff.detect.attribution import AttributionDetector
from newsdiff.detect.entities import EntityDetector
from newsdiff.lexicons import load_lexicon

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _seed(number: int) -> str:
    return SEEDS[number].read_text(encoding="utf-8")


def test_reports_with_a_cache_equal_reports_without_byte_for_byte() -> None:
    texts = [_seed(n) for n in range(len(SEEDS))]
    cache = AnalysisCache()
    # Every seed against every seed, each text in both roles, most of them from the cache.
    for original in texts:
        for rewrite in texts:
            cached = newsdiff.compare(original, rewrite, cache=cache)
            assert cached.to_json() == newsdiff.compare(original, rewrite).to_json()
    assert (cache.misses, cache.hits) == (len(texts), len(texts) ** 2 * 2 - len(texts))


def test_one_original_against_many_rewrites_is_read_once() -> None:
    cache = AnalysisCache()
    wire = "Officials met on Monday. Talks failed, the minister said."
    outlets = [
        "Officials met on Monday. Talks failed.",
        "Officials met on Friday. Talks failed, the minister said.",
        "Officials reportedly met. Talks may have failed.",
    ]
    reports = [newsdiff.compare(wire, outlet, cache=cache) for outlet in outlets]
    assert (cache.hits, cache.misses, len(cache)) == (2, 4, 4)
    assert reports[0].original is reports[2].original  # one analysis, one document
    assert [[c.kind.value for c in r.changes] for r in reports] == [
        [c.kind.value for c in newsdiff.compare(wire, outlet).changes] for outlet in outlets
    ]


def test_a_name_is_part_of_what_is_kept() -> None:
    cache = AnalysisCache()
    text = "Officials met on Monday."
    first = newsdiff.compare(text, text, original_name="a.txt", rewrite_name="b.txt", cache=cache)
    assert (first.original.name, first.rewrite.name) == ("a.txt", "b.txt")
    assert (cache.hits, cache.misses) == (0, 2)
    again = newsdiff.compare(text, text, original_name="b.txt", cache=cache)
    assert again.original.name == "b.txt"
    assert again.rewrite.name is None
    assert (cache.hits, cache.misses) == (1, 3)


def test_least_recently_used_documents_leave_first() -> None:
    cache = AnalysisCache(max_documents=2)
    a, b, c = "Alpha rose.", "Bravo fell.", "Charlie held."
    newsdiff.compare(a, b, cache=cache)
    newsdiff.compare(a, c, cache=cache)  # a used again; b is now the oldest and leaves
    assert len(cache) == 2
    newsdiff.compare(a, c, cache=cache)
    assert (cache.hits, cache.misses) == (3, 3)
    # b comes back and pushes out a, the older of a and c: a is then read anew.
    newsdiff.compare(b, a, cache=cache)
    assert (cache.hits, cache.misses) == (3, 5)


def test_kept_texts_are_bounded_by_characters_and_longer_ones_are_not_kept() -> None:
    cache = AnalysisCache(max_chars=30)
    short, other, long = "Alpha rose today.", "Bravo fell today.", "Charlie held firm " * 3
    newsdiff.compare(short, other, cache=cache)  # 17 + 17 characters: the first leaves
    assert len(cache) == 1
    newsdiff.compare(long, other, cache=cache)  # 54 characters: analysed, not kept
    assert len(cache) == 1
    newsdiff.compare(long, other, cache=cache)
    assert (cache.hits, cache.misses) == (2, 4)
    cache.clear()
    assert len(cache) == 0


@pytest.mark.parametrize(("documents", "chars"), [(0, 10), (5, 0), (-1, -1)])
def test_a_cache_of_nothing_is_refused(documents: int, chars: int) -> None:
    with pytest.raises(ValueError, match="must be 1 or more"):
        AnalysisCache(max_documents=documents, max_chars=chars)


def test_detectors_with_their_own_lexicons_share_a_cache_without_mixing() -> None:
    verbs = load_lexicon("reporting_verbs").extended(house=["opined"])
    organisations = load_lexicon("organisations").extended(**{"ferrovia rail": ["Ferrovia"]})
    house = [
        AttributionDetector(reporting_verbs=verbs),
        EntityDetector(organisations=organisations),
    ]
    before = "Ferrovia approved the plan, the central bank opined on Monday."
    after = "Portline approved the plan."
    cache = AnalysisCache()
    stock_cached = newsdiff.compare(before, after, cache=cache)
    house_cached = newsdiff.compare(before, after, detectors=house, cache=cache)
    assert cache.hits == 2
    assert stock_cached.to_json() == newsdiff.compare(before, after).to_json()
    assert house_cached.to_json() == newsdiff.compare(before, after, detectors=house).to_json()
    assert house_cached.to_json() != stock_cached.to_json()


_SENTENCES = st.sampled_from(
    [
        "Officials met on Monday.",
        "Talks failed, the minister said.",
        '"We will not sign," she said.',
        "Prices may rise by 5% next year.",
        "The senator reportedly resigned.",
        "Rain fell.",
    ]
)
_ARTICLES = st.lists(_SENTENCES, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(_ARTICLES, min_size=2, max_size=4))
def test_any_order_of_comparisons_gives_the_uncached_reports(texts: list[str]) -> None:
    cache = AnalysisCache(max_documents=2)
    for original, rewrite in zip(texts, texts[1:] + texts[:1], strict=True):
        cached = newsdiff.compare(original, rewrite, cache=cache)
        assert cached.to_json() == newsdiff.compare(original, rewrite).to_json()
