"""Report claims that lose their source, or change it, between two versions.

For every aligned group the detector reads the attributions of the original's and the
rewrite's sentences (every sentence of the group, so a source moved to a neighbouring
sentence still counts) outside direct quotations. A named or described source of the
original ("the ministry said", "according to the outlet", "the NYT noted") that the
rewrite drops, or replaces with vague sourcing ("reportedly", "sources say"), is a
``dropped_attribution``; one that the rewrite gives to another named source is a
``changed_attribution``. Verbs of wanting, planning or stance ("X wants") attribute an
attitude rather than a claim and are left out.

The cues come from the shipped ``reporting_verbs`` and ``vague_sources`` lexicons;
``AttributionDetector(reporting_verbs=..., vague_sources=...)`` reads others instead.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import attrs

from newsdiff.detect._attribution import (
    Attribution,
    cue_lexicons,
    find_attributions,
    is_claim_cue,
    is_named,
    same_source,
)
from newsdiff.detect._quotes import quote_words
from newsdiff.detect.quotes import _real_quotations, build_quote_ledger
from newsdiff.lexicons import load_lexicon, repr_by_name
from newsdiff.models import Change, ChangeKind, QuoteStatus, Relation, Severity

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newsdiff.detect import Context
    from newsdiff.detect._annotations import Annotations
    from newsdiff.detect._attribution import _Lexicons
    from newsdiff.lexicons import Lexicon
    from newsdiff.models import AlignmentGroup, Quotation, Span

__all__ = ["Attribution", "AttributionDetector", "find_attributions"]

# Words that do not identify a source: "the", "of", pronouns.
_FILLER = frozenset(
    ("the", "a", "an", "of", "for", "in", "at", "on", "and", "he", "she", "they", "it", "we", "i")
)
# Groups whose two sides cannot differ in sourcing, or lack one side.
_SKIPPED = frozenset({Relation.IDENTICAL, Relation.TYPOGRAPHIC, Relation.ADDED, Relation.REMOVED})


@attrs.frozen
class _Quoted:
    """The quoted stretches of one text, sorted, to pick those inside one sentence fast."""

    spans: tuple[Span, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, quotations: Sequence[Quotation]) -> _Quoted:
        """Index the contents of ``quotations`` (scare quotes already left out)."""
        spans = tuple(
            sorted((q.content for q in quotations), key=lambda span: (span.end, span.start))
        )
        return cls(spans, tuple(span.end for span in spans))

    def overlapping(self, span: Span) -> tuple[Span, ...]:
        first = bisect.bisect_right(self.ends, span.start)
        found: list[Span] = []
        for quoted in self.spans[first:]:
            if quoted.start >= span.end:
                break  # quotations never overlap, so the rest lie further on
            found.append(quoted)
        return tuple(found)


def _quoted_contents(notes: Annotations) -> _Quoted:
    """The contents of a document's real quotations, indexed once per document."""
    return notes.remember(_QUOTED_KEY, lambda: _Quoted.of(_real_quotations(notes)))


_QUOTED_KEY = "attribution.quoted"


def _writer_attributions(notes: Annotations, span: Span) -> tuple[Attribution, ...]:
    """The attributions of ``span`` in the writer's voice (not inside a quotation)."""
    outside = _quoted_contents(notes).overlapping(span)
    return notes.attributions(span.start, span.end, outside=outside)


def _attributions(
    notes: Annotations, spans: Sequence[Span], quoted: _Quoted, cues: _Lexicons | None
) -> tuple[Attribution, ...]:
    """The attributions of ``spans``, found with ``cues`` (the shared notes' when ``None``)."""
    found: list[Attribution] = []
    for span in spans:
        outside = quoted.overlapping(span)
        if cues is None:
            found.extend(notes.attributions(span.start, span.end, outside=outside))
        else:
            found.extend(_own_attributions(notes, span, outside, cues))
    return tuple(found)


def _own_attributions(
    notes: Annotations, span: Span, outside: tuple[Span, ...], cues: _Lexicons
) -> tuple[Attribution, ...]:
    """Find a span's attributions with a detector's own cue lists, once per document.

    The shared look-up holds what the shipped lists find, so these are kept beside it
    under a key holding ``cues`` itself (compared by identity).
    """
    text = notes.document.text
    start, end = span.start, span.end
    key = ("attributions", cues, start, end, tuple((s.start, s.end) for s in outside))
    return notes.remember(
        key, lambda: find_attributions(text, start, end, outside=outside, lexicons=cues)
    )


