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
from newsdiff._metrics import readability, syllable_table
from newsdiff._pipeline import _build_alignment, _Codes, default_detectors
from newsdiff._segment import segment
from newsdiff._tokens import sentence_tokens
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
    ta = [sentence_tokens(original, s.span.start, s.span.end) for s in a.sentences]
    tb = [sentence_tokens(rewrite, s.span.start, s.span.end) for s in b.sentences]
    codes = _Codes(ta, tb)
    ca, cb = codes.content
    ea, eb = codes.every
    pairings = align_sentences(ca, cb, exact_original=ea, exact_rewrite=eb)
    alignment, _ = _build_alignment(pairings, a, b, ta, tb, codes)

    def measure_readability() -> None:
        syllables = syllable_table(codes.key_of)
        readability(codes.words[0], syllables)
        readability(codes.words[1], syllables)

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
                [sentence_tokens(original, s.span.start, s.span.end) for s in a.sentences]
                + [sentence_tokens(rewrite, s.span.start, s.span.end) for s in b.sentences]
            ),
            repeat,
        ),
        "encode": median_ms(lambda: _Codes(ta, tb), repeat),
        "align": median_ms(
            lambda: align_sentences(ca, cb, exact_original=ea, exact_rewrite=eb), repeat
        ),
        "word diff": median_ms(lambda: _build_alignment(pairings, a, b, ta, tb, codes), repeat),
        "annotate+detect": median_ms(detect, repeat),
        "readability": median_ms(measure_readability, repeat),
        "whole compare()": median_ms(lambda: newsdiff.compare(original, rewrite), repeat),
        "compare(), no detectors": median_ms(
            lambda: newsdiff.compare(original, rewrite, detectors=()), repeat
        ),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--pair", default="000,002", help="seed prefixes, e.g. 000,001")
    parser.add_argument(
        "--sizes", default="1,10,100", help="article lengths, in multiples of the seeds"
    )
    args = parser.parse_args(argv)
    left, right = (_seed(p) for p in args.pair.split(","))
    sizes = [int(size) for size in args.sizes.split(",")]
    results = {}
    for times in sizes:
        repeat = max(3, args.repeat // times)
        original, rewrite = scaled(left, times), scaled(right, times)
        results[times] = stages(original, rewrite, repeat)
        chars = len(original) + len(rewrite)
        print(f"\n== {times}x seed pair {args.pair} ({chars:,} characters, median of {repeat})")
        for stage, ms in results[times].items():
            print(f"  {stage:<24} {ms:9.2f} ms")
    whole = {times: r["whole compare()"] for times, r in results.items()}
    smallest, largest = min(sizes), max(sizes)
    if largest > smallest:
        exponent = math.log(whole[largest] / whole[smallest]) / math.log(largest / smallest)
        print(f"\ngrowth exponent {smallest}x->{largest}x: {exponent:.2f}")
    if 10 in whole and 100 in whole:
        exponent_10 = math.log(whole[100] / whole[10]) / math.log(10)
        print(f"growth exponent 10x->100x: {exponent_10:.2f}")


if __name__ == "__main__":
    main()
