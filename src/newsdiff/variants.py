"""Compare an original with many variants at once: reuse matrix, lineage, unique content.

Every pair of versions (variant to variant too) is aligned with the same pipeline as
:func:`newsdiff.compare`; variant-to-variant pairs run without detectors, since only
their alignment and word diffs feed the matrix, which keeps ``n`` versions at
``n (n - 1) / 2`` cheap comparisons.

The lineage rule rests on one observation: wording that a version wrote itself can
reach another version only by copying, whereas wording both share with the original
may have been taken from the original by each of them independently. So a variant's
parent is another variant only when it carries a large share of that variant's *own*
wording; otherwise it is the original when it reuses enough of the original's text;
otherwise it is independent coverage of the same story.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from newsdiff._pipeline import AnalysisCache, compare
from newsdiff._serialize import from_json, to_json
from newsdiff._tokens import tokenize
from newsdiff.exceptions import InputError
from newsdiff.models import SCHEMA_VERSION, Relation, Report, Severity, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from newsdiff.detect import Detector
    from newsdiff.models import ChangeKind, Document

__all__ = [
    "DERIVED_MIN_REUSE",
    "OWN_WORDING_MIN",
    "LineageLink",
    "UniqueContent",
    "VariantComparison",
    "compare_variants",
]

#: Share of a variant's words that must come from the original for the variant to count
#: as derived from it. Independent reports of one event share names, titles and the odd
#: quotation, which stays well under a tenth of an article; a rewrite, even a free
#: paraphrase, keeps runs of three or more words (names with their titles, quotations,
#: set phrases) that add up to more.
DERIVED_MIN_REUSE = 0.12

#: Share of a variant's words that must come from another variant *and not* from the
#: original for that variant to be its parent. Two rewrites of one original made
#: independently share some stock phrasing by chance (about a tenth of their words in
#: practice); a copy of a rewrite inherits most of that rewrite's own wording.
OWN_WORDING_MIN = 0.2

#: A claim this short ("He agreed.") says too little to be reported as unique.
_CLAIM_MIN_WORDS = 4

# A double-quoted passage on one line; the class excludes every closer, so matching is
# linear.
_QUOTED = re.compile('[\u201c"]([^\u201c\u201d"\n]+)[\u201d"]')

_ALIGNED_AWAY = frozenset({Relation.ADDED, Relation.REMOVED})
# Texts longer than this in all are compared without keeping their analyses.
_MAX_CACHED_CHARS = 2_000_000


@attrs.frozen(kw_only=True)
class LineageLink:
    """Where one version most likely comes from.

    ``parent`` is ``None`` for the original and for independent coverage. ``reuse`` is the
    share of this version's words taken from the parent; ``own_wording`` the share taken
    from the parent but absent from the original (0 when the parent is the original).
    """

    name: str
    parent: str | None
    reuse: float = 0.0
    own_wording: float = 0.0
    reason: str = ""


@attrs.frozen(kw_only=True)
class UniqueContent:
    """A quotation or a sentence (a claim) of one version that no other version carries."""

    version: str
    kind: str
    span: Span


@attrs.frozen(kw_only=True)
class VariantComparison:
    """An original compared with several variants, and the variants with each other.

    ``names`` lists the versions, the original first. ``reuse[i][j]`` is the share of
    version ``j``'s words derived from version ``i`` (so it is asymmetric, and 1.0 on the
    diagonal); ``similarity[i][j]`` is the share of the words of both versions that sit in
    aligned sentences (symmetric: how much of the two tells the same points, reworded or
    not). ``lineage`` gives each version's most likely parent; ``unique`` the quotations and
    claims only one version carries.
    """

    original: str
    names: tuple[str, ...]
    comparisons: tuple[Report, ...]
    reuse: tuple[tuple[float, ...], ...]
    similarity: tuple[tuple[float, ...], ...]
    lineage: tuple[LineageLink, ...]
    unique: tuple[UniqueContent, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def report(self, name: str) -> Report:
        """The pairwise report of the variant called ``name`` against the original.

        Raises:
            KeyError: no variant has that name.
        """
        for report in self.comparisons:
            if report.rewrite.name == name:
                return report
        raise KeyError(name)

    def parent(self, name: str) -> str | None:
        """The most likely parent of version ``name``, ``None`` for a root.

        Raises:
            KeyError: no version has that name.
        """
        for link in self.lineage:
            if link.name == name:
                return link.parent
        raise KeyError(name)

    def filter(
        self,
        *,
        kinds: Iterable[ChangeKind | str] | None = None,
        min_severity: Severity | str = Severity.LOW,
    ) -> VariantComparison:
        """Return a copy whose pairwise reports keep only the changes asked for.

        Raises:
            ValueError: a kind or severity that newsdiff does not know.
        """
        kinds = None if kinds is None else tuple(kinds)
        comparisons = tuple(
            report.filter(kinds=kinds, min_severity=min_severity) for report in self.comparisons
        )
        return attrs.evolve(self, comparisons=comparisons)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise the comparison to JSON; the same comparison always gives the same bytes."""
        return to_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> VariantComparison:
        """Rebuild a comparison from :meth:`to_json` output.

        Raises:
            SchemaError: the text is not a variant comparison this version reads.
        """
        return from_json(text, cls, "newsdiff variant comparison")