def _sourced(attributions: Sequence[Attribution], cues: _Lexicons | None) -> list[Attribution]:
    """Keep the attributions that give a claim a source: a claim cue with its subject."""
    return [a for a in attributions if a.source is not None and is_claim_cue(a, cues)]


def _own_cues(detector: AttributionDetector) -> _Lexicons | None:
    """Index a detector's own cue lists once; ``None`` leaves it on the shared notes."""
    if detector.reporting_verbs is None and detector.vague_sources is None:
        return None
    shipped = _shipped_lexicons()
    return cue_lexicons(
        detector.reporting_verbs or shipped[0], detector.vague_sources or shipped[1]
    )


def _shipped_lexicons() -> tuple[Lexicon, Lexicon]:
    return load_lexicon("reporting_verbs"), load_lexicon("vague_sources")


def _keeps(original: Attribution, rewrite: Sequence[Attribution]) -> bool:
    """Tell whether the rewrite still gives the original's source, in any wording."""
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    for candidate in rewrite:
        assert candidate.source is not None  # noqa: S101 - as above
        if same_source(original.source.text, candidate.source.text) is not False:
            return True
    return False


def _content_words(text: str) -> frozenset[str]:
    """Folded words of a text, possessives cut ("Mexico's" is "mexico"), filler left out."""
    words = (word.removesuffix("'s") for word in quote_words(text))
    return frozenset(word for word in words if word not in _FILLER)


def _mentioned(original: Attribution, rewrite_words: frozenset[str]) -> bool:
    """Tell whether the rewrite still names the source, if not as the subject of a cue.

    "The NYT noted that ..." and "The NYT's report says ..." keep the same source.
    """
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    words = _content_words(original.source.text)
    return bool(words) and words <= rewrite_words


def _introduced(first: str, second: str, texts: Sequence[str]) -> bool:
    """Tell whether a version introduces one source as the other.

    "Mexican President Claudia Sheinbaum" or "Claudia Sheinbaum, the Mexican president"
    makes "the Mexican president" and "Sheinbaum" one person in that story.
    """
    for title, name in ((first, second), (second, first)):
        title_words = _TITLE_WORD.findall(title)
        while title_words and title_words[0].lower() in _ARTICLES:
            del title_words[0]
        names = _TITLE_WORD.findall(name)
        # A description has a word in lower case ("president"); a name has none.
        if (
            not names
            or not any(word.islower() for word in title_words)
            or len(title_words) > _MAX_TITLE_WORDS
        ):
            continue
        described = r"(?i:" + r"\s+".join(map(re.escape, title_words)) + ")"
        last = re.escape(names[-1])
        pattern = re.compile(
            rf"\b{described}\s+(?:[A-Z][\w.'\u2019-]*\s+){{0,3}}{last}\b"
            rf"|\b{last},\s+(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){{0,2}}{described}\b"
        )
        if any(_near(pattern, text, names[-1]) for text in texts):
            return True
    return False


def _near(pattern: re.Pattern[str], text: str, name: str) -> bool:
    """Search ``pattern`` only around the places ``name`` occurs: bounded work per source."""
    position = text.find(name)
    while position >= 0:
        window = text[max(0, position - _WINDOW) : position + len(name) + _WINDOW]
        if pattern.search(window):
            return True
        position = text.find(name, position + len(name))
    return False


_WINDOW = 120
_ARTICLES = frozenset(("the", "a", "an"))
_TITLE_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
# Longer descriptions ("the head of the regional water authority") are left alone.
_MAX_TITLE_WORDS = 4


def _neighbours(context: Context, group: AlignmentGroup) -> tuple[Span, ...]:
    """The rewrite sentences just before and after a group's own."""
    if not group.rewrite_sentences:
        return ()
    sentences = context.rewrite.sentences
    wanted = (min(group.rewrite_sentences) - 1, max(group.rewrite_sentences) + 1)
    return tuple(sentences[i].span for i in wanted if 0 <= i < len(sentences))


def _named_again(original: Attribution, nearby: Sequence[Attribution]) -> bool:
    """Tell whether a neighbouring sentence gives the very same source (it moved there)."""
    assert original.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
    return any(
        candidate.source is not None
        and same_source(original.source.text, candidate.source.text) is True
        for candidate in nearby
    )


