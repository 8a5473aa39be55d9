"""The detectors' work grows in step with the articles, counted rather than timed.

Each test compares an invented story repeated a few times (every copy with its own
names and words, as a longer article would have) and counts work: finder passes per
document, quotation comparisons in the ledger, and Python calls made inside the
detectors and the tone metrics. Four times the text may cost four times the work,
never sixteen, so a detector that compares everything with everything fails here on any
machine, however fast.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import newsdiff
from newsdiff.detect import _entities, _quotes, quotes

SMALL, LARGE = 3, 12
# Linear growth gives a ratio of LARGE / SMALL = 4 (less, with fixed costs); the 10%
# slack absorbs boundary effects. Anything quadratic lands near 16; the detectors as
# they were before the shared annotations, with a few quadratic steps, gave 5.1.
LINEAR = 1.1 * LARGE / SMALL
_DETECT = str(Path(newsdiff.__file__).parent / "detect")
_TONE = str(Path(newsdiff.__file__).parent / "_tone.py")


def _tag(copy: int) -> str:
    """Letters that make each copy's names and words its own ("qb", "qc", ...)."""
    return "q" + string.ascii_lowercase[copy % 26] + string.ascii_lowercase[copy // 26]


def _story(copies: int, *, rewrite: bool) -> str:
    # Every content word inside quotation marks is the copy's own, so a quotation of one
    # copy has no candidate counterpart in another; shared words outside quotations
    # ("said", "plan", "Monday") keep the finders' work realistic.
    paragraphs: list[str] = []
    for copy in range(copies):
        t = _tag(copy)
        if rewrite:
            paragraphs += [
                (
                    f'Mayor Ana Ruiz{t} said: "The harbour{t} plan{t} will bring{t} many{t} '
                    f'jobs{t} to the town{t}." Critics{t} slammed the plan.'
                ),
                f'"The budget{t} will shrink{t} by a third{t}," officials{t} said on Monday.',
                f"Work on the pier{t} may start in 2027, with 450 staff{t}.",
                # People recur through a long article, named at the start of a sentence.
                f"Ruiz visited the pier{t} again.",
            ]
        else:
            paragraphs += [
                (
                    f'Mayor Ana Ruiz{t} said: "The harbour{t} plan{t} will bring{t} jobs{t} to '
                    f'the town{t}." Critics{t} questioned the plan.'
                ),
                f"Officials{t} said the budget{t} will shrink{t} by a third{t} on Monday.",
                f'"Nobody{t} waited{t} longer{t} for the pier{t}," said Tom Hale{t}.',
                f"Work on the pier{t} starts in 2026, with 400 staff{t}.",
                f"Ruiz visited the pier{t}.",
            ]
    return "\n\n".join(paragraphs)


def _pair(copies: int) -> tuple[str, str]:
    return _story(copies, rewrite=False), _story(copies, rewrite=True)


@contextmanager
def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> Iterator[list[int]]:
    """Count the calls of ``module.name`` while the block runs."""
    original: Callable[..., Any] = getattr(module, name)
    count = [0]

    def counted(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return original(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(module, name, counted)
        yield count


def test_the_stories_have_changes_of_every_family_the_counts_cover() -> None:
    report = newsdiff.compare(*_pair(SMALL))
    kinds = {change.kind.value for change in report.changes}
    assert {"fabricated_quote", "removed_quote", "changed_number", "loaded_language"} <= kinds
    notes = {entry.note for entry in report.quotes}
    assert quotes.INDIRECT_SPEECH_NOTE in notes


@pytest.mark.parametrize(
    ("module", "name"),
    [
        pytest.param(_quotes, "_scan", id="quotation scan"),
        pytest.param(_entities, "_tokenise", id="entity scan"),
    ],
)
def test_whole_document_finders_run_once_per_document(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    counts = []
    for copies in (SMALL, LARGE):
        with _counting(monkeypatch, module, name) as count:
            newsdiff.compare(*_pair(copies))
        counts.append(count[0])
    assert counts == [2, 2]


def test_entity_sentence_start_checks_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    # A name opening a sentence is checked against the whole text once, not once per use.
    counts = []
    for copies in (SMALL, LARGE):
        with _counting(monkeypatch, _entities._Finder, "_sentence_initial") as count:
            newsdiff.compare(*_pair(copies))
        counts.append(count[0])
    assert counts[0] > 0
    assert counts[1] <= LINEAR * counts[0]


def test_quote_ledger_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = []
    for copies in (SMALL, LARGE):
        with _counting(monkeypatch, quotes, "_common") as count:
            newsdiff.compare(*_pair(copies))
        counts.append(count[0])
    assert counts[0] > 0
    assert counts[1] <= LINEAR * counts[0]


def _detector_calls(original: str, rewrite: str) -> int:
    """Calls made from the detectors and tone metrics during one comparison."""
    calls = 0

    def hook(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        # "c_call" counts built-ins called from detector code too (a frozenset built per
        # sentence in a loop over quotations is work no Python call would show).
        if event in {"call", "c_call"} and frame.f_code.co_filename.startswith((_DETECT, _TONE)):
            calls += 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        newsdiff.compare(original, rewrite)
    finally:
        sys.setprofile(previous)
    return calls


def test_detector_work_grows_linearly() -> None:
    small, large = _pair(SMALL), _pair(LARGE)
    newsdiff.compare(*large)  # fill the word caches, so both counts leave them out
    counts = [_detector_calls(*small), _detector_calls(*large)]
    assert counts[0] > 0
    assert counts[1] <= LINEAR * counts[0]
