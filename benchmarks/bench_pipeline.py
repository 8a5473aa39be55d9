"""Time the comparison pipeline, whole and stage by stage, at 1x, 10x and 100x seed length.

Run: ``python benchmarks/bench_pipeline.py [--repeat N]``. Prints the median of N runs
for each stage and the growth exponent of the whole pipeline (the slope of log time
against log length between the smallest and largest size). Not a test: numbers depend
on the machine; compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import newsdiff
from newsdiff._align import align_sentences
from newsdiff._metrics import readability
from newsdiff._pipeline import _build_alignment, _content_words, default_detectors
from newsdiff._segment import segment
from newsdiff._tokens import encode, tokenize
from newsdiff.detect import Context

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def scaled(text: str, times: int) -> str:
    """Repeat an article ``times`` times, each copy's paragraphs tagged so copies differ."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out = []
    for copy in range(times):
        out.extend(f"Zone{copy}x{n} reports. {p}" for n, p in enumerate(paragraphs))
    return "\n\n".join(out)


def median_ms(function: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def stages(original: str, rewrite: str, repeat: int) -> dict[str, float]:
    """Median milliseconds of each pipeline stage and of the whole comparison."""
    a, b = segment(original), segment(rewrite)
    ta = [tokenize(original, s.span.start, s.span.end) for s in a.sentences]
    tb = [tokenize(rewrite, s.span.start, s.span.end) for s in b.sentences]
    vocabulary: dict[str, str] = {}
    ca = [_content_words(t, vocabulary) for t in ta]
    cb = [_content_words(t, vocabulary) for t in tb]
    ea = [encode([x.key for x in t], vocabulary) for t in ta]
    eb = [encode([x.key for x in t], vocabulary) for t in tb]
    pairings = align_sentences(ca, cb, exact_original=ea, exact_rewrite=eb)
    alignment, _ = _build_alignment(pairings, a, b, ta, tb)
    detectors = default_detectors()

    def detect() -> None:
        # A fresh Context each run: its per-document notes cache the finders' results.
        context = Context(original=a, rewrite=b, alignment=alignment)
        for detector in detectors:
            list(detector.detect(context))

    return {
        "segment": median_ms(lambda: (segment(original), segment(rewrite)), repeat),
        "tokenize": median_ms(
            lambda: (
                [tokenize(original, s.span.start, s.span.end) for s in a.sentences]
                + [tokenize(rewrite, s.span.start, s.span.end) for s in b.sentences]
            ),
            repeat,
        ),
        "align": median_ms(
            lambda: align_sentences(ca, cb, exact_original=ea, exact_rewrite=eb), repeat
        ),
        "word diff": median_ms(lambda: _build_alignment(pairings, a, b, ta, tb), repeat),
        "annotate+detect": median_ms(detect, repeat),
        "readability": median_ms(
            lambda: (readability(ta, original), readability(tb, rewrite)), repeat
        ),
        "whole compare()": median_ms(lambda: newsdiff.compare(original, rewrite), repeat),
        "compare(), no detectors": median_ms(
            lambda: newsdiff.compare(original, rewrite, detectors=()), repeat
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--pair", default="000,002", help="seed prefixes, e.g. 000,001")
    args = parser.parse_args()
    left, right = (_seed(p) for p in args.pair.split(","))
    results = {}
    for times in (1, 10, 100):
        repeat = max(3, args.repeat // times)
        original, rewrite = scaled(left, times), scaled(right, times)
        results[times] = stages(original, rewrite, repeat)
        chars = len(original) + len(rewrite)
        print(f"\n== {times}x seed pair {args.pair} ({chars:,} characters, median of {repeat})")
        for stage, ms in results[times].items():
            print(f"  {stage:<24} {ms:9.2f} ms")
    whole = {times: r["whole compare()"] for times, r in results.items()}
    exponent = math.log(whole[100] / whole[1]) / math.log(100)
    exponent_10 = math.log(whole[100] / whole[10]) / math.log(10)
    print(f"\ngrowth exponent 1x->100x: {exponent:.2f}; 10x->100x: {exponent_10:.2f}")


if __name__ == "__main__":
    main()