@attrs.frozen(kw_only=True)
class AttributionDetector:
    """Find ``dropped_attribution`` and ``changed_attribution`` in aligned sentences.

    ``reporting_verbs`` and ``vague_sources`` replace the shipped lexicons of those
    names (extend them with :meth:`~newsdiff.lexicons.Lexicon.extended`: a house verb
    such as "opined" in ``speech``, a vague head such as "insiders" in ``heads``). A
    detector given either finds attributions with its own lists; the shared notes keep
    the shipped ones. Quotations and the quote ledger are still read with the shipped
    lists.

    >>> AttributionDetector().name
    'attribution'
    """

    name: str = "attribution"
    reporting_verbs: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    vague_sources: Lexicon | None = attrs.field(default=None, hash=False, repr=repr_by_name)
    _cues: _Lexicons | None = attrs.field(
        init=False,
        default=attrs.Factory(_own_cues, takes_self=True),
        eq=False,
        repr=False,
    )

    def detect(self, context: Context) -> Iterator[Change]:
        """Yield at most one attribution change per aligned group."""
        cues = self._cues
        original_quoted = _quoted_contents(context.original_notes)
        rewrite_quoted = _quoted_contents(context.rewrite_notes)
        ledger = context.quotes or build_quote_ledger(
            context.original,
            context.rewrite,
            original_notes=context.original_notes,
            rewrite_notes=context.rewrite_notes,
        )
        speaker_changed = {
            entry.rewrite.span.start
            for entry in ledger
            if entry.status is QuoteStatus.SPEAKER_CHANGED and entry.rewrite is not None
        }
        for index, group in enumerate(context.alignment):
            if group.relation in _SKIPPED or not group.original or not group.rewrite:
                continue
            before = _sourced(
                _attributions(context.original_notes, group.original, original_quoted, cues),
                cues,
            )
            if not before:
                continue
            found = _attributions(context.rewrite_notes, group.rewrite, rewrite_quoted, cues)
            after = _sourced(found, cues)
            lost = [a for a in before if not _keeps(a, after)]
            if lost:  # folding the rewrite's words costs more than all the rest: only if needed
                rewrite_words = _content_words(
                    " ".join(context.rewrite.text[s.start : s.end] for s in group.rewrite)
                )
                lost = [a for a in lost if not _mentioned(a, rewrite_words)]
            if lost:
                nearby = _sourced(
                    _attributions(
                        context.rewrite_notes, _neighbours(context, group), rewrite_quoted, cues
                    ),
                    cues,
                )
                lost = [a for a in lost if not _named_again(a, nearby)]
            if not lost:
                continue
            if not after:
                yield self._dropped(index, lost[0], [a for a in found if a.vague])
                continue
            if any(
                span.start <= start < span.end
                for span in group.rewrite
                for start in speaker_changed
            ):
                continue  # the quote detector reports the new speaker
            changed = self._changed(
                index, lost, after, (context.original.text, context.rewrite.text)
            )
            if changed is not None:
                yield changed

    def _dropped(self, index: int, lost: Attribution, vague: Sequence[Attribution]) -> Change:
        assert lost.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
        said = f'"{lost.source.text}" ("{lost.cue.text}")'
        if vague:
            cues = ", ".join(f'"{a.cue.text}"' for a in vague)
            explanation = (
                f"The original attributes this claim to {said}; the rewrite gives only "
                f"vague sourcing ({cues})."
            )
        else:
            explanation = (
                f"The original attributes this claim to {said}; the rewrite gives no source."
            )
        return Change(
            kind=ChangeKind.DROPPED_ATTRIBUTION,
            severity=Severity.HIGH,
            explanation=explanation,
            original=(lost.source, lost.cue)
            if lost.source.start < lost.cue.start
            else (
                lost.cue,
                lost.source,
            ),
            rewrite=tuple(a.cue for a in vague),
            group=index,
            detector=self.name,
        )

    def _changed(
        self,
        index: int,
        lost: Sequence[Attribution],
        after: Sequence[Attribution],
        texts: tuple[str, str],
    ) -> Change | None:
        for old in lost:
            assert old.source is not None  # noqa: S101 - _sourced() keeps only sourced ones
            if not is_named(old.source.text):
                continue
            for new in after:
                assert new.source is not None  # noqa: S101 - as above
                if (
                    is_named(new.source.text)
                    and same_source(old.source.text, new.source.text) is False
                    and not _introduced(old.source.text, new.source.text, texts)
                ):
                    return Change(
                        kind=ChangeKind.CHANGED_ATTRIBUTION,
                        severity=Severity.HIGH,
                        explanation=(
                            f'The claim is attributed to "{new.source.text}" in the rewrite '
                            f'but to "{old.source.text}" in the original.'
                        ),
                        original=(old.source,),
                        rewrite=(new.source,),
                        group=index,
                        detector=self.name,
                    )
        return None
