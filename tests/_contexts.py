"""Hand-built detector contexts, for testing one detector without the whole pipeline."""

from __future__ import annotations

from newsdiff.detect import Context
from newsdiff.detect.quotes import build_quote_ledger
from newsdiff.models import AlignmentGroup, Document, Relation, Sentence, Span


def one_group(before: str, after: str, relation: Relation = Relation.EDITED) -> Context:
    """A context whose only group pairs the whole of ``before`` with the whole of ``after``."""
    group = AlignmentGroup(
        relation=relation,
        original=(Span.of(before, 0, len(before)),),
        rewrite=(Span.of(after, 0, len(after)),),
    )
    return Context(original=Document(text=before), rewrite=Document(text=after), alignment=(group,))


def sentences(*texts: str) -> Document:
    """A one-paragraph document of ``texts``, joined by spaces, each one sentence."""
    text = " ".join(texts)
    spans = []
    start = 0
    for sentence in texts:
        spans.append(Span.of(text, start, start + len(sentence)))
        start += len(sentence) + 1
    return Document(
        text=text,
        paragraphs=(Span.of(text, 0, len(text)),),
        sentences=tuple(Sentence(span=span, paragraph=0) for span in spans),
    )


def one_sentence_group(
    before: str, after: str, relation: Relation = Relation.EDITED, *, ledger: bool = False
) -> Context:
    """Two one-sentence documents in one group of ``relation``, as the pipeline builds it.

    ``Relation.ADDED`` gives what the pipeline makes of an unrelated pair: the original's
    sentence removed and the rewrite's added. ``ledger`` adds the quote ledger.
    """
    original, rewrite = sentences(before), sentences(after)
    groups: tuple[AlignmentGroup, ...]
    if relation is Relation.ADDED:
        groups = (
            AlignmentGroup(
                relation=Relation.REMOVED,
                original=(original.sentences[0].span,),
                original_sentences=(0,),
            ),
            AlignmentGroup(
                relation=Relation.ADDED,
                rewrite=(rewrite.sentences[0].span,),
                rewrite_sentences=(0,),
            ),
        )
    else:
        groups = (
            AlignmentGroup(
                relation=relation,
                original=(original.sentences[0].span,),
                rewrite=(rewrite.sentences[0].span,),
                original_sentences=(0,),
                rewrite_sentences=(0,),
            ),
        )
    return Context(
        original=original,
        rewrite=rewrite,
        alignment=groups,
        quotes=build_quote_ledger(original, rewrite) if ledger else (),
    )
