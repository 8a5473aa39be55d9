"""Build a corpus of realistic article pairs from the seeds, deterministically.

Each pair takes a seed article as the original and makes a rewrite the way outlets do:
paragraphs shuffled, trimmed, merged or split, sentences dropped, words reworded and
figures changed; one pair in five instead uses a real rewrite from the seeds. The
same ``seed`` always gives the same corpus. Also here: the pathological inputs of the
robustness benchmark (huge articles, many sentences, only quotation marks, only
punctuation).

Run ``python benchmarks/corpus.py 1000 -o pairs.jsonl`` to write a JSONL corpus that
``newsdiff batch`` reads.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsdiff.batch import Pair

if TYPE_CHECKING:
    from collections.abc import Iterator

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_SENTENCE_END = re.compile(r"(?<=[.!?\"\u201d])\s+(?=[A-Z\"\u201c])")
_NUMBER = re.compile(r"\d+")


def seed_texts() -> list[str]:
    """The seed articles, in file-name order."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def _sentences(paragraph: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(paragraph) if part]


def _reword(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    words = sentence.split(" ")
    for _ in range(rng.randint(1, 3)):
        if len(words) < 4:
            break
        index = rng.randrange(1, len(words) - 1)
        action = rng.random()
        if action < 0.4:
            words[index] = rng.choice(vocabulary)
        elif action < 0.7:
            del words[index]
        else:
            words.insert(index, rng.choice(vocabulary))
    text = " ".join(words)
    if rng.random() < 0.3:
        text = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text, count=1)
    return text


def rewrite_of(original: str, rng: random.Random) -> str:
    """A rewrite of ``original``: shuffled, trimmed, reworded, merged and split paragraphs."""
    paragraphs = [_sentences(p) for p in _paragraphs(original)]
    vocabulary = [w for w in original.split() if w.isalpha()] or ["news"]
    for _ in range(rng.randint(0, 2)):  # shuffle: swap neighbouring paragraphs
        if len(paragraphs) > 2:
            i = rng.randrange(1, len(paragraphs) - 1)
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    for _ in range(rng.randint(0, 2)):  # trim: drop a paragraph or a paragraph's last sentence
        if len(paragraphs) > 3:
            i = rng.randrange(len(paragraphs))
            if len(paragraphs[i]) > 1 and rng.random() < 0.5:
                paragraphs[i] = paragraphs[i][:-1]
            else:
                del paragraphs[i]
    for sentences in paragraphs:  # reword about one sentence in three
        for j, sentence in enumerate(sentences):
            if rng.random() < 0.33:
                sentences[j] = _reword(sentence, vocabulary, rng)
    if len(paragraphs) > 2 and rng.random() < 0.5:  # merge two paragraphs
        i = rng.randrange(len(paragraphs) - 1)
        paragraphs[i : i + 2] = [paragraphs[i] + paragraphs[i + 1]]
    if rng.random() < 0.3:  # split a paragraph at a sentence boundary
        long = [i for i, p in enumerate(paragraphs) if len(p) > 1]
        if long:
            i = rng.choice(long)
            cut = rng.randrange(1, len(paragraphs[i]))
            paragraphs[i : i + 1] = [paragraphs[i][:cut], paragraphs[i][cut:]]
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs if sentences)


def make_pairs(count: int, *, seed: int = 0, distinct_originals: bool = False) -> Iterator[Pair]:
    """Yield ``count`` seed-sized pairs; the same ``seed`` gives the same pairs.

    The originals are the five seeds over and over, as wire copy recurs across outlets;
    with ``distinct_originals`` each original ends in a footer of its own (boilerplate,
    never compared), so no two pairs share a text and no analysis can be reused.
    """
    texts = seed_texts()
    rng = random.Random(seed)
    for index in range(count):
        if rng.random() < 0.2:
            original, rewrite = texts[0], rng.choice(texts[1:])
        else:
            original = rng.choice(texts)
            rewrite = rewrite_of(original, rng)
        if distinct_originals:
            original = f"{original.rstrip()}\n\n\u00a9 2026 Wire Service, story {index}\n"
        yield Pair(id=f"pair-{index:07d}", original=original, rewrite=rewrite)


def long_article(chars: int, *, seed: int = 0) -> str:
    """An article of at least ``chars`` characters, made of seed paragraphs."""
    rng = random.Random(seed)
    pool = [p for text in seed_texts() for p in _paragraphs(text)]
    parts: list[str] = []
    total = 0
    while total < chars:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)


def many_sentences(count: int, *, seed: int = 0) -> str:
    """One article of ``count`` short sentences, five to a paragraph."""
    rng = random.Random(seed)
    pool = [s for text in seed_texts() for p in _paragraphs(text) for s in _sentences(p)]
    sentences = [rng.choice(pool) for _ in range(count)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, count, 5))


def only_quotes(chars: int) -> str:
    """A text of nothing but quotation marks, straight and curly, with a line break now and then."""
    marks = "\"\u201c\u201d'\u2018\u2019\u00ab\u00bb"
    body = "".join(marks[i % len(marks)] for i in range(chars))
    return "\n".join(body[i : i + 80] for i in range(0, chars, 80))


def only_punctuation(chars: int) -> str:
    """A text of nothing but punctuation marks."""
    marks = ".,;:!?-()[]...\u2014\u2026"
    body = "".join(marks[(i * 7) % len(marks)] for i in range(chars))
    return "\n".join(body[i : i + 80] for i in range(0, chars, 80))


def _write_corpus(out: TextIO, count: int, seed: int) -> None:
    for pair in make_pairs(count, seed=seed):
        record = {"id": pair.id, "original": pair.original, "rewrite": pair.rewrite}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Write a JSONL corpus of pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of pairs")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("-o", "--output", help="JSONL file (default stdout)")
    args = parser.parse_args(argv)
    if args.output is None:
        _write_corpus(sys.stdout, args.count, args.seed)
    else:
        with Path(args.output).open("w", encoding="utf-8") as handle:
            _write_corpus(handle, args.count, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
