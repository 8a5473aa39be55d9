"""Score the hedge finder on a Szeged-style uncertainty corpus (JSON lines).

Each line is ``{"doc_id", "sent_id", "text", "uncertain": bool, "cues": [{"start", "end",
"text", "type"}]}``. A sentence is predicted uncertain when :func:`find_hedges` finds any
cue in it; the printout gives sentence precision, recall and F1, and cue scores where a
predicted cue counts when it overlaps a labelled one (and, stricter, when the spans are
equal). Run ``python -m newsdiff.evaluate hedges PATH``; the data is never shipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from newsdiff.detect._hedges import find_hedges
from newsdiff.evaluate import Score

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["HedgeScores", "evaluate_file", "main"]


@attrs.frozen(kw_only=True)
class HedgeScores:
    """Sentence-level and cue-level scores of one run over a corpus."""

    sentences: int
    sentence: Score
    cue_overlap: Score
    cue_exact: Score


@attrs.frozen
class _Row:
    text: str
    uncertain: bool
    cues: tuple[tuple[int, int], ...]
    name: str


def _rows(path: Path) -> Iterator[_Row]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                cues = tuple((int(cue["start"]), int(cue["end"])) for cue in record["cues"])
                yield _Row(
                    text=str(record["text"]),
                    uncertain=bool(record["uncertain"]),
                    cues=cues,
                    name=f"{record.get('doc_id', '?')}/{record.get('sent_id', number)}",
                )
            except (ValueError, KeyError, TypeError) as err:
                msg = f"{path}:{number}: not a hedge record ({err})"
                raise ValueError(msg) from err


def _overlaps(span: tuple[int, int], others: tuple[tuple[int, int], ...]) -> bool:
    return any(span[0] < other[1] and other[0] < span[1] for other in others)


def evaluate_file(
    path: Path, *, show_errors: int = 0, skip: frozenset[str] = frozenset()
) -> HedgeScores:
    """Score :func:`find_hedges` on every sentence of ``path``.

    Hedges inside quotation marks count: the corpus labels every cue of a sentence.

    Args:
        path: A Szeged-style JSON-lines file.
        show_errors: Print up to this many missed and this many false sentences.
        skip: Hedge categories to leave out of the prediction (say ``weasel``, which
            the Szeged re-annotation does not label).

    Raises:
        ValueError: a line is not a hedge record.
        OSError: the file cannot be read.
    """
    sentence = [0, 0, 0]
    overlap = [0, 0, 0]
    exact = [0, 0, 0]
    count = 0
    misses: list[str] = []
    false_alarms: list[str] = []
    for row in _rows(path):
        count += 1
        hedges = tuple(hedge for hedge in find_hedges(row.text) if hedge.category not in skip)
        predicted = tuple((hedge.span.start, hedge.span.end) for hedge in hedges)
        if bool(predicted) and row.uncertain:
            sentence[0] += 1
        elif predicted:
            sentence[1] += 1
            if len(false_alarms) < show_errors:
                cues = ", ".join(f"{hedge.span.text!r}/{hedge.category}" for hedge in hedges)
                false_alarms.append(f"  FP {row.name}: [{cues}] {row.text}")
        elif row.uncertain:
            sentence[2] += 1
            if len(misses) < show_errors:
                gold = ", ".join(repr(row.text[start:end]) for start, end in row.cues)
                misses.append(f"  FN {row.name}: [{gold}] {row.text}")
        overlap[0] += sum(1 for span in predicted if _overlaps(span, row.cues))
        overlap[1] += sum(1 for span in predicted if not _overlaps(span, row.cues))
        overlap[2] += sum(1 for span in row.cues if not _overlaps(span, predicted))
        exact[0] += len(set(predicted) & set(row.cues))
        exact[1] += len(set(predicted) - set(row.cues))
        exact[2] += len(set(row.cues) - set(predicted))
    for line in (*misses, *false_alarms):
        sys.stdout.write(line + "\n")
    return HedgeScores(
        sentences=count,
        sentence=_score(sentence),
        cue_overlap=_score(overlap),
        cue_exact=_score(exact),
    )


def _score(counts: list[int]) -> Score:
    return Score(true_positives=counts[0], false_positives=counts[1], false_negatives=counts[2])


def main(argv: list[str]) -> int:
    """Run the hedge evaluation on the file named in ``argv``; return the exit code.

    Exit codes: 0 scored, 1 the file is unreadable or malformed, 2 bad arguments.
    """
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.evaluate hedges",
        description="Sentence-level uncertainty and cue scores on a Szeged-style JSONL file.",
    )
    parser.add_argument("path", type=Path, help="the JSON-lines file of labelled sentences")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print up to N missed and N falsely flagged sentences",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="CATEGORY",
        help="leave out hedges of this category (repeatable), e.g. weasel",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    try:
        scores = evaluate_file(
            args.path, show_errors=max(args.show_errors, 0), skip=frozenset(args.skip)
        )
    except (OSError, ValueError) as err:
        sys.stderr.write(f"newsdiff.evaluate hedges: {err}\n")
        return 1
    skipped = f" (skipping {', '.join(sorted(args.skip))})" if args.skip else ""
    sys.stdout.write(f"hedges: {scores.sentences} sentences from {args.path}{skipped}\n")
    sys.stdout.write(scores.sentence.line("sentence uncertain") + "\n")
    sys.stdout.write(scores.cue_overlap.line("cue (overlap)") + "\n")
    sys.stdout.write(scores.cue_exact.line("cue (exact span)") + "\n")
    return 0
