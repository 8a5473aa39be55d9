"""Register a detector of your own: flag words a house style guide bans.

A detector is any object with a ``name`` and a ``detect(context)`` method that yields
:class:`newsdiff.Change` objects; pass it to :func:`newsdiff.compare` next to the
default ones. Run ``python examples/custom_detector.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import newsdiff
from newsdiff import Change, ChangeKind, Context, Relation, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: Words the (invented) house style guide bans, with what to write instead.
HOUSE_STYLE = {
    "slammed": "criticised",
    "blasted": "criticised",
    "vowed": "said",
    "palpable": "(cut it)",
    "wreaking havoc": "(say what happened)",
}


class HouseStyleDetector:
    """Flag banned words that a rewrite brings into a sentence whose original lacks them."""

    name = "house_style"

    def __init__(self, banned: Mapping[str, str] = HOUSE_STYLE) -> None:
        self._banned = dict(banned)
        words = sorted(banned, key=len, reverse=True)
        # One alternation of literal words between word boundaries: no nested
        # quantifiers, so the scan is linear in the length of the text.
        self._pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield one low-severity change per banned word the rewrite adds to a group."""
        for index, group in enumerate(context.alignment):
            if group.relation is Relation.REMOVED:
                continue
            before = " ".join(span.text for span in group.original).lower()
            for sentence in group.rewrite:
                for match in self._pattern.finditer(sentence.text):
                    word = match.group().lower()
                    if word in before:
                        continue
                    start, end = sentence.start + match.start(), sentence.start + match.end()
                    yield Change(
                        kind=ChangeKind.LOADED_LANGUAGE,
                        severity=Severity.LOW,
                        explanation=f"House style: write {self._banned[word]} "
                        f"instead of \u201c{match.group()}\u201d.",
                        rewrite=(Span.of(context.rewrite.text, start, end),),
                        group=index,
                        detector=self.name,
                    )


def main(argv: Sequence[str] | None = None) -> int:
    """Compare seeds 000 and 002 with the default detectors plus the house-style one."""
    del argv  # the example takes no arguments
    report = newsdiff.compare_files(
        SEEDS / "000_9a65cb702620a05a.txt",
        SEEDS / "002_bc4f9244cbd46ca2.txt",
        detectors=[*newsdiff.default_detectors(), HouseStyleDetector()],
    )
    ours = [change for change in report.changes if change.detector == "house_style"]
    print(f"{len(report.changes)} changes, {len(ours)} from the house-style detector:")
    for change in ours:
        print(f"  {change.rewrite[0].start}-{change.rewrite[0].end}: {change.explanation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
