"""Word-level differences inside one aligned group: the one place that uses diff-match-patch.

Each word or punctuation token is encoded as one character, so the diff works on
whole words (never "te[x->s]t"). The raw diff comes from rapidfuzz's LCS opcodes
(C++, about 2 microseconds a sentence pair, where diff-match-patch's pure-Python
bisection took most of the pipeline's time); diff-match-patch's semantic clean-up
then merges chopped edits into readable ones. Its timeout is 0 so that nothing
depends on how busy the machine is.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import attrs
from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from newsdiff._tokens import Token, code_points, token_is_word, token_key
from newsdiff.models import EditOp, Span, WordEdit

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rapidfuzz.distance import Opcodes

__all__ = ["WordDiff", "diff_tokens"]

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0
_DMP_OPS = {"equal": 0, "delete": -1, "insert": 1}


def _split_replace(opcodes: Opcodes) -> Iterator[tuple[str, int, int, int, int]]:
    """Turn each replace opcode into a delete then an insert, as diff-match-patch expects."""
    for opcode in opcodes:
        tag, a0, a1, b0, b1 = (
            opcode.tag,
            opcode.src_start,
            opcode.src_end,
            opcode.dest_start,
            opcode.dest_end,
        )
        if tag == "replace":
            yield "delete", a0, a1, b0, b0
            yield "insert", a1, a1, b0, b1
        else:
            yield tag, a0, a1, b0, b1


@attrs.frozen
class WordDiff:
    """Edits of one group, and how many words of each side sit in long shared runs."""

    edits: tuple[WordEdit, ...]
    reused_words: int


#: A run of equal words this long counts as reused text; shorter runs are coincidence
#: ("the", "of the") unless the run is a whole side of the group.
_REUSE_RUN = 3


def diff_tokens(
    original_text: str,
    original: Sequence[Token],
    rewrite_text: str,
    rewrite: Sequence[Token],
) -> WordDiff:
    """Diff two token sequences on their folded keys; spans index the raw texts.

    >>> from newsdiff._tokens import tokenize
    >>> a, b = "They met on Monday.", "They met on Friday."
    >>> diff = diff_tokens(a, tokenize(a), b, tokenize(b))
    >>> [(e.op.value, e.original.text, e.rewrite.text) for e in diff.edits]
    [('replace', 'Monday', 'Friday')]
    """
    left_keys = list(map(token_key, original))
    right_keys = list(map(token_key, rewrite))
    # The group's own codes: diff-match-patch's clean-up scores edit boundaries by the
    # characters' Unicode classes, so they must not depend on the rest of the articles.
    code_of = code_points(left_keys + right_keys)
    left = "".join(map(code_of.__getitem__, left_keys))
    right = "".join(map(code_of.__getitem__, right_keys))
    # words_before[n]: the words among the first n original tokens.
    words_before = list(itertools.accumulate(map(token_is_word, original), initial=0))
    total_words_left = words_before[-1]
    if left == right:
        # Nothing to clean up: one equal run, every word of it reused.
        return WordDiff(edits=(), reused_words=total_words_left)
    diffs = [
        (_DMP_OPS[tag], (left[a0:a1] if tag != "insert" else right[b0:b1]))
        for tag, a0, a1, b0, b1 in _split_replace(Indel.opcodes(left, right))
    ]
    _DMP.diff_cleanupSemantic(diffs)
    edits: list[WordEdit] = []
    reused = 0
    i = j = 0
    pending_delete: tuple[int, int] | None = None
    pending_insert: tuple[int, int] | None = None
    for op, chars in diffs:
        length = len(chars)
        if op == 0:
            _flush(
                edits,
                original_text,
                original,
                rewrite_text,
                rewrite,
                pending_delete,
                pending_insert,
            )
            pending_delete = pending_insert = None
            words = words_before[i + length] - words_before[i]
            if words >= _REUSE_RUN or words == total_words_left:
                reused += words
            i += length
            j += length
        elif op == -1:
            pending_delete = (
                (i, i + length) if pending_delete is None else (pending_delete[0], i + length)
            )
            i += length
        else:
            pending_insert = (
                (j, j + length) if pending_insert is None else (pending_insert[0], j + length)
            )
            j += length
    _flush(edits, original_text, original, rewrite_text, rewrite, pending_delete, pending_insert)
    return WordDiff(edits=tuple(edits), reused_words=reused)


def _flush(
    edits: list[WordEdit],
    original_text: str,
    original: Sequence[Token],
    rewrite_text: str,
    rewrite: Sequence[Token],
    deleted: tuple[int, int] | None,
    inserted: tuple[int, int] | None,
) -> None:
    if deleted is None and inserted is None:
        return
    old = _span(original_text, original, deleted)
    new = _span(rewrite_text, rewrite, inserted)
    if old is not None and new is not None:
        edits.append(WordEdit(op=EditOp.REPLACE, original=old, rewrite=new))
    elif old is not None:
        edits.append(WordEdit(op=EditOp.DELETE, original=old))
    elif new is not None:
        edits.append(WordEdit(op=EditOp.INSERT, rewrite=new))


def _span(text: str, tokens: Sequence[Token], run: tuple[int, int] | None) -> Span | None:
    if run is None or run[0] == run[1]:
        return None
    return Span.of(text, tokens[run[0]].start, tokens[run[1] - 1].end)
