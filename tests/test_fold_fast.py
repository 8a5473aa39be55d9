"""fold() takes a fast path without offsets; it must equal fold_with_offsets().text exactly."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff._text import fold, fold_with_offsets

# Capitals, accents (precomposed and combining), quotes, dashes, ligatures, fractions,
# invisible and control characters, odd spaces and characters whose fold holds a space.
TRICKY = (
    "aAbZ zeE1_\u00e9\u00c9\u0301\u0308 \t\n\r\u00a0\u3000\u2019\u201c\u201d\u2014\u2026"
    "\ufb01\u00bd\x00\x7f\u200b\u00ad\u00df\u0130\u01c5\u00a8\u1fc1\u03a3\u03c3\u0149\u00c5"
    "\u24b6\u2460`\u00b4.,'\"-"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The US and the CIA", "the US and the CIA"),
        ("The Us and the Cia", "the us and the cia"),  # near miss: not all capitals
        ("U.S. officials", "u.s. officials"),  # one-letter words stay folded
        ("A1 and 1A", "A1 and 1A"),
        ("\u00c9TA said", "\u00c9TA said"),  # the raw capitals come back, accent and all
        ("\u00c9ta said", "eta said"),
        ("  \u201cNO\u201d \u2014  twice \u2026 ", '"NO" - twice ...'),
        ("ab\u00a8cd", "ab cd"),
        ("", ""),
    ],
)
def test_fold_restores_acronyms_only(raw: str, expected: str) -> None:
    assert fold(raw) == expected
    assert fold_with_offsets(raw).text == expected


def test_fold_equals_the_offset_fold_on_random_tricky_text() -> None:
    rng = random.Random(6)  # noqa: S311 - reproducible test data, not security
    for _ in range(20_000):
        raw = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 14)))
        assert fold(raw) == fold_with_offsets(raw).text, raw


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fold_equals_the_offset_fold_on_any_text(raw: str) -> None:
    assert fold(raw) == fold_with_offsets(raw).text
