"""The comparison pipeline: load, segment, align, word-diff, detect, measure, report.

Data flows one way through small modules; this one only wires them together and
applies the rules that hold for every detector (no change on identical text, no
"reworded" where a more specific change explains the group).
"""

from __future__ import annotations

import collections
import functools
import itertools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from newsdiff._align import align_sentences
from newsdiff._metrics import compare_readability, readability, share, syllable_table
from newsdiff._segment import segment
from newsdiff._text import DEFAULT_MAX_CHARS, load_text
from newsdiff._tokens import (
    Token,
    code_points,
    is_word_key,
    sentence_tokens,
    shouted,
    token_key,
    tokenize,
)
from newsdiff._tone import compare_tone, measure_tone
from newsdiff._wordiff import diff_tokens
from newsdiff.detect import Context, Detector
from newsdiff.detect._annotations import Annotations, annotate
from newsdiff.detect.attribution import AttributionDetector
from newsdiff.detect.entities import EntityDetector
from newsdiff.detect.numbers import NumberDetector
from newsdiff.detect.quotes import QuoteDetector, build_quote_ledger
from newsdiff.detect.speculation import SpeculationDetector
from newsdiff.detect.structure import StructureDetector
from newsdiff.detect.tone import LoadedLanguageDetector
from newsdiff.exceptions import InputError
from newsdiff.lexicons import load_lexicon
from newsdiff.models import (
    AlignmentGroup,
    Change,
    ChangeKind,
    Document,
    Metrics,
    MoveDirection,
    Readability,
    Relation,
    Report,
    Tone,
    WordEdit,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from newsdiff._align import Pairing

__all__ = ["AnalysisCache", "compare", "compare_files", "default_detectors"]

#: Similarity of all words (function words too) from which a changed sentence counts as
#: edited rather than paraphrased.
EDITED_THRESHOLD = 0.6
_QUIET = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC})


def default_detectors() -> tuple[Detector, ...]:
    """The detectors :func:`compare` runs when none are given, in the order they run."""
    return (
        StructureDetector(),
        QuoteDetector(),
        AttributionDetector(),
        NumberDetector(),
        EntityDetector(),
        SpeculationDetector(),
        LoadedLanguageDetector(),
    )


@functools.cache
def _function_words() -> frozenset[str]:
    lexicon = load_lexicon("function_words")
    return frozenset(word for words in lexicon.terms.values() for word in words)


class _Codes:
    """Every sentence's tokens encoded once, one character per folded key, for both sides.

    Codes come from :func:`~newsdiff._tokens.code_points`, so they depend on nothing
    but the two documents.

    The alignment reads the content words, the relation test all words, and the
    identical-text test every token; all three are filters of one encoding.
    """

    __slots__ = ("content", "every", "full_stop", "key_of", "words")

    def __init__(self, *documents: Sequence[Sequence[Token]]) -> None:
        keys = [[list(map(token_key, tokens)) for tokens in sentences] for sentences in documents]
        code_of = code_points(itertools.chain.from_iterable(itertools.chain.from_iterable(keys)))
        encode = code_of.__getitem__
        every = [["".join(map(encode, sentence)) for sentence in side] for side in keys]
        skip = _function_words()
        words = {code for key, code in code_of.items() if is_word_key(key)}
        content = {
            code for key, code in code_of.items() if code in words and key.lower() not in skip
        }
        self.every = every
        self.full_stop = code_of.get(".")
        self.key_of = dict(zip(code_of.values(), code_of, strict=True))
        self.words = [["".join(filter(words.__contains__, c)) for c in side] for side in every]
        self.content = [["".join(filter(content.__contains__, c)) for c in side] for side in every]


def _as_text(source: str | bytes, name: str, max_chars: int) -> str:
    if isinstance(source, os.PathLike):
        msg = f"{name}: got a path; use compare_files() or pass the text itself"
        raise InputError(msg)
    try:
        return load_text(source, max_chars=max_chars)
    except InputError as err:
        message = str(err)
        if not message.startswith(name):
            message = f"{name}: {message.split(': ', 1)[-1]}"
        raise InputError(message) from err


