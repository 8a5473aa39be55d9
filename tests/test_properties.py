"""Properties that hold for any input: spans slice it, self-comparison is quiet, JSON is stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff import InputError, Report

# Words, punctuation, quotes, and the characters that break naive text code.
_ALPHABET = st.sampled_from(
    [
        *"abcdefghij ABC .,?!;:'\"-\n",
        "\u201c",
        "\u201d",
        "\u2019",
        "\u2014",
        "\u00a0",
        "\u200b",
        "\u200d",
        "\u202e",
        "\u0301",
        "\u05d0",
        "\u0627",
        "\U0001f600",
        "\U0001f1fa\U0001f1f8",
        "\x07",
        "\r\n",
        "U.S.",
        "Mr.",
        "said",
        "\u00e9",
    ]
)
_TEXT = st.lists(_ALPHABET, min_size=1, max_size=80).map("".join)
_SENTENCE = st.lists(
    st.sampled_from(
        ["officials", "said", "the", "plan", "failed", "Monday", "\u201cno\u201d", "3"]
    ),
    min_size=1,
    max_size=8,
).map(lambda words: " ".join(words) + ".")
_ARTICLE = st.lists(_SENTENCE, min_size=1, max_size=8).map(" ".join)

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _compare_or_refuse(original: str, rewrite: str) -> Report | None:
    try:
        return newsdiff.compare(original, rewrite)
    except InputError:
        return None


def _assert_spans_slice(report: Report) -> None:
    texts = {"original": report.original.text, "rewrite": report.rewrite.text}
    for group in report.alignment:
        for span in group.original:
            assert texts["original"][span.start : span.end] == span.text
        for span in group.rewrite:
            assert texts["rewrite"][span.start : span.end] == span.text
        for edit in group.edits:
            if edit.original:
                assert (
                    texts["original"][edit.original.start : edit.original.end] == edit.original.text
                )
            if edit.rewrite:
                assert texts["rewrite"][edit.rewrite.start : edit.rewrite.end] == edit.rewrite.text
    for change in report.changes:
        for span in change.original:
            assert texts["original"][span.start : span.end] == span.text
        for span in change.rewrite:
            assert texts["rewrite"][span.start : span.end] == span.text


@_SETTINGS
@given(_TEXT, _TEXT)
def test_no_crash_and_spans_slice_on_any_unicode(original: str, rewrite: str) -> None:
    report = _compare_or_refuse(original, rewrite)
    if report is not None:
        _assert_spans_slice(report)
        assert Report.from_json(report.to_json()) == report


@_SETTINGS
@given(_TEXT)
def test_self_comparison_gives_no_change(text: str) -> None:
    report = _compare_or_refuse(text, text)
    if report is not None:
        assert report.changes == ()


@_SETTINGS
@given(_ARTICLE, _ARTICLE)
def test_articles_round_trip_and_are_deterministic(original: str, rewrite: str) -> None:
    report = newsdiff.compare(original, rewrite)
    _assert_spans_slice(report)
    assert Report.from_json(report.to_json()) == report
    assert newsdiff.compare(original, rewrite).to_json() == report.to_json()
    originals = sorted(i for g in report.alignment for i in g.original_sentences)
    assert originals == list(range(len(report.original.sentences)))


@_SETTINGS
@given(_ARTICLE)
def test_typographic_variant_gives_no_change(text: str) -> None:
    variant = text.replace("\u201c", '"').replace("\u201d", '"').replace(" ", "  ")
    assert newsdiff.compare(text, variant).changes == ()
