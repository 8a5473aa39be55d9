"""Find attributions in a stretch of text: who is said to have said, thought or found what.

An attribution is a *cue* (a reporting verb such as "said", a phrase such as
"according to", or vague sourcing such as "reportedly") and, when the text names it,
a *source* (the noun phrase of the speaker: "the ministry", "a spokeswoman", "he").
The scanner works on word tokens with a fixed look-around, so it runs in linear time
and never backtracks; it is a rule-based approximation, not a parser.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "Attribution",
    "cue_lexicons",
    "find_attributions",
    "is_claim_cue",
    "is_named",
    "same_source",
]


def _words(text: str) -> tuple[str, ...]:
    """Split a space-separated word list written inline."""
    return tuple(text.split())


@attrs.frozen(kw_only=True)
class Attribution:
    """One attribution cue, its source when the text names one, and whether it is vague.

    ``vague`` is true for sourcing that names nobody in particular: "reportedly",
    "it is understood", "sources said", "observers note".
    """

    cue: Span
    source: Span | None = None
    vague: bool = False


_new_object = object.__new__
_set_field = object.__setattr__


def _found(cue: Span, source: Span | None = None, *, vague: bool = False) -> Attribution:
    """Make an :class:`Attribution` without its generated ``__init__``.

    The class checks nothing on construction, and the scan makes one per cue it finds:
    setting the fields directly is about three times cheaper (as ``Span.of`` does).
    """
    found: Attribution = _new_object(Attribution)
    _set_field(found, "cue", cue)
    _set_field(found, "source", source)
    _set_field(found, "vague", vague)
    return found


_TOKEN = re.compile(r"\w+(?:['\u2019.&\-]\w+)*|[^\w\s]")
_SENTENCE_END = frozenset(".!?")
_ABBREVIATIONS = frozenset(
    ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Rev", "Lt", "Col")
)
_BOUNDARY_PUNCT = frozenset(",;:()[]\u2014\u2013\"\u201c\u201d\u2018\u2019'\u00ab\u00bb")
_DETERMINERS = frozenset(
    _words(
        "the a an this that these those his her its their our my your some any no every each "
        "another such whose which what"
    )
)
_PREPOSITIONS = frozenset(
    _words(
        "of in on at for with from by about into onto over under after before during between "
        "against among through without within upon toward towards"
    )
)
_BE = frozenset(_words("is are was were be been being am 's"))
# Words that may sit between a subject and its reporting verb ("she also said").
_INTERVENING = frozenset(
    _words(
        "also has have had will would could can may might must should shall did does do not "
        "never later previously recently repeatedly then again once often publicly privately "
        "first already further still now earlier long had n't ever initially separately "
        "subsequently quickly flatly"
    )
)
# Words that end a subject phrase when walking left from the verb.
_CLAUSE_STOPS = frozenset(
    _words(
        "that which who whom and but or because when if while as after before since so than "
        "where though although unless until whether nor yet"
    )
)
_RELATIVE_SUBJECTS = frozenset(_words("who which"))
# "having said" has its subject in the main clause, never to its left.
_SUBJECT_STOPS = _CLAUSE_STOPS | _BE | {"having"}
# Nouns after "according to" that name a norm rather than a source.
_GO_ON = frozenset(_words("on continue continues continued continuing"))
_NORMS = frozenset(_words("plan plans schedule script tradition custom protocol form law rules"))
_RELATIVES = frozenset(_words("that which"))
_IS_OR_HAS = frozenset(_words("who's it's he's she's that's there's what's where's"))
_CLEFT = frozenset(
    ["is", "are", "was", "were", "be", "been", "'s", "what", "how", "why", "where", "when"]
)
_PRONOUNS = frozenset(_words("he she they it we i you"))
_MAX_SOURCE_TOKENS = 9
_LABEL_WORDS = 4
_TO_AND_MODALS = frozenset(
    ["to", "will", "would", "could", "can", "may", "might", "should", "must", "shall"]
)
_ADD = frozenset(_words("add adds added adding"))
# Words after "added" that still leave it a verb of saying: "added that", "added on Monday".
_REMARK_FOLLOWERS = frozenset(
    _words("that on in at during later afterwards then also today yesterday quickly")
)
# What closes an aside such as "all told": the end of its clause.
_ASIDE_ENDS = frozenset(",.;:!?)\u2014\u2013")
# Passive evidence verbs that also tell where a thing was found or shown, and the words
# after them that mean that sense: "the gun was found in his car", "found dead".
_FIND_OR_SHOW = frozenset(_words("found shown"))
_PLACES_AND_STATES = frozenset(
    _words(
        "in inside on at near nearby under beneath behind outside along across among between "
        "dead alive unconscious injured wounded hidden here "
        "there abandoned buried lying floating"
    )
)
_CONTINUE = frozenset(_words("continue continues continued continuing"))
_SPEECH_OPENERS = frozenset(":\"\u201c\u2018'")
_SIGN_OFF_DASHES = frozenset("\u2014\u2015")
_FIRST_PERSON = frozenset(_words("i we you"))
# Words that may follow a reporting verb but not the noun it is spelled like:
# "plans to", "states that", "claims:".
_COMPLEMENT_STARTS = frozenset(
    [
        "that",
        "to",
        '"',
        "“",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "this",
        "these",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "them",
        "us",
        "me",
        "what",
        "how",
        "why",
        "whether",
        "there",
        "no",
    ]
)


class _Tokens:
    """The tokens of a stretch of text, as parallel sequences rather than one object each.

    A document has hundreds of tokens and the scan acts on a few of them: sequences the
    regular-expression engine fills cost a fraction of one Python object per token.
    Indices run from 0 for the stretch's first token. A plain slotted class, not an
    attrs one: every sentence scanned takes a new cut, and this one is cheaper to build.
    """

    __slots__ = ("ends", "lowers", "starts", "texts")

    def __init__(
        self,
        starts: Sequence[int],
        ends: Sequence[int],
        texts: Sequence[str],
        lowers: Sequence[str],
    ) -> None:
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.lowers = lowers

    def __len__(self) -> int:
        return len(self.starts)

    def cut(self, first: int, last: int) -> _Tokens:
        """The tokens from index ``first`` up to (not including) ``last``."""
        return _Tokens(
            self.starts[first:last],
            self.ends[first:last],
            self.texts[first:last],
            self.lowers[first:last],
        )

    def is_word(self, index: int) -> bool:
        """Tell whether token ``index`` is a word, not a punctuation mark."""
        char = self.texts[index][0]
        return char.isalnum() or char == "_"


@attrs.frozen
class _Phrases:
    """Lexicon phrases indexed by their first word, longest first."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> _Phrases:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(_TOKEN.findall(phrase.lower()))
            if words:
                index.setdefault(words[0], []).append(words)
        return cls(
            {
                first: tuple(sorted(set(found), key=lambda w: (-len(w), w)))
                for first, found in index.items()
            }
        )

    def match(self, tokens: _Tokens, index: int) -> int:
        """Return how many tokens from ``index`` a phrase covers (0 when none does)."""
        lowers = tokens.lowers
        for words in self.by_first.get(lowers[index], ()):
            end = index + len(words)
            if end <= len(lowers) and (len(words) == 1 or tuple(lowers[index:end]) == words):
                return len(words)
        return 0