def compare(
    original: str | bytes,
    rewrite: str | bytes,
    *,
    detectors: Iterable[Detector] | None = None,
    original_name: str | None = None,
    rewrite_name: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    cache: AnalysisCache | None = None,
) -> Report:
    """Compare an original article with a rewrite and report what changed.

    Args:
        original: The original article, as text or as bytes to decode.
        rewrite: The rewritten article, as text or as bytes to decode.
        detectors: The detectors to run; :func:`default_detectors` when ``None``.
        original_name: A name for the original, shown in reports (a file name, say).
        rewrite_name: A name for the rewrite.
        max_chars: Longest input accepted, in characters.
        cache: Where to keep each document's analysis for later comparisons of the
            same text (one original against many rewrites); the report is the same
            with or without it.

    Returns:
        A :class:`~newsdiff.models.Report` whose spans index the decoded texts.

    Raises:
        InputError: Either text is empty, binary, undecodable or too long.

    >>> report = compare("Officials met on Monday. Talks failed.", "Officials met on Monday.")
    >>> [(c.kind.value, c.original[0].text) for c in report.changes]
    [('removed_content', 'Talks failed.')]
    """
    original_text = _as_text(original, original_name or "original", max_chars)
    rewrite_text = _as_text(rewrite, rewrite_name or "rewrite", max_chars)
    return _compare_analysed(
        _analyse(original_text, original_name, cache),
        _analyse(rewrite_text, rewrite_name, cache),
        detectors=detectors,
    )


class _Analysis:
    """What the pipeline learns of one document alone, kept to serve many comparisons.

    That is its sentences, their tokens, the finders' results, readability and tone.
    """

    __slots__ = ("_measures", "document", "notes", "tokens")

    def __init__(self, text: str, name: str | None) -> None:
        self.document = segment(text, name=name)
        self.tokens = [
            sentence_tokens(text, s.span.start, s.span.end) for s in self.document.sentences
        ]
        self.notes: Annotations = annotate(self.document)
        self._measures: tuple[Readability, Tone] | None = None

    def measures(
        self, words: Sequence[str], syllables: Callable[[], Mapping[str, int]]
    ) -> tuple[Readability, Tone]:
        """Readability and tone, measured the first time from the sentences' word codes.

        ``syllables`` gives the syllables of each code; it is called only if needed.
        """
        if self._measures is None:
            found = readability(words, syllables())
            self._measures = (found, measure_tone(self.document, found.words, notes=self.notes))
        return self._measures


def _analyse(text: str, name: str | None, cache: AnalysisCache | None = None) -> _Analysis:
    return _Analysis(text, name) if cache is None else cache.get(text, name)


class AnalysisCache:
    """The analyses of the documents compared last, kept for the next comparisons.

    Batches and families of versions compare the same text many times (one wire story
    against every outlet, every revision against the next). With a cache, each text is
    segmented, tokenised, read by the finders and measured once while it is kept, and
    every report is the same as without it. An analysis depends only on the text and
    its name (detectors keep what their own settings find under keys holding those
    settings). The least recently used documents leave first, once more than
    ``max_documents`` are kept or their texts pass ``max_chars`` in all; a longer text
    is analysed but not kept. An analysis holds about 100 bytes per character of
    text, so the default bound is about 50 MB. Not safe to share between threads.

    >>> cache = AnalysisCache()
    >>> wire = "Officials met on Monday. Talks failed."
    >>> reports = [compare(wire, outlet, cache=cache) for outlet in
    ...            ("Officials met on Monday.", "Officials met on Friday. Talks failed.")]
    >>> cache.hits, cache.misses
    (1, 3)
    """

    __slots__ = ("_kept", "_max_chars", "_max_documents", "_size", "hits", "misses")

    def __init__(self, *, max_documents: int = 32, max_chars: int = 500_000) -> None:
        if max_documents < 1 or max_chars < 1:
            msg = f"max_documents and max_chars must be 1 or more, got {max_documents}, {max_chars}"
            raise ValueError(msg)
        self._kept: collections.OrderedDict[tuple[str, str | None], _Analysis] = (
            collections.OrderedDict()
        )
        self._max_documents = max_documents
        self._max_chars = max_chars
        self._size = 0
        #: Comparisons' documents found here, and those analysed anew.
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._kept)

    def clear(self) -> None:
        """Forget every kept analysis (the counts stay)."""
        self._kept.clear()
        self._size = 0

    def get(self, text: str, name: str | None) -> _Analysis:
        """The analysis of ``text`` named ``name``: the kept one, or one made now."""
        key = (text, name)
        analysis = self._kept.get(key)
        if analysis is not None:
            self.hits += 1
            self._kept.move_to_end(key)
            return analysis
        self.misses += 1
        analysis = _Analysis(text, name)
        if len(text) <= self._max_chars:
            self._kept[key] = analysis
            self._size += len(text)
            while len(self._kept) > self._max_documents or self._size > self._max_chars:
                (old_text, _), _ = self._kept.popitem(last=False)
                self._size -= len(old_text)
        return analysis