@attrs.frozen
class _Pair:
    """What one alignment of two versions tells the matrix."""

    reused: tuple[frozenset[int], frozenset[int]]
    shares: tuple[float, float]
    aligned_words: int
    unaligned: tuple[frozenset[int], frozenset[int]]


def compare_variants(
    original: str,
    variants: Mapping[str, str],
    *,
    original_name: str = "original",
    detectors: Iterable[Detector] | None = None,
) -> VariantComparison:
    """Compare ``original`` with every variant, and every version with every other.

    Args:
        original: The original article.
        variants: The variants by name, in the order reports should list them.
        original_name: The name of the original in the matrix and lineage.
        detectors: The detectors for the pairwise reports; the defaults when ``None``.

    Returns:
        The pairwise reports, the reuse and similarity matrices, the lineage and the
        content unique to one version.

    Raises:
        InputError: No variant, a name used twice, or a text :func:`compare` refuses.

    >>> family = compare_variants(
    ...     "Officials met on Monday. Talks failed after six hours of debate.",
    ...     {"copy": "Officials met on Monday. Talks failed after six hours of debate. Rain fell.",
    ...      "other": "A storm hit the coast."},
    ... )
    >>> family.parent("copy"), family.parent("other")
    ('original', None)
    """
    if not variants:
        msg = "compare_variants needs at least one variant; pass {name: text}"
        raise InputError(msg)
    names = (original_name, *variants)
    if len(set(names)) != len(names):
        msg = f"version names must be unique, got {list(names)}; rename the variant"
        raise InputError(msg)
    texts = (original, *variants.values())
    chosen = None if detectors is None else tuple(detectors)
    # Every version takes part in as many comparisons as there are others: each is read once.
    cache = AnalysisCache(max_documents=2 * len(texts), max_chars=_MAX_CACHED_CHARS)
    reports = tuple(
        compare(
            original,
            text,
            detectors=chosen,
            original_name=original_name,
            rewrite_name=name,
            cache=cache,
        )
        for name, text in variants.items()
    )
    pairs: dict[tuple[int, int], _Pair] = {}
    for i, j in itertools.combinations(range(len(texts)), 2):
        report = (
            reports[j - 1]
            if i == 0
            else compare(
                texts[i],
                texts[j],
                detectors=(),
                original_name=names[i],
                rewrite_name=names[j],
                cache=cache,
            )
        )
        pairs[i, j] = _measure(report)
    decoded = (reports[0].original.text, *(report.rewrite.text for report in reports))
    words = tuple(_word_starts(text) for text in decoded)
    reuse, similarity, derived = _matrices(pairs, words)
    lineage = _lineage(names, reuse, derived, words)
    return VariantComparison(
        original=original_name,
        names=names,
        comparisons=reports,
        reuse=reuse,
        similarity=similarity,
        lineage=lineage,
        unique=_unique(names, reports, pairs),
    )