# Compared and hashed by identity: a detector's own lists key its results in the notes.
@attrs.frozen(eq=False)
class _Lexicons:
    speech: frozenset[str]
    single_verbs: frozenset[str]
    claim_phrases: frozenset[tuple[str, ...]]
    editorial_labels: frozenset[str]
    base_forms: frozenset[str]
    homographs: frozenset[str]
    cognition: frozenset[str]
    verbs: _Phrases
    prepositional: _Phrases
    channels: _Phrases
    vague_adverbs: frozenset[str]
    impersonal: _Phrases
    vague_heads: frozenset[str]
    # Set phrases on a verb of saying that report nobody ("having said that,"), by each
    # of their words: the phrase, where the word sits in it, and whether it counts only
    # as an aside (punctuation after it).
    set_phrases: dict[str, tuple[tuple[tuple[str, ...], int, bool], ...]] = attrs.field(
        factory=dict
    )
    # Every word a cue can start with, so most words are passed over at once.
    cue_starts: frozenset[str] = frozenset()
    # What the scan stops at: cue starts, a label's colon and a sign-off's dash.
    triggers: frozenset[str] = frozenset()
    # Words that only open phrases of two words or more ("in" of "in a statement"),
    # with the second words those phrases go on with.
    openers: dict[str, frozenset[str]] = attrs.field(factory=dict)
    # Words that start verb phrases and no other cue: most cues, sent straight on.
    verb_starts: frozenset[str] = frozenset()
    # Words a subject never holds, walking left from its verb: stops and verbs.
    subject_stops: frozenset[str] = frozenset()


def _base_forms(verbs: Lexicon) -> Iterable[str]:
    """Yield the uninflected one-word forms: those whose "-s" form is listed too."""
    forms = {
        form
        for category in ("speech", "cognition", "evidence", "stance")
        for form in verbs.get(category)
    }
    for form in forms:
        if " " in form:
            continue
        third_person = (form + "s", form + "es", form[:-1] + "ies")
        if any(candidate in forms for candidate in third_person):
            yield form


def _set_phrases(
    asides: Iterable[str], idioms: Iterable[str]
) -> dict[str, tuple[tuple[tuple[str, ...], int, bool], ...]]:
    by_word: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for phrases, aside in ((asides, True), (idioms, False)):
        for phrase in phrases:
            words = tuple(_TOKEN.findall(phrase.lower()))
            for position, word in enumerate(words):
                by_word.setdefault(word, []).append((words, position, aside))
    return {word: tuple(entries) for word, entries in by_word.items()}


@functools.cache
def _lexicons() -> _Lexicons:
    """The cue lists of the shipped ``reporting_verbs`` and ``vague_sources`` lexicons."""
    return cue_lexicons(load_lexicon("reporting_verbs"), load_lexicon("vague_sources"))