def _compare_analysed(
    original: _Analysis, rewrite: _Analysis, *, detectors: Iterable[Detector] | None
) -> Report:
    """Compare two analysed documents: the part of :func:`compare` that needs both."""
    original_doc, rewrite_doc = original.document, rewrite.document
    original_tokens, rewrite_tokens = original.tokens, rewrite.tokens
    codes = _Codes(original_tokens, rewrite_tokens)
    pairings = align_sentences(
        codes.content[0],
        codes.content[1],
        solo_original=frozenset(i for i, s in enumerate(original_doc.sentences) if s.headline),
        solo_rewrite=frozenset(j for j, s in enumerate(rewrite_doc.sentences) if s.headline),
        exact_original=codes.every[0],
        exact_rewrite=codes.every[1],
    )
    alignment, reused_words = _build_alignment(
        pairings, original_doc, rewrite_doc, original_tokens, rewrite_tokens, codes
    )
    original_notes, rewrite_notes = original.notes, rewrite.notes
    quotes = build_quote_ledger(
        original_doc, rewrite_doc, original_notes=original_notes, rewrite_notes=rewrite_notes
    )
    context = Context(
        original=original_doc,
        rewrite=rewrite_doc,
        alignment=alignment,
        quotes=quotes,
        original_notes=original_notes,
        rewrite_notes=rewrite_notes,
    )
    changes = _run_detectors(
        context, default_detectors() if detectors is None else tuple(detectors)
    )
    original_words = sum(map(len, codes.words[0]))
    rewrite_words = sum(map(len, codes.words[1]))
    # Built once, and only if a side is measured now rather than taken from a cache.
    syllables = functools.cache(lambda: syllable_table(codes.key_of))
    original_readability, original_tone = original.measures(codes.words[0], syllables)
    rewrite_readability, rewrite_tone = rewrite.measures(codes.words[1], syllables)
    metrics = Metrics(
        reuse=share(reused_words, rewrite_words),
        coverage=share(reused_words, original_words),
        readability=compare_readability(original_readability, rewrite_readability),
        tone=compare_tone(original_tone, rewrite_tone),
    )
    return Report(
        original=original_doc,
        rewrite=rewrite_doc,
        alignment=alignment,
        changes=changes,
        metrics=metrics,
        quotes=quotes,
    )


def compare_files(
    original: str | os.PathLike[str],
    rewrite: str | os.PathLike[str],
    *,
    detectors: Iterable[Detector] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    cache: AnalysisCache | None = None,
) -> Report:
    """Compare two article files; each is decoded as :func:`newsdiff.load_text` does.

    ``cache`` works as in :func:`compare`.

    Raises:
        InputError: A file is missing, unreadable, or not usable text.
    """
    original_path, rewrite_path = os.fspath(original), os.fspath(rewrite)
    return compare(
        load_text(_path(original_path), max_chars=max_chars),
        load_text(_path(rewrite_path), max_chars=max_chars),
        detectors=detectors,
        original_name=_path(original_path).name,
        rewrite_name=_path(rewrite_path).name,
        max_chars=max_chars,
        cache=cache,
    )


def _path(name: str) -> Path:
    return Path(name)