def _word_starts(text: str) -> tuple[int, ...]:
    return tuple(token.start for token in tokenize(text) if token.is_word)


def _reused_side(text: str, spans: Sequence[Span], edited: Sequence[Span]) -> list[int]:
    """Starts of the words of ``spans`` that sit in runs the word diff left unedited.

    Mirrors the pipeline's reuse count: a run of equal words counts when it has three
    words or more, or when it is the whole of the group.
    """
    tokens = [t for span in spans for t in tokenize(text, span.start, span.end)]
    cuts = sorted((span.start, span.end) for span in edited)
    starts = [cut[0] for cut in cuts]
    runs: list[list[int]] = [[]]
    for token in tokens:
        index = bisect.bisect_right(starts, token.start) - 1
        if index >= 0 and cuts[index][0] <= token.start < cuts[index][1]:
            if runs[-1]:
                runs.append([])
        elif token.is_word:
            runs[-1].append(token.start)
    total = sum(token.is_word for token in tokens)
    return [start for run in runs if len(run) >= 3 or len(run) == total for start in run]


def _measure(report: Report) -> _Pair:
    reused_left: list[int] = []
    reused_right: list[int] = []
    aligned = 0
    unaligned_left: set[int] = set()
    unaligned_right: set[int] = set()
    for group in report.alignment:
        if group.relation in _ALIGNED_AWAY:
            unaligned_left.update(group.original_sentences)
            unaligned_right.update(group.rewrite_sentences)
            continue
        left_edits = [e.original for e in group.edits if e.original is not None]
        right_edits = [e.rewrite for e in group.edits if e.rewrite is not None]
        reused_left += _reused_side(report.original.text, group.original, left_edits)
        reused_right += _reused_side(report.rewrite.text, group.rewrite, right_edits)
        aligned += sum(
            t.is_word
            for spans, text in (
                (group.original, report.original.text),
                (group.rewrite, report.rewrite.text),
            )
            for span in spans
            for t in tokenize(text, span.start, span.end)
        )
    return _Pair(
        reused=(frozenset(reused_left), frozenset(reused_right)),
        # The report's own figures, so the matrix agrees with every pairwise report.
        shares=(report.metrics.coverage, report.metrics.reuse),
        aligned_words=aligned,
        unaligned=(frozenset(unaligned_left), frozenset(unaligned_right)),
    )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _matrices(
    pairs: Mapping[tuple[int, int], _Pair], words: Sequence[Sequence[int]]
) -> tuple[
    tuple[tuple[float, ...], ...],
    tuple[tuple[float, ...], ...],
    dict[tuple[int, int], frozenset[int]],
]:
    """Reuse and similarity matrices, and for each ordered pair the reused word starts.

    ``derived[i, j]`` holds the starts of the words of version ``j`` derived from ``i``.
    Reuse figures are those of the pairwise reports (the pipeline's own count); the word
    sets serve the lineage, which needs to know *which* words were reused.
    """
    count = len(words)
    derived: dict[tuple[int, int], frozenset[int]] = {}
    shares: dict[tuple[int, int], float] = {}
    for (i, j), pair in pairs.items():
        derived[i, j], derived[j, i] = pair.reused[1], pair.reused[0]
        shares[i, j], shares[j, i] = pair.shares[1], pair.shares[0]
    reuse = tuple(
        tuple(1.0 if i == j else shares[i, j] for j in range(count)) for i in range(count)
    )
    similarity = tuple(
        tuple(
            1.0
            if i == j
            else _share(pairs[min(i, j), max(i, j)].aligned_words, len(words[i]) + len(words[j]))
            for j in range(count)
        )
        for i in range(count)
    )
    return reuse, similarity, derived