def cue_lexicons(verbs: Lexicon, vague: Lexicon) -> _Lexicons:
    """Index the cue lists of a reporting-verb and a vague-sourcing lexicon for the scan.

    ``verbs`` needs the ``speech`` list of the shipped ``reporting_verbs`` lexicon; its
    other lists (and those of ``vague``) may be missing. Build it once and pass it to
    :func:`find_attributions` as often as needed.

    Raises:
        LexiconError: ``verbs`` has no ``speech`` list.
    """
    claims = (*verbs["speech"], *verbs.get("evidence"), *verbs.get("prepositional"))
    every = (
        *verbs["speech"],
        *verbs.get("cognition"),
        *verbs.get("evidence"),
        *verbs.get("stance"),
    )
    found = _Lexicons(
        speech=frozenset(verbs["speech"]),
        single_verbs=frozenset(form for form in every if " " not in form)
        - frozenset(verbs.get("homographs")),
        claim_phrases=frozenset(
            tuple(_TOKEN.findall(phrase.lower())) for phrase in (*claims, *verbs.get("channels"))
        ),
        editorial_labels=frozenset(label.lower() for label in verbs.get("editorial_labels")),
        base_forms=frozenset(_base_forms(verbs)),
        homographs=frozenset(verbs.get("homographs")),
        cognition=frozenset(verbs.get("cognition")),
        verbs=_Phrases.of(
            (
                *verbs["speech"],
                *verbs.get("cognition"),
                *verbs.get("evidence"),
                *verbs.get("stance"),
            )
        ),
        prepositional=_Phrases.of(verbs.get("prepositional")),
        channels=_Phrases.of(verbs.get("channels")),
        vague_adverbs=frozenset(word.lower() for word in vague.get("adverbs")),
        impersonal=_Phrases.of(vague.get("impersonal")),
        vague_heads=frozenset(word.lower() for word in vague.get("heads")),
        set_phrases=_set_phrases(verbs.get("asides"), verbs.get("idioms")),
    )
    starts = (found.impersonal, found.prepositional, found.channels, found.verbs)
    cue_starts = frozenset(
        (*found.vague_adverbs, *(word for phrases in starts for word in phrases.by_first))
    )
    return attrs.evolve(
        found,
        cue_starts=cue_starts,
        triggers=cue_starts | {":"} | _SIGN_OFF_DASHES,
        subject_stops=_SUBJECT_STOPS | found.single_verbs,
        verb_starts=frozenset(found.verbs.by_first)
        - found.vague_adverbs
        - frozenset(
            word
            for phrases in (found.impersonal, found.prepositional, found.channels)
            for word in phrases.by_first
        ),
        openers=_openers(starts, found.vague_adverbs),
    )


