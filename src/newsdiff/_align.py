"""Sentence alignment: which original sentences became which rewrite sentences.

The alignment is global, not left to right: every candidate pair is scored, pairs
are taken best first, and then unmatched sentences are merged into (or split off)
the groups they are contained in. Order is checked last: the groups off the longest
run that keeps the original order are the moved ones.

Similarity is Indel (LCS-based) similarity on folded word sequences, computed by
rapidfuzz with each word encoded as one character. Small documents score every
pair; large ones only pairs that share a rare word or sit near the diagonal, so the
cost stays near-linear in the number of sentences.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs
from rapidfuzz import process
from rapidfuzz.distance import Indel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["MATCH_THRESHOLD", "WEAK_MATCH_THRESHOLD", "Pairing", "align_sentences"]

#: Smallest similarity at which two sentences are taken to be versions of each other.
MATCH_THRESHOLD = 0.42
#: Smallest similarity of a paraphrase, accepted only where it keeps the story's order.
WEAK_MATCH_THRESHOLD = 0.2
#: Share of a sentence's words that must recur in a matched sentence to merge or split.
CONTAINMENT_THRESHOLD = 0.5
#: Pairs scored exhaustively up to this many; beyond it candidates are pruned.
_EXHAUSTIVE_PAIRS = 12_000
_RARE_DOCUMENT_FREQUENCY = 6
_CANDIDATES_PER_SENTENCE = 12
_DIAGONAL_WINDOW = 3
_MIN_SHARED_WORDS = 3
_MIN_SHORT_WORDS = 2
# Below any similarity of two sentences that share a word (at least 1 / total words).
_ANY_SHARED = 1e-9


@attrs.frozen
class Pairing:
    """Original sentence indices aligned with rewrite sentence indices.

    ``original`` or ``rewrite`` is empty for a removed or an added sentence;
    ``moved`` is ``-1`` (earlier), ``1`` (later) or ``0``.
    """

    original: tuple[int, ...]
    rewrite: tuple[int, ...]
    similarity: float
    moved: int = 0


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence of two encoded word sequences."""
    return (len(a) + len(b) - Indel.distance(a, b)) // 2


def _scores(original: Sequence[str], rewrite: Sequence[str]) -> dict[tuple[int, int], float]:
    """Similarity of each candidate pair that shares a word; pairs sharing none never pair."""
    scores: dict[tuple[int, int], float] = {}
    if len(original) * len(rewrite) <= _EXHAUSTIVE_PAIRS:
        # One C++ loop per original sentence instead of one Python call per pair.
        for i, sentence in enumerate(original):
            if sentence:
                for _, score, j in process.extract(
                    sentence,
                    rewrite,
                    scorer=Indel.normalized_similarity,
                    score_cutoff=_ANY_SHARED,
                    limit=None,
                ):
                    scores[i, j] = score
        return scores
    for i, j in _candidate_pairs(original, rewrite):
        a, b = original[i], rewrite[j]
        if a and b:
            score = Indel.normalized_similarity(a, b)
            if score > 0:
                scores[i, j] = score
    return scores