def _lineage(
    names: Sequence[str],
    reuse: Sequence[Sequence[float]],
    derived: Mapping[tuple[int, int], frozenset[int]],
    words: Sequence[Sequence[int]],
) -> tuple[LineageLink, ...]:
    """The most likely parent of each version.

    The original is the root. A variant ``p`` may be the parent of a variant ``v`` only
    when ``p`` keeps more of the original than ``v`` does: text copied along a chain can
    only lose the original's words, never win them back, so the elder of two related
    variants is the one closer to the original. This order also rules out cycles, so the
    links form a tree. Among elder variants, ``p`` is the parent when the share of ``v``'s
    words that come from ``p`` and not from the original reaches :data:`OWN_WORDING_MIN`
    and exceeds what ``v`` takes from the original itself. Otherwise the original is the
    parent when ``v`` reuses at least :data:`DERIVED_MIN_REUSE` of its words; otherwise
    ``v`` is independent coverage (no parent).
    """
    links = [LineageLink(name=names[0], parent=None, reason="the original")]
    kept = {v: reuse[v][0] for v in range(1, len(names))}
    for v in range(1, len(names)):
        total = len(words[v])
        from_original = reuse[0][v]
        best: tuple[float, int] | None = None
        for p in range(1, len(names)):
            if p == v or (kept[p], -p) <= (kept[v], -v):
                continue
            own = _share(len(derived[p, v] - derived[0, v]), total)
            if own >= OWN_WORDING_MIN and own > from_original and (best is None or own > best[0]):
                best = (own, p)
        if best is not None:
            own, p = best
            links.append(
                LineageLink(
                    name=names[v],
                    parent=names[p],
                    reuse=reuse[p][v],
                    own_wording=own,
                    reason=(
                        f"{own:.0%} of its words come from {names[p]} and not from the "
                        f"original, more than the {from_original:.0%} it takes from the original"
                    ),
                )
            )
        elif from_original >= DERIVED_MIN_REUSE:
            links.append(
                LineageLink(
                    name=names[v],
                    parent=names[0],
                    reuse=from_original,
                    reason=f"{from_original:.0%} of its words come from the original",
                )
            )
        else:
            links.append(
                LineageLink(
                    name=names[v],
                    parent=None,
                    reuse=from_original,
                    reason=(
                        f"only {from_original:.0%} of its words come from the original and no "
                        "variant explains more: independent coverage"
                    ),
                )
            )
    return tuple(links)


def _unique(
    names: Sequence[str],
    reports: Sequence[Report],
    pairs: Mapping[tuple[int, int], _Pair],
) -> tuple[UniqueContent, ...]:
    """Sentences and quotations of one variant that no other version carries.

    A sentence is unique when every alignment that involves its variant leaves it
    unmatched (added or removed); a quotation when no other version holds its words.
    """
    documents: list[Document] = [reports[0].original]
    documents += [report.rewrite for report in reports]
    every_words = [_words(document.text) for document in documents]
    found: list[UniqueContent] = []
    for v in range(1, len(names)):
        document = documents[v]
        alone = set(range(len(document.sentences)))
        for (i, j), pair in pairs.items():
            if v == i:
                alone &= pair.unaligned[0]
            elif v == j:
                alone &= pair.unaligned[1]
        for index in sorted(alone):
            span = document.sentences[index].span
            if sum(t.is_word for t in tokenize(document.text, span.start, span.end)) >= (
                _CLAIM_MIN_WORDS
            ):
                found.append(UniqueContent(version=names[v], kind="claim", span=span))
        found += _unique_quotes(names, v, documents, every_words)
    return tuple(found)


def _words(text: str, start: int = 0, end: int | None = None) -> str:
    return " " + " ".join(t.key for t in tokenize(text, start, end) if t.is_word) + " "


def _unique_quotes(
    names: Sequence[str], v: int, documents: Sequence[Document], every_words: Sequence[str]
) -> list[UniqueContent]:
    """Double-quoted passages of variant ``v`` whose words no other version contains.

    Words are compared folded and without punctuation, so a quotation that another
    version only re-punctuates or re-typesets is not unique. ``every_words`` holds the
    words of each version, as :func:`_words` gives them.
    """
    others = [words for index, words in enumerate(every_words) if index != v]
    text = documents[v].text
    found = []
    for match in _QUOTED.finditer(text):
        content = _words(text, match.start(1), match.end(1))
        if content.count(" ") > _CLAIM_MIN_WORDS and not any(content in other for other in others):
            span = Span.of(text, match.start(), match.end())
            found.append(UniqueContent(version=names[v], kind="quote", span=span))
    return found
