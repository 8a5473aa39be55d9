"""Score attribution and quotation extraction against PolNeAR annotations.

Run ``python -m newsdiff.evaluate polnear FOLDER``, where ``FOLDER`` holds ``text/<article>.txt``
and ``attributions/<article>_<annotator>.ann`` (BRAT standoff). Each annotation file is scored
against its article, so an article annotated twice counts twice. Cues and sources come from
:func:`~newsdiff.detect.attribution.find_attributions` run over the text outside quotation
marks; quotations from :func:`~newsdiff.detect._quotes.extract_quotations`, scare quotes and
titles left out, with the pieces of a quotation interrupted by its cue joined (PolNeAR joins
them in one discontinuous Content). Four scores are printed:

- **attribution cue**: a predicted cue is right when it shares at least one character with a
  gold ``Cue`` not yet matched (one-to-one, in text order).
- **source**: the same overlap rule between predicted and gold ``Source`` spans.
- **direct-quote content**: gold items are the ``Content`` spans that open with a quotation
  mark; predictions are the direct quotations (partial quotations woven into running text,
  such as 'vowed to "fight on"', are left out, see ``is_partial_quote``). A prediction is
  right when the characters it shares with a gold item cover at least half of the longer
  of the two.
- **any quotation (+ partial)**: the same with every quotation predicted, partial ones too;
  PolNeAR labels a partial quotation only inside a larger indirect Content, so these count
  as wrong here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from newsdiff.detect._attribution import find_attributions
from newsdiff.detect._quotes import extract_quotations, is_partial_quote, is_scare_quote
from newsdiff.evaluate import Score

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from newsdiff.models import Span

__all__ = ["main"]

_QUOTE_OPENERS = "\"'\u201c\u2018\u201e\u00ab\u201f\u201b"
_Fragments = tuple[tuple[int, int], ...]


@attrs.frozen(kw_only=True)
class _Gold:
    cues: tuple[_Fragments, ...]
    sources: tuple[_Fragments, ...]
    direct_contents: tuple[_Fragments, ...]


@attrs.frozen(kw_only=True)
class _Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def plus(self, other: _Tally) -> _Tally:
        return _Tally(
            true_positives=self.true_positives + other.true_positives,
            false_positives=self.false_positives + other.false_positives,
            false_negatives=self.false_negatives + other.false_negatives,
        )

    def score(self) -> Score:
        return Score(
            true_positives=self.true_positives,
            false_positives=self.false_positives,
            false_negatives=self.false_negatives,
        )


def _parse_ann(raw: str, text: str) -> _Gold:
    """Read the text-bound annotations of one BRAT file."""
    by_label: dict[str, list[_Fragments]] = {}
    for line in raw.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        fragments: list[tuple[int, int]] = []
        for piece in offsets.split(";"):
            bounds = piece.split()
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
                fragments.append((int(bounds[0]), int(bounds[1])))
        if fragments:
            by_label.setdefault(label, []).append(tuple(fragments))
    direct = [
        content
        for content in by_label.get("Content", ())
        if text[content[0][0] : content[0][1]].lstrip()[:1] in _QUOTE_OPENERS
    ]
    return _Gold(
        cues=tuple(by_label.get("Cue", ())),
        sources=tuple(by_label.get("Source", ())),
        direct_contents=tuple(direct),
    )


def _shared(first: _Fragments, second: _Fragments) -> int:
    return sum(
        max(0, min(a_end, b_end) - max(a_start, b_start))
        for a_start, a_end in first
        for b_start, b_end in second
    )


def _length(fragments: _Fragments) -> int:
    return sum(end - start for start, end in fragments)


def _any_overlap(predicted: _Fragments, gold: _Fragments) -> bool:
    return _shared(predicted, gold) > 0


def _half_of_longer(predicted: _Fragments, gold: _Fragments) -> bool:
    return 2 * _shared(predicted, gold) >= max(_length(predicted), _length(gold), 1)


def _match(
    predicted: Sequence[_Fragments],
    gold: Sequence[_Fragments],
    matches: Callable[[_Fragments, _Fragments], bool],
) -> _Tally:
    """Match predictions to gold one-to-one in text order; count the rest."""
    used = [False] * len(gold)
    true_positives = false_positives = 0
    for item in sorted(predicted):
        best = -1
        best_shared = 0
        for index, candidate in enumerate(gold):
            if used[index] or not matches(item, candidate):
                continue
            shared = _shared(item, candidate)
            if shared > best_shared:
                best, best_shared = index, shared
        if best >= 0:
            used[best] = True
            true_positives += 1
        else:
            false_positives += 1
    return _Tally(
        true_positives=true_positives,
        false_positives=false_positives,
        false_negatives=used.count(False),
    )


@attrs.frozen(kw_only=True)
class _Result:
    cues: _Tally = _Tally()
    sources: _Tally = _Tally()
    quotes: _Tally = _Tally()
    every_quote: _Tally = _Tally()

    def plus(self, other: _Result) -> _Result:
        return _Result(
            cues=self.cues.plus(other.cues),
            sources=self.sources.plus(other.sources),
            quotes=self.quotes.plus(other.quotes),
            every_quote=self.every_quote.plus(other.every_quote),
        )


def _joined_quotes(text: str, *, direct_only: bool) -> list[_Fragments]:
    """Predicted quotation contents, the pieces of one quotation joined.

    A quotation interrupted by its cue ("“A,” she said. “B.”") is one quotation in
    PolNeAR, a discontinuous Content; pieces of one paragraph that share a cue are
    joined the same way. With ``direct_only``, quotations whose first piece is woven
    into running text (partial quotes, see :func:`is_partial_quote`) are left out.
    """
    joined: list[list[tuple[int, int]]] = []
    partial: list[bool] = []
    previous_cue: Span | None = None
    previous_line = -1
    for quotation in extract_quotations(text):
        if is_scare_quote(quotation):
            continue
        line = text.rfind("\n", 0, quotation.span.start)
        fragment = (quotation.content.start, quotation.content.end)
        if (
            joined
            and quotation.cue is not None
            and quotation.cue == previous_cue
            and line == previous_line
        ):
            joined[-1].append(fragment)
        else:
            joined.append([fragment])
            partial.append(is_partial_quote(text, quotation))
        previous_cue, previous_line = quotation.cue, line
    return [
        tuple(fragments)
        for fragments, woven in zip(joined, partial, strict=True)
        if not (direct_only and woven)
    ]


def _evaluate_one(text: str, gold: _Gold) -> _Result:
    inside_quotes = tuple(q.content for q in extract_quotations(text) if not is_scare_quote(q))
    attributions = find_attributions(text, outside=inside_quotes)
    cues = [((a.cue.start, a.cue.end),) for a in attributions]
    sources = [((a.source.start, a.source.end),) for a in attributions if a.source is not None]
    quotes = _joined_quotes(text, direct_only=True)
    every_quote = _joined_quotes(text, direct_only=False)
    return _Result(
        cues=_match(cues, gold.cues, _any_overlap),
        sources=_match(sources, gold.sources, _any_overlap),
        quotes=_match(quotes, gold.direct_contents, _half_of_longer),
        every_quote=_match(every_quote, gold.direct_contents, _half_of_longer),
    )


def _pairs(folder: Path) -> list[tuple[Path, Path]]:
    """Pair every annotation file with its article text, in name order."""
    texts = folder / "text"
    pairs: list[tuple[Path, Path]] = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rpartition("_")[0]
        text = texts / f"{article}.txt"
        if text.is_file():
            pairs.append((text, ann))
    return pairs


def main(argv: list[str]) -> int:
    """Score the extractors on a PolNeAR folder and print precision, recall and F1.

    Args:
        argv: The folder path, then options (``--per-file`` prints one line per file).

    Returns:
        0 when the scores were printed, 2 for a bad folder or bad options.
    """
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.evaluate polnear",
        description="Score attribution cues, sources and direct quotes against PolNeAR.",
    )
    parser.add_argument("folder", type=Path, help="folder with text/ and attributions/")
    parser.add_argument("--per-file", action="store_true", help="print a line per file")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    folder: Path = args.folder
    pairs = _pairs(folder)
    if not pairs:
        sys.stderr.write(
            f"polnear: {folder} holds no text/<article>.txt with attributions/<article>_<x>.ann\n"
        )
        return 2
    total = _Result()
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        result = _evaluate_one(text, _parse_ann(ann_path.read_text(encoding="utf-8"), text))
        if args.per_file:
            sys.stdout.write(result.cues.score().line(ann_path.stem[:28]) + "\n")
        total = total.plus(result)
    lines = (
        f"PolNeAR: {len(pairs)} annotation files in {folder}",
        "matching: cue and source = any shared character (one-to-one);",
        "          quote = shared characters >= half of the longer span (one-to-one)",
        total.cues.score().line("attribution cue"),
        total.sources.score().line("source"),
        total.quotes.score().line("direct-quote content"),
        total.every_quote.score().line("any quotation (+ partial)"),
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