def _openers(phrase_lists: Iterable[_Phrases], words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Map each word that opens only longer phrases to the words that may follow it.

    ``words`` are cues of one word outside the phrase lists (the vague adverbs).
    """
    single = set(words)
    seconds: dict[str, set[str]] = {}
    for phrases in phrase_lists:
        for first, found in phrases.by_first.items():
            for phrase in found:
                if len(phrase) == 1:
                    single.add(first)
                else:
                    seconds.setdefault(first, set()).add(phrase[1])
    return {
        first: frozenset(following) for first, following in seconds.items() if first not in single
    }


# The token pattern as a separator: splitting by it gives the whitespace before each
# token, the token, and so on, and the running sum of their lengths gives every offset,
# with no Python step per token. It is _TOKEN spelled to start with one non-space
# character (a word character, tested after it, goes on as a word): the engine then
# skips whitespace without trying the pattern there.
# Nothing follows a word run in the pattern, so its runs never give characters back:
# possessive quantifiers spare the engine the bookkeeping.
_TOKEN_SPLIT = re.compile(r"(\S(?<=\w)\w*+(?:['\u2019.&\-]\w++)*+|\S)")
# The same on ASCII text, where a word character is one of [A-Za-z0-9_]: a plain range
# is cheaper to test than a Unicode category.
_ASCII_TOKEN_SPLIT = re.compile(
    r"(\S(?<=[A-Za-z0-9_])[A-Za-z0-9_]*+(?:['.&\-][A-Za-z0-9_]++)*+|\S)"
)
_NO_TOKENS = _Tokens((), (), (), ())


def _tokens(text: str, start: int, end: int) -> _Tokens:
    """Split ``text[start:end]`` into the scan's tokens (``_TOKEN``), offsets into ``text``."""
    # Bounds as the regular-expression engine clips them.
    start = min(max(start, 0), len(text))
    end = min(max(end, 0), len(text))
    stretch = text if start == 0 and end == len(text) else text[start:end]
    parts = (_ASCII_TOKEN_SPLIT if stretch.isascii() else _TOKEN_SPLIT).split(stretch)
    if len(parts) == 1:
        return _NO_TOKENS  # whitespace alone, or nothing
    texts = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    return _Tokens(offsets[1:-1:2], offsets[2::2], texts, list(map(str.lower, texts)))


def _sentence_initial(tokens: _Tokens, index: int) -> bool:
    """Tell whether token ``index`` opens a sentence (quote marks and brackets skipped)."""
    texts = tokens.texts
    position = index - 1
    while position >= 0 and texts[position] in _BOUNDARY_PUNCT:
        position -= 1
    return position < 0 or _ends_sentence(tokens, position)


def _ends_sentence(tokens: _Tokens, index: int) -> bool:
    """Tell whether punctuation ends a sentence: not the full stop of "Mr." or "J."."""
    texts = tokens.texts
    mark = texts[index]
    if mark not in _SENTENCE_END:
        return False
    if mark != "." or index == 0:
        return True
    previous = texts[index - 1]
    return not (previous in _ABBREVIATIONS or (len(previous) == 1 and previous.isupper()))


def _is_name_word(tokens: _Tokens, index: int) -> bool:
    return tokens.texts[index][0].isupper() and not _sentence_initial(tokens, index)


def _left_source(tokens: _Tokens, cue: int, lexicons: _Lexicons) -> tuple[int, int] | None:
    """Find the subject before a verb at ``cue``: token indices ``[first, last]``."""
    stops = lexicons.subject_stops
    lowers = tokens.lowers
    position = cue - 1
    progressive = lowers[cue].endswith("ing")
    while position >= 0 and (
        (lower := lowers[position]) in _INTERVENING
        or (lower.endswith("ly") and len(lower) > 4)  # _skippable, inlined
        or (progressive and lower in _BE)
    ):
        position -= 1  # "has long said", "is saying"
    if position >= 0 and lowers[position] in _RELATIVE_SUBJECTS:
        position -= 1  # "the minister, who said": the subject is what "who" stands for
        if position >= 0 and tokens.texts[position] == ",":
            position -= 1
    last = position
    texts = tokens.texts
    while position >= 0 and last - position < _MAX_SOURCE_TOKENS:
        first_char = texts[position][0]
        if not (first_char.isalnum() or first_char == "_"):  # punctuation (is_word inlined)
            if _ends_sentence(tokens, position) or texts[position] in _BOUNDARY_PUNCT:
                break
        elif lowers[position] in stops:
            break  # a subject holds no verb: "Fowler said he expects" stops at "said"
        position -= 1
    first = position + 1
    while first <= last and (lowers[first] in _CLEFT or lowers[first] in _INTERVENING):
        first += 1  # "it is what the minister said": the subject follows "is what"
    if first > last or lowers[last] in _PREPOSITIONS or lowers[last] in _BE:
        return None
    return first, last


def _right_source(tokens: _Tokens, after: int) -> tuple[int, int] | None:
    """Find a noun phrase starting at token ``after``: "said the minister", "according to X"."""
    texts, lowers = tokens.texts, tokens.lowers
    count = len(texts)
    position = after
    while position < count and position - after < _MAX_SOURCE_TOKENS:
        if texts[position] == "." and not _ends_sentence(tokens, position):
            position += 1  # "said Mr. Ruiz": the stop of a title belongs to the name
            continue
        if not tokens.is_word(position) or lowers[position] in _CLAUSE_STOPS:
            break
        position += 1
    if position == after:
        return None
    first_word = lowers[after]
    if first_word in _PREPOSITIONS and first_word != "to":
        return None
    return after, position - 1


def _closed_phrase(tokens: _Tokens, first: int, last: int) -> bool:
    """Tell whether a phrase after an inverted cue names its speaker.

    A speaker holds no verb and ends at punctuation ('," said the minister.'); a clause
    does not ('said the plan was late').
    """
    if not _BE.isdisjoint(tokens.lowers[first : last + 1]):
        return False
    return last + 1 >= len(tokens) or not tokens.is_word(last + 1)


def _is_vague(tokens: _Tokens, first: int, last: int, lexicons: _Lexicons) -> bool:
    if lexicons.vague_heads.isdisjoint(tokens.lowers[first : last + 1]):
        return False
    return not any(_is_name_word(tokens, index) for index in range(first, last + 1))


def _noun_context(tokens: _Tokens, index: int) -> bool:
    """Tell whether the word at ``index`` reads as a noun ("the report", "in statements")."""
    if index == 0:
        return False
    lowers = tokens.lowers
    previous = lowers[index - 1]
    if previous in _PREPOSITIONS and lowers[index].endswith("ing"):
        return False  # "by saying", "after warning": a gerund that reports speech
    if previous in _RELATIVES:
        following = lowers[index + 1] if index + 1 < len(lowers) else ""
        return following not in _COMPLEMENT_STARTS  # "a study that shows the ..." is a verb
    if previous.replace("\u2019", "'") in _IS_OR_HAS:
        return False  # "who's called for", "it's denouncing"
    return (
        previous in _DETERMINERS
        or previous in _PREPOSITIONS
        or previous.endswith(("'s", "\u2019s"))
    )


def _skippable(lower: str) -> bool:
    """Words between a subject and its verb: auxiliaries and adverbs ("has long said")."""
    return lower in _INTERVENING or (lower.endswith("ly") and len(lower) > 4)


def _passive(tokens: _Tokens, index: int) -> bool:
    lowers = tokens.lowers
    if lowers[index].endswith("ing"):
        return False  # "is saying" is progressive
    position = index - 1
    while position >= 0 and (
        (lower := lowers[position]) in _INTERVENING
        or (lower.endswith("ly") and len(lower) > 4)  # _skippable, inlined
    ):
        position -= 1
    return position >= 0 and lowers[position] in _BE


def _embedded(tokens: _Tokens, first: int, verbs: frozenset[str]) -> bool:
    """Tell whether a subject follows another cue: "said (that) he expects"."""
    lowers = tokens.lowers
    position = first - 1
    if position >= 0 and lowers[position] == "that":
        position -= 1
    return position >= 0 and lowers[position] in verbs


def _span(text: str, tokens: _Tokens, first: int, last: int) -> Span:
    return Span.of(text, tokens.starts[first], tokens.ends[last])


def _verb_attribution(
    text: str, tokens: _Tokens, index: int, length: int, lexicons: _Lexicons
) -> Attribution | None:
    lower = tokens.lowers[index]
    if _other_sense(tokens, index, length, lexicons):
        return None
    cue = _span(text, tokens, index, index + length - 1)
    if _passive(tokens, index):
        if lower in _FIND_OR_SHOW and _followed_by_place(tokens, index + length):
            return None  # "a gun was found nearby", "shown on television": an object's fate
        by = index + length
        if by < len(tokens) and tokens.lowers[by] == "by":
            found = _right_source(tokens, by + 1)
            if found:
                return _found(
                    cue=cue,
                    source=_span(text, tokens, *found),
                    vague=_is_vague(tokens, *found, lexicons),
                )
        return _found(cue)
    left = _left_source(tokens, index, lexicons)
    if (
        left is not None
        and lower not in lexicons.speech
        and _embedded(tokens, left[0], lexicons.single_verbs)
    ):
        return None  # the outer cue carries the attribution
    if left is None:
        right = _right_source(tokens, index + length)
        previous = tokens.texts[index - 1] if index else ""
        inverted = (previous in _BOUNDARY_PUNCT or previous == "") and not lower.endswith("ing")
        if right is not None and inverted and _closed_phrase(tokens, *right):
            return _found(
                cue=cue,
                source=_span(text, tokens, *right),
                vague=_is_vague(tokens, *right, lexicons),
            )
        return _found(cue)
    if lower in lexicons.cognition and tokens.lowers[left[1]] in _FIRST_PERSON:
        return None  # "I think", "you know": a speaker's own words, not the article's
    return _found(
        cue=cue, source=_span(text, tokens, *left), vague=_is_vague(tokens, *left, lexicons)
    )


def _other_sense(tokens: _Tokens, index: int, length: int, lexicons: _Lexicons) -> bool:
    """Tell whether a cue's words are used here in a sense that reports nobody's words."""
    lower = tokens.lowers[index]
    if tokens.texts[index][0].isupper() and not _capitalised_verb(tokens, index, length, lexicons):
        return True
    if _noun_context(tokens, index) or _infinitive(tokens, index, lexicons):
        return True
    if lower in _CONTINUE and not _opens_speech(tokens, index + length):
        return True
    if lower in _ADD and not _inverted(tokens, index) and _has_object(tokens, index + length):
        return True  # "added a barn": adding a thing, not a remark
    if length == 1 and lower in lexicons.homographs and not _reads_as_verb(tokens, index, length):
        return True
    # "Having said that, ...": a turn of phrase, not a report
    return lower in lexicons.set_phrases and _in_set_phrase(tokens, index, lexicons)


def _in_set_phrase(tokens: _Tokens, index: int, lexicons: _Lexicons) -> bool:
    """Tell whether the cue word at ``index`` is part of a set phrase such as "all told,".

    An aside must stand between punctuation marks (or the text's ends); an idiom counts
    anywhere.
    """
    lowers = tokens.lowers
    for words, position, aside in lexicons.set_phrases[lowers[index]]:
        first = index - position
        after = first + len(words)
        if first < 0 or tuple(lowers[first:after]) != words:
            continue
        if not aside:
            return True
        # An aside stands apart: "that said," but not "signs that said" nor "all told them".
        opens = first == 0 or not tokens.is_word(first - 1)
        if opens and (after == len(lowers) or tokens.texts[after] in _ASIDE_ENDS):
            return True
    return False


def _followed_by_place(tokens: _Tokens, after: int) -> bool:
    return after < len(tokens) and tokens.lowers[after] in _PLACES_AND_STATES


def _infinitive(tokens: _Tokens, index: int, lexicons: _Lexicons) -> bool:
    """Tell whether a verb is a bare infinitive ("to support", "will consider").

    Such verbs report what someone may or means to do, not what they said or thought.
    """
    lowers = tokens.lowers
    if index == 0 or lowers[index] not in lexicons.base_forms:
        return False
    if index > 1 and lowers[index - 1] == "to" and lowers[index - 2] in _GO_ON:
        return False  # "went on to say", "continued to call for": it was said
    return lowers[index - 1] in _TO_AND_MODALS


def _inverted(tokens: _Tokens, index: int) -> bool:
    """Tell whether a verb follows a closing quote or comma: '," added the mayor'."""
    return index > 0 and tokens.texts[index - 1] in _BOUNDARY_PUNCT


def _has_object(tokens: _Tokens, after: int) -> bool:
    if after >= len(tokens):
        return False
    return tokens.is_word(after) and tokens.lowers[after] not in _REMARK_FOLLOWERS


def _opens_speech(tokens: _Tokens, after: int) -> bool:
    """Tell whether a quotation, a colon or the end of a clause follows: "she continued."."""
    texts = tokens.texts
    if after >= len(texts):
        return True
    following = texts[after]
    if following in _SENTENCE_END:
        return True
    if following == "," and after + 1 < len(texts):
        following = texts[after + 1]
    return following in _SPEECH_OPENERS


def _followed_by(tokens: _Tokens, index: int, word: str) -> bool:
    return index < len(tokens) and tokens.lowers[index] == word


def _bare_noun(tokens: _Tokens, first: int, last: int) -> bool:
    """Tell whether a phrase names a norm, not a source: "according to plan"."""
    return first == last and tokens.lowers[first] in _NORMS


def _capitalised_verb(tokens: _Tokens, index: int, length: int, lexicons: _Lexicons) -> bool:
    """Tell whether a capitalised cue is still a verb, not a name such as "Post" or "State".

    Two cases: a sentence that opens with the verb ("Said the mayor: ...", "Asked about
    it, she ..."), and a title-case headline that ends with it ("Mayor Ana Ruiz Says.").
    """
    if tokens.lowers[index] in lexicons.homographs:
        return False
    if _sentence_initial(tokens, index):
        return True
    texts = tokens.texts
    after = index + length
    at_end = after >= len(texts) or texts[after] in {".", ":", "!", "?"}
    return at_end and index > 0 and texts[index - 1][:1].isupper()


def _reads_as_verb(tokens: _Tokens, index: int, length: int) -> bool:
    """Tell whether a word spelled like a noun ("plans", "states") is used as a verb here."""
    lowers = tokens.lowers
    after = index + length
    if after < len(lowers):
        if lowers[after] in _COMPLEMENT_STARTS:
            return True
        if tokens.texts[after] == ":" and lowers[index].endswith("ed"):
            return True
    if index == 0:
        return False
    previous = lowers[index - 1]
    if previous.endswith("ed") and previous not in _PRONOUNS:
        return False  # "announced plans": a participle before a noun
    return previous in _PRONOUNS or previous == "who" or _is_name_word(tokens, index - 1)


def find_attributions(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    outside: Sequence[Span] = (),
    lexicons: _Lexicons | None = None,
) -> tuple[Attribution, ...]:
    """Find attribution cues in ``text[start:end]``, with their sources where named.

    Offsets in the result index ``text`` itself. Cues come in text order and never
    overlap.

    Args:
        text: The whole text (an article, a sentence).
        start: Where the stretch to scan begins.
        end: Where it ends; the end of ``text`` when ``None``.
        outside: Stretches whose cues do not count, such as the contents of direct
            quotations (a speaker's own "I think" is not the article's attribution).
        lexicons: The cue lists to read (from :func:`cue_lexicons`); the shipped ones
            when ``None``.

    Returns:
        The attributions found, in text order.

    >>> [(a.cue.text, a.source.text if a.source else None, a.vague)
    ...  for a in find_attributions("Rates will rise, the bank said, and reportedly soon.")]
    [('said', 'the bank', False), ('reportedly', None, True)]
    """
    stop = len(text) if end is None else end
    return attributions_among(text, _tokens(text, start, stop), outside, lexicons=lexicons)


def attributions_among(
    text: str,
    tokens: _Tokens,
    outside: Sequence[Span] = (),
    *,
    lexicons: _Lexicons | None = None,
) -> tuple[Attribution, ...]:
    """Finish :func:`find_attributions` on ``tokens``, the tokens of the stretch to scan.

    Callers that split a whole text once pass each stretch its cut of the tokens
    (``_tokens(text, start, end)`` gives the same) instead of splitting it again.
    """
    if lexicons is None:
        lexicons = _lexicons()
    triggers = lexicons.triggers
    lowers = tokens.lowers
    if triggers.isdisjoint(lowers):
        return ()  # no cue can start anywhere: most sentences of a story
    found: list[Attribution] = []
    last_cue_end = -_CHANNEL_GAP - 1  # token index just past the last cue
    skipped = sorted((span.start, span.end) for span in outside) if outside else []
    skip_index = 0
    index = 0
    sourceless = False
    openers = lexicons.openers
    last = len(lowers) - 1
    # The positions of the words a cue may start with, found without a Python step per word.
    candidates = itertools.compress(range(len(lowers)), map(triggers.__contains__, lowers))
    for candidate in candidates:
        if candidate < index:
            continue  # inside the cue found before
        following = openers.get(lowers[candidate])
        if following is not None and (candidate == last or lowers[candidate + 1] not in following):
            continue  # "in" not followed as in "in a statement": no phrase can start here
        index = candidate
        position = tokens.starts[index]
        while skip_index < len(skipped) and skipped[skip_index][1] <= position:
            skip_index += 1
        if (
            skip_index < len(skipped)
            and skipped[skip_index][0] <= position
            and tokens.texts[index] != ":"  # "NAME: words" transcripts sit inside quotes
        ):
            index += 1
            continue
        attribution, length = _attribution_at(text, tokens, index, lexicons)
        if attribution is not None and not (
            index - last_cue_end <= _CHANNEL_GAP and _is_channel(attribution, tokens, index)
        ):
            found.append(attribution)
            last_cue_end = index + length
            sourceless = sourceless or attribution.source is None
        index += length or 1
    # Only a cue without a source can be a channel cue ("in an interview").
    return _without_idle_channels(text, found) if sourceless else tuple(found)


def _without_idle_channels(text: str, found: list[Attribution]) -> tuple[Attribution, ...]:
    """Drop channel cues ("in an interview") that a reporting verb nearby already carries."""
    kept: list[Attribution] = []
    for number, attribution in enumerate(found):
        if _is_channel_cue(attribution):
            neighbours = found[max(0, number - 1) : number] + found[number + 1 : number + 2]
            if any(_same_clause(text, attribution.cue, other.cue) for other in neighbours):
                continue
        kept.append(attribution)
    return tuple(kept)


def _is_channel_cue(attribution: Attribution) -> bool:
    return (
        attribution.source is None
        and not attribution.vague
        and attribution.cue.text[:2].lower() == "in"
        and " " in attribution.cue.text
    )


def _same_clause(text: str, first: Span, second: Span) -> bool:
    start, end = min(first.end, second.end), max(first.start, second.start)
    between = text[start:end]
    return len(between) <= _CHANNEL_REACH and not any(mark in between for mark in ".!?\n")


# A channel cue ("in a statement") this few tokens after a verb cue only extends it.
_CHANNEL_GAP = 3
_CHANNEL_REACH = 100


def _is_channel(attribution: Attribution, tokens: _Tokens, index: int) -> bool:
    return attribution.source is None and not attribution.vague and tokens.lowers[index] == "in"


def _attribution_at(
    text: str, tokens: _Tokens, index: int, lexicons: _Lexicons
) -> tuple[Attribution | None, int]:
    word = tokens.texts[index]
    if word == ":":
        return _label_attribution(text, tokens, index, lexicons), 1
    if word in _SIGN_OFF_DASHES:
        return _sign_off_attribution(text, tokens, index), 1
    lower = tokens.lowers[index]
    char = word[0]
    if not (char.isalnum() or char == "_") or lower not in lexicons.cue_starts:
        return None, 1  # punctuation (is_word inlined), or no cue's start
    if lower in lexicons.verb_starts:
        # Only a verb phrase starts with the word: the other lists need not be asked.
        length = lexicons.verbs.match(tokens, index)
        if length:
            return _verb_attribution(text, tokens, index, length, lexicons), length
        return None, 1
    # Each list is tried only when one of its phrases starts with the word: a cheap test
    # that spares most cues (verbs) three calls.
    length = (
        lexicons.impersonal.match(tokens, index) if lower in lexicons.impersonal.by_first else 0
    )
    if length and not _followed_by(tokens, index + length, "by"):
        return _found(_span(text, tokens, index, index + length - 1), vague=True), length
    if lower in lexicons.vague_adverbs:
        return _found(_span(text, tokens, index, index), vague=True), 1
    length = (
        lexicons.prepositional.match(tokens, index)
        if lower in lexicons.prepositional.by_first
        else 0
    )
    if length:
        cue = _span(text, tokens, index, index + length - 1)
        right = _right_source(tokens, index + length)
        if right is None or _bare_noun(tokens, *right):
            return None, length
        return (
            _found(
                cue=cue,
                source=_span(text, tokens, *right),
                vague=_is_vague(tokens, *right, lexicons),
            ),
            length,
        )
    length = lexicons.channels.match(tokens, index) if lower in lexicons.channels.by_first else 0
    if length:
        return _found(_span(text, tokens, index, index + length - 1)), length
    length = lexicons.verbs.match(tokens, index) if lower in lexicons.verbs.by_first else 0
    if length:
        return _verb_attribution(text, tokens, index, length, lexicons), length
    return None, 1


def _sign_off_attribution(text: str, tokens: _Tokens, index: int) -> Attribution | None:
    """Read a quotation signed with a dash and a name: '“…” ― Ana Ruiz'."""
    position = tokens.starts[index] - 1
    while position >= 0 and text[position] in " \t\u00a0":
        position -= 1
    if position < 0 or text[position] not in "\"\u201d'\u2019":
        return None
    texts = tokens.texts
    last = index + 1
    while last < len(texts) and tokens.is_word(last) and texts[last][0].isupper():
        last += 1
    if last == index + 1 or last - index - 1 > _LABEL_WORDS:
        return None
    name_end = tokens.ends[last - 1]
    after = text[name_end : name_end + 8].lstrip(" \t\u00a0.")
    if after and after[0] not in '\r\n"\u201c':
        return None
    return _found(
        cue=_span(text, tokens, index, index), source=_span(text, tokens, index + 1, last - 1)
    )


def _label_attribution(
    text: str, tokens: _Tokens, index: int, lexicons: _Lexicons
) -> Attribution | None:
    """Read "NAME: words" at the start of a line (transcripts, headline attributions)."""
    texts = tokens.texts
    first = index - 1
    while first >= 0 and tokens.is_word(first) and texts[first][0].isupper():
        if index - first > _LABEL_WORDS:
            return None
        first -= 1
    first += 1
    if first == index:
        return None
    start = tokens.starts[first]
    before = text[max(0, start - 4) : start].rstrip('"\u201c \t')
    if before and not before.endswith("\n"):
        return None
    if index + 1 < len(texts) and tokens.starts[index + 1] - tokens.ends[index] > 2:
        return None
    label = " ".join(tokens.lowers[first:index])
    if label in lexicons.editorial_labels:
        return None
    return _found(
        cue=_span(text, tokens, index, index), source=_span(text, tokens, first, index - 1)
    )


_SOURCE_FILLER = frozenset(
    _words(
        "the a an of for at in on and to from with by mr mrs ms dr sen rep gov president "
        "minister official spokesman spokeswoman spokesperson"
    )
)


@functools.cache
def _countries_of_demonyms() -> dict[str, tuple[str, ...]]:
    """Each demonym of the shipped ``demonyms`` lexicon, folded, with its country's words."""
    return {
        demonym.lower(): tuple(country.split())
        for country, demonyms in load_lexicon("demonyms").terms.items()
        for demonym in demonyms
    }


# Sources are compared pairwise and repeat across a story: split each spelling once.
@functools.lru_cache(maxsize=4096)
def _source_words(source: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Split a source into (named words, initials of named runs, other content words)."""
    named: set[str] = set()
    initials: set[str] = set()
    other: set[str] = set()
    run: list[str] = []
    for token in _TOKEN.findall(source):
        if not token[0].isalnum():
            continue
        bare = token.replace(".", "").replace("\u2019s", "").replace("'s", "")
        lower = bare.lower()
        if lower in _PRONOUNS:
            continue
        if bare[:1].isupper() and lower not in _SOURCE_FILLER:
            country = _countries_of_demonyms().get(lower)
            if country is not None:
                # "the Mexican government" is "Mexico's government"; "American" is "U.S.".
                named.update(country)
                if len(country) > 1:
                    initials.add("".join(word[0] for word in country))
            else:
                named.add(lower)
            run.append(bare[0].lower())
            if bare.isupper() and len(bare) > 1:
                initials.add(lower)
            continue
        if len(run) > 1:
            initials.add("".join(run))
        run = []
        if lower not in _SOURCE_FILLER and lower not in _PRONOUNS:
            other.add(lower)
    if len(run) > 1:
        initials.add("".join(run))
    return frozenset(named), frozenset(initials), frozenset(other)


def same_source(first: str, second: str) -> bool | None:
    """Tell whether two source phrases name the same source, when that can be told.

    Two named sources are the same when they share a name word ("Ana Ruiz" and
    "Ruiz") or one abbreviates the other ("NYT" and "The New York Times"); two unnamed
    ones when they share a content word. ``None`` means the phrases cannot be compared
    (a pronoun, or one named and one unnamed source).

    >>> same_source("Minister Ana Ruiz", "Ruiz"), same_source("Ruiz", "Tom Hale")
    (True, False)
    >>> same_source("the NYT", "The New York Times"), same_source("he", "Ruiz") is None
    (True, True)
    """
    named_a, initials_a, other_a = _source_words(first)
    named_b, initials_b, other_b = _source_words(second)
    if named_a and named_b:
        if named_a & named_b or initials_a & initials_b:
            return True
        return bool(initials_a & named_b or initials_b & named_a) or False
    if named_a or named_b:
        return None
    if other_a and other_b:
        return True if other_a & other_b else None
    return None


def is_named(source: str) -> bool:
    """Tell whether a source phrase names someone ("Ana Ruiz", "the NYT"), not "officials"."""
    return bool(_source_words(source)[0])


def is_claim_cue(attribution: Attribution, lexicons: _Lexicons | None = None) -> bool:
    """Tell whether an attribution sources a claim (speech, a document, "according to").

    Verbs of wanting, planning or stance ("X wants", "X backed") attribute an attitude,
    not a claim of fact, so dropping their subject is no dropped attribution. ``lexicons``
    (from :func:`cue_lexicons`) says which cues are claims; the shipped lists when ``None``.
    """
    if attribution.vague:
        return False
    if lexicons is None:
        lexicons = _lexicons()
    words = _cue_words(attribution.cue.text)
    return words in lexicons.claim_phrases or not words[0][:1].isalnum()


@functools.lru_cache(maxsize=4096)
def _cue_words(cue: str) -> tuple[str, ...]:
    """The lower-case tokens of a cue; a story repeats a few cues many times."""
    return tuple(_TOKEN.findall(cue.lower()))