def _build_alignment(
    pairings: Sequence[Pairing],
    original: Document,
    rewrite: Document,
    original_tokens: Sequence[Sequence[Token]],
    rewrite_tokens: Sequence[Sequence[Token]],
    codes: _Codes,
) -> tuple[tuple[AlignmentGroup, ...], int]:
    groups = []
    reused_total = 0
    for pairing in pairings:
        relation = _relation(pairing, original, rewrite, codes)
        edits: tuple[WordEdit, ...] = ()
        if relation in _QUIET:
            # The same tokens on both sides: no edit, and every word is reused.
            reused_total += len(codes.words[0][pairing.original[0]])
        elif pairing.original and pairing.rewrite:
            left = [t for i in pairing.original for t in original_tokens[i]]
            right = [t for j in pairing.rewrite for t in rewrite_tokens[j]]
            if left and right:
                diff = diff_tokens(original.text, left, rewrite.text, right)
                edits, reused_total = diff.edits, reused_total + diff.reused_words
        groups.append(
            AlignmentGroup(
                relation=relation,
                original=tuple(original.sentences[i].span for i in pairing.original),
                rewrite=tuple(rewrite.sentences[j].span for j in pairing.rewrite),
                original_sentences=pairing.original,
                rewrite_sentences=pairing.rewrite,
                similarity=1.0 if relation in _QUIET else pairing.similarity,
                move=None
                if not pairing.moved
                else (MoveDirection.LATER if pairing.moved > 0 else MoveDirection.EARLIER),
                edits=edits,
            )
        )
    return tuple(groups), reused_total


def _relation(pairing: Pairing, original: Document, rewrite: Document, codes: _Codes) -> Relation:
    if not pairing.rewrite:
        return Relation.REMOVED
    if not pairing.original:
        return Relation.ADDED
    if pairing.moved:
        return Relation.MOVED
    if len(pairing.original) > 1:
        return Relation.MERGED
    if len(pairing.rewrite) > 1:
        return Relation.SPLIT
    i, j = pairing.original[0], pairing.rewrite[0]
    if original.sentences[i].span.text == rewrite.sentences[j].span.text:
        return Relation.IDENTICAL
    left, right = codes.every[0][i], codes.every[1][j]
    if (
        left == right
        or _without_final(left, codes.full_stop) == _without_final(right, codes.full_stop)
        or _same_but_case(
            left,
            right,
            codes,
            original.sentences[i].span.text,
            rewrite.sentences[j].span.text,
        )
    ):
        return Relation.TYPOGRAPHIC
    words = Indel.normalized_similarity(codes.words[0][i], codes.words[1][j])
    return Relation.EDITED if words >= EDITED_THRESHOLD else Relation.PARAPHRASED


def _same_but_case(
    left: str, right: str, codes: _Codes, original_text: str, rewrite_text: str
) -> bool:
    """Tell whether a shouted sentence says what the other does in ordinary case.

    A shouted sentence ("FBI CHIEF QUITS") is lower-cased whole, acronyms too, so its
    "fbi" meets "FBI" in ordinary text; two ordinary sentences keep "US" and "us" apart.
    """
    if len(left) != len(right) or not (
        shouted(tokenize(original_text)) or shouted(tokenize(rewrite_text))
    ):
        return False
    key_of = codes.key_of
    return all(
        a == b or key_of[a].lower() == key_of[b].lower() for a, b in zip(left, right, strict=True)
    )


def _without_final(sentence: str, full_stop: str | None) -> str:
    """The sentence's codes without a closing full stop, which alone changes no meaning."""
    return sentence[:-1] if full_stop is not None and sentence.endswith(full_stop) else sentence


def _run_detectors(context: Context, detectors: Sequence[Detector]) -> tuple[Change, ...]:
    found: list[Change] = []
    for detector in detectors:
        for change in detector.detect(context):
            if change.group is not None and context.alignment[change.group].relation in _QUIET:
                continue
            found.append(change)
    specific = {
        c.group
        for c in found
        if c.kind is not ChangeKind.REWORDED and c.kind is not ChangeKind.MOVED
    }
    kept = [c for c in found if c.kind is not ChangeKind.REWORDED or c.group not in specific]
    kept.sort(key=_change_order)
    return tuple(dict.fromkeys(kept))


def _change_order(change: Change) -> tuple[int, int, int, str, str]:
    first_rewrite = change.rewrite[0].start if change.rewrite else -1
    first_original = change.original[0].start if change.original else -1
    group = change.group if change.group is not None else 1 << 30
    return (group, first_rewrite, first_original, change.kind.value, change.explanation)