def _candidate_pairs(original: Sequence[str], rewrite: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs worth scoring in a large input: those sharing rare words, and the diagonal."""
    n, m = len(original), len(rewrite)
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(original):
        for word in set(sentence):
            postings[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for j, sentence in enumerate(rewrite):
        shared: defaultdict[int, int] = defaultdict(int)
        for word in set(sentence):
            holders = postings.get(word)
            if holders is not None and len(holders) <= _RARE_DOCUMENT_FREQUENCY:
                for i in holders:
                    shared[i] += 1
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        pairs.update((i, j) for i, _ in best[:_CANDIDATES_PER_SENTENCE])
        centre = j * n // max(m, 1)
        low, high = max(0, centre - _DIAGONAL_WINDOW), min(n, centre + _DIAGONAL_WINDOW + 1)
        pairs.update((i, j) for i in range(low, high))
    return sorted(pairs)


def align_sentences(
    original: Sequence[str],
    rewrite: Sequence[str],
    *,
    solo_original: frozenset[int] = frozenset(),
    solo_rewrite: frozenset[int] = frozenset(),
    exact_original: Sequence[str] | None = None,
    exact_rewrite: Sequence[str] | None = None,
) -> list[Pairing]:
    """Align two lists of encoded sentences (one character per folded word).

    ``exact_*``, when given, are the sentences with every token (function words and
    punctuation too): sentences equal there are paired first, whatever their content.
    Sentences in ``solo_*`` (headlines) are matched one to one or not at all: they
    never join a merge or a split. Returns groups in reading order of the rewrite,
    removed sentences placed after the group holding the original sentence before
    them. Every index of both inputs is in exactly one group.

    >>> [(p.original, p.rewrite) for p in align_sentences(["abc", "de"], ["de", "abx", "z"])]
    [((1,), (0,)), ((0,), (1,)), ((), (2,))]
    """
    scores = _scores(original, rewrite)
    group_of_original: dict[int, list[int]] = {}
    group_of_rewrite: dict[int, list[int]] = {}
    groups: list[tuple[list[int], list[int]]] = []
    ranked = sorted(
        scores.items(), key=lambda item: (-item[1], abs(item[0][0] - item[0][1]), item[0])
    )

    def pair(i: int, j: int) -> None:
        groups.append(([i], [j]))
        group_of_original[i] = group_of_rewrite[j] = [len(groups) - 1]

    if exact_original is not None and exact_rewrite is not None:
        _pair_exact(exact_original, exact_rewrite, pair)
    for (i, j), score in ranked:
        if score < MATCH_THRESHOLD:
            break
        if i not in group_of_original and j not in group_of_rewrite:
            pair(i, j)
    # Weaker pairs are paraphrases only where they keep the order of the strong ones.
    anchors = sorted((g[0][0], g[1][0]) for g in groups)
    for (i, j), score in ranked:
        if score < WEAK_MATCH_THRESHOLD:
            break
        if i in group_of_original or j in group_of_rewrite:
            continue
        if _lcs(original[i], rewrite[j]) < _MIN_SHARED_WORDS - 1:
            continue
        slot = bisect.bisect_left(anchors, (i, j))
        before = anchors[slot - 1] if slot else (-1, -1)
        after = anchors[slot] if slot < len(anchors) else (len(original), len(rewrite))
        if before[1] < j < after[1]:
            pair(i, j)
            anchors.insert(slot, (i, j))
    _attach_leftovers(
        original,
        rewrite,
        {
            pair: score
            for pair, score in scores.items()
            if pair[0] not in solo_original and pair[1] not in solo_rewrite
        },
        groups,
        group_of_original,
        group_of_rewrite,
    )
    return _order(original, rewrite, groups)


def _pair_exact(
    original: Sequence[str], rewrite: Sequence[str], pair: Callable[[int, int], None]
) -> None:
    """Pair sentences whose full token sequences are equal, first come first served."""
    waiting: defaultdict[str, list[int]] = defaultdict(list)
    for i in range(len(original) - 1, -1, -1):
        waiting[original[i]].append(i)
    for j, sentence in enumerate(rewrite):
        holders = waiting.get(sentence)
        if holders:
            pair(holders.pop(), j)


def _attach_leftovers(
    original: Sequence[str],
    rewrite: Sequence[str],
    scores: dict[tuple[int, int], float],
    groups: list[tuple[list[int], list[int]]],
    group_of_original: dict[int, list[int]],
    group_of_rewrite: dict[int, list[int]],
) -> None:
    """Merge unmatched original sentences, and split off unmatched rewrite ones, into groups."""
    by_original: defaultdict[int, list[int]] = defaultdict(list)
    by_rewrite: defaultdict[int, list[int]] = defaultdict(list)
    for i, j in scores:
        by_original[i].append(j)
        by_rewrite[j].append(i)
    # Original sentences join groups first (merges), then rewrite sentences (splits).
    for side, own, other, partners, own_groups, other_groups in (
        (0, original, rewrite, by_original, group_of_original, group_of_rewrite),
        (1, rewrite, original, by_rewrite, group_of_rewrite, group_of_original),
    ):
        for index, sentence in enumerate(own):
            if index in own_groups or not sentence:
                continue
            best = _best_host(
                sentence, index, partners[index], own, other, other_groups, groups, 1 - side
            )
            if best is not None:
                groups[best][side].append(index)
                groups[best][side].sort()
                own_groups[index] = [best]


def _best_host(
    sentence: str,
    index: int,
    partners: list[int],
    own: Sequence[str],
    other: Sequence[str],
    group_of_other: dict[int, list[int]],
    groups: list[tuple[list[int], list[int]]],
    side: int,
) -> int | None:
    """The group whose one sentence on the other side contains most of ``sentence``.

    ``side`` is the side of ``groups`` that ``other`` belongs to (1 rewrite, 0 original);
    only groups with a single sentence there can grow, so groups stay 1:n or n:1.
    """
    best: tuple[float, int] | None = None
    for partner in sorted(partners):
        host = group_of_other.get(partner)
        if host is None:
            continue
        group = groups[host[0]]
        if len(group[side]) != 1:
            continue
        shared = _lcs(sentence, other[partner])
        containment = shared / len(sentence)
        nearest = min(abs(index - member) for member in group[1 - side])
        if shared < _MIN_SHARED_WORDS:
            # A short sentence ("It will take time.") joins only a neighbour that holds
            # all its words in order, and that its own partner does not already explain:
            # two pieces of a quotation run together, not a heading cut before its section.
            if (
                len(sentence) < _MIN_SHORT_WORDS
                or nearest > 1
                or shared < len(sentence)
                or any(sentence in own[member] for member in group[1 - side])
            ):
                continue
        elif containment < CONTAINMENT_THRESHOLD:
            continue
        candidate = (containment - 0.01 * nearest, -host[0])
        if best is None or candidate > best:
            best = candidate
    return None if best is None else -best[1]


def _order(
    original: Sequence[str],
    rewrite: Sequence[str],
    groups: list[tuple[list[int], list[int]]],
) -> list[Pairing]:
    """Mark moved groups, add the unmatched sentences, and sort into reading order."""
    matched = sorted(groups, key=lambda group: group[1][0])
    stable = _longest_increasing([group[0][0] for group in matched])
    placed: list[tuple[tuple[int, int, int], Pairing]] = []
    stable_original = [matched[k][0][0] for k in sorted(stable)]
    stable_rewrite = [matched[k][1][0] for k in sorted(stable)]
    rewrite_after_original: dict[int, int] = {}
    for k, (orig, rew) in enumerate(matched):
        moved = 0
        if k not in stable:
            # Where the original order would put it, among the groups that kept order.
            slot = bisect.bisect_left(stable_original, orig[0])
            rank = bisect.bisect_left(stable_rewrite, rew[0])
            moved = 1 if rank > slot else -1
        similarity = Indel.normalized_similarity(
            "".join(original[i] for i in orig), "".join(rewrite[j] for j in rew)
        )
        pairing = Pairing(tuple(orig), tuple(rew), round(similarity, 4), moved)
        placed.append(((rew[0], 0, orig[0]), pairing))
        for i in orig:
            rewrite_after_original[i] = rew[-1]
    matched_rewrite = {j for _, rew in groups for j in rew}
    placed.extend(
        ((j, 0, -1), Pairing((), (j,), 0.0))
        for j in range(len(rewrite))
        if j not in matched_rewrite
    )
    anchor = -1
    for i in range(len(original)):
        if i in rewrite_after_original:
            anchor = rewrite_after_original[i]
        else:
            placed.append(((anchor, 1, i), Pairing((i,), (), 0.0)))
    placed.sort(key=lambda item: item[0])
    return [pairing for _, pairing in placed]


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        slot = bisect.bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[slot] = value
            tail_index[slot] = k
        previous[k] = tail_index[slot - 1] if slot else -1
    chosen: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chosen.add(k)
        k = previous[k]
    return chosen
