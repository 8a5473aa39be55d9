"""Find people, organisations, places, nationalities and titles with rules and word lists.

The finder runs offline and needs no model: one regular expression cuts the text
into tokens (compiled once, linear time), gazetteers from the ``countries``,
``demonyms``, ``places``, ``organisations`` and ``entity_rules`` lexicons are matched
longest-first, and the capitalised words left over are grouped into names. Each
entity carries a folded ``key`` so that "U.S.", "US", "United States" and "America"
compare equal, as do "NYT" and "The New York Times", or "Nicolás" and "Nicolas".
"""

from __future__ import annotations

import bisect
import enum
import functools
import itertools
import re
from typing import NamedTuple, cast

import attrs
from rapidfuzz.distance import Levenshtein

from newsdiff._text import fold
from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import Span

__all__ = ["Entity", "EntityKind", "entity_gazetteers", "find_entities", "same_entity"]


class EntityKind(enum.StrEnum):
    """What an entity names."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    NATIONALITY = "nationality"
    TITLE = "title"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Entity:
    """One named entity of a text.

    ``key`` is the folded canonical name compared across versions: a country's
    canonical name for places and nationalities ("mexico" for "Mexican"), an
    organisation's full name for its acronym, the full title with its modifier for
    titles ("former president"). ``anchor`` is a folded word the entity is tied to:
    the noun a place or nationality qualifies ("official" in "U.S. officials"), the
    title before a person, or the surname after a title. ``modifier`` is a title's
    qualifier ("former", "acting"), if any.
    """

    span: Span
    kind: EntityKind
    key: str
    anchor: str | None = None
    modifier: str | None = None


def same_entity(left: Entity, right: Entity) -> bool:
    """Say whether two entities name the same thing, whatever the spelling.

    People match on a shared surname ("Ana Ruiz" and "Ruiz", not "Ana Diaz"),
    organisations also on initials ("CIA" and "Central Intelligence Agency"), and
    titles when one holds the other without a change of rank or modifier ("Secretary
    of State" and "Secretary", but not "Vice President" and "President").

    >>> a, = find_entities("We met Claudia Sheinbaum today.")
    >>> b, = find_entities("We met Ms. Sheinbaum today.")
    >>> same_entity(a, b)
    True
    """
    if _FAMILY[left.kind] is not _FAMILY[right.kind]:
        return False
    if left.key == right.key:
        return True
    if left.kind is EntityKind.PERSON or right.kind is EntityKind.PERSON:
        return _same_person(left.key, right.key)
    if left.kind is EntityKind.ORGANISATION:
        return _initials(left.key) == right.key or _initials(right.key) == left.key
    if left.kind is EntityKind.TITLE:
        return _titles_compatible(left, right)
    return False


_new_object = object.__new__
_set_field = object.__setattr__

# Places and nationalities compare as one family: "Mexican" is about Mexico.
_FAMILY = {kind: kind for kind in EntityKind} | {EntityKind.NATIONALITY: EntityKind.PLACE}


def _name_words(key: str) -> list[str]:
    return [word for word in key.split() if word not in _rules().connectors]


def _same_person(left: str, right: str) -> bool:
    """Say whether two folded person names can name one person.

    One is a surname or first name of the other, or ends the other ("Moreno Cardenas"),
    or both end in the same surname and start with given names that can be one person's
    ("Bill" and "William", not "Hillary").
    """
    left_words = _name_words(left)
    right_words = _name_words(right)
    if not left_words or not right_words:
        return False
    if len(left_words) == 1 or len(right_words) == 1:
        short, long = (
            (left_words, right_words) if len(left_words) == 1 else (right_words, left_words)
        )
        return short[0] in long
    if left_words[-1] != right_words[-1]:
        return False
    # One name ending the other is the same person less a given name or with a word
    # stuck in front ("Moreno Cardenas" of "Alejandro Moreno Cardenas"); otherwise the
    # first given names must agree.
    short, long = sorted((left_words, right_words), key=len)
    return long[len(long) - len(short) :] == short or same_given_name(left_words[0], right_words[0])


#: Spelling variants of one given name ("Mohammed", "Muhammad": 0.75; "Hilary", "Hillary":
#: 0.86) are this similar or more; different names of one initial rarely are ("Hillary",
#: "Harriet": 0.14; "Michael", "Michelle": 0.63).
_GIVEN_NAME_SIMILARITY = 0.74
_SHORTEST_VARIANT = 5


def same_given_name(left: str, right: str) -> bool:
    """Say whether two folded given names can name the same person.

    They can when equal; when one is an initial of the other, or begins it and is at
    least two letters shorter ("Alex", "Alexander"; not "Paul", "Paula"); when the
    given-names lexicon lists one as a familiar form of the other ("Bill", "William");
    or when both are long, spelled alike and end alike ("Mohammed", "Muhammad"; many
    names mark gender in the last letter: "Mario", "Maria").

    >>> same_given_name("bill", "william"), same_given_name("bill", "hillary")
    (True, False)
    """
    if left == right:
        return True
    if not _formal_names(left).isdisjoint(_formal_names(right)):
        return True
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    if len(short) == 1:
        return short == long[0]
    if len(short) >= 3 and len(long) - len(short) >= 2 and long.startswith(short):
        return True
    return (
        len(short) >= _SHORTEST_VARIANT
        and left[0] == right[0]
        and left[-1] == right[-1]
        and Levenshtein.normalized_similarity(left, right) >= _GIVEN_NAME_SIMILARITY
    )


def _formal_names(given: str) -> frozenset[str]:
    """The formal names a folded given name may stand for, itself included."""
    return _familiar_forms().get(given, frozenset((given,)))


@functools.cache
def _familiar_forms() -> dict[str, frozenset[str]]:
    """Each folded given name -> the formal names it may stand for, itself included."""
    forms: dict[str, set[str]] = {}
    for formal, familiar in load_lexicon("given_names").terms.items():
        forms.setdefault(formal, {formal})
        for name in familiar:
            folded = fold(name).lower()
            forms.setdefault(folded, {folded}).add(formal)
    return {name: frozenset(formals) for name, formals in forms.items()}


def _initials(key: str) -> str:
    words = [word for word in key.split() if word not in _rules().connectors]
    return "".join(word[0] for word in words) if len(words) > 1 else ""


def _titles_compatible(left: Entity, right: Entity) -> bool:
    if left.modifier != right.modifier:
        return False
    generic = _rules().generic_titles
    left_title = _strip_modifier(left.key, left.modifier)
    right_title = _strip_modifier(right.key, right.modifier)
    if left_title in generic or right_title in generic:
        return True
    left_words = set(left_title.replace("-", " ").split())
    right_words = set(right_title.replace("-", " ").split())
    if not (left_words <= right_words or right_words <= left_words):
        return False
    return not (left_words ^ right_words) & _rules().rank_words


def _strip_modifier(key: str, modifier: str | None) -> str:
    """A title's key without its modifier: "president" for "former president"."""
    if modifier and key.startswith(modifier + " "):
        return key[len(modifier) + 1 :]
    return key


def find_entities(
    text: str, start: int = 0, end: int | None = None, *, gazetteers: _Rules | None = None
) -> tuple[Entity, ...]:
    """Find the named entities of ``text[start:end]``, in text order.

    Spans index ``text`` itself. Capitalised words that open a sentence are taken as
    names only when a word list knows them or the text capitalises them elsewhere too.

    Args:
        text: The whole text.
        start: Where to begin reading.
        end: Where to stop reading; the end of the text when ``None``.
        gazetteers: The word lists to match (from :func:`entity_gazetteers`); the
            shipped ones when ``None``.

    Returns:
        The entities found, in the order they appear.

    >>> [(e.span.text, e.kind.value, e.key) for e in find_entities("Mexican officials met former President Ana Ruiz in the U.S.")]
    [('Mexican', 'nationality', 'mexico'), ('former President', 'title', 'former president'), ('Ana Ruiz', 'person', 'ana ruiz'), ('U.S.', 'place', 'united states')]
    """  # noqa: E501 - a doctest line cannot be wrapped
    stop = len(text) if end is None else max(0, min(end, len(text)))
    begin = max(0, min(start, stop))
    rules = _rules() if gazetteers is None else gazetteers
    tokens = _tokenise(text, begin, stop, rules)
    return _Finder(text, tokens, begin, rules).run()


# -- tokens ---------------------------------------------------------------------------

# A dotted acronym ("U.S.", "D.C."), a word with inner hyphens or apostrophes, a run of
# digits, or one other visible mark. Inner separators are not letters, so no backtracking.
# This is the definition; texts are cut by the two faster forms below, which give the
# same tokens (tests/test_entities_tokens.py compares them character by character).
_TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?"
    r"|[^\W\d_]+(?:[-'\u2010-\u2015\u2212\u2018\u2019\u02bc\u2032`\u00b4][^\W\d_]+)*"
    r"|\d+|[^\w\s]",
)
# The same tokens as a group: ``split`` then gives gaps and tokens in turn, and their
# lengths give every offset, with no Python step per token. A run of letters is read
# as ASCII letters (tested by table) and other letters (tested by Unicode category) in
# turn, so that mostly-ASCII text pays for the categories only where it needs them.
# Every repetition is possessive: nothing follows one inside its branch, so it matches
# just as much, and the engine never backtracks.
_LETTERS = (
    r"(?:[a-zA-Z]++(?:[^\x00-\x7f\W\d_]++[a-zA-Z]*+)*+"
    r"|[^\x00-\x7f\W\d_]++(?:[a-zA-Z]++[^\x00-\x7f\W\d_]*+)*+)"
)
_TOKEN_SPLIT = re.compile(
    r"([A-Z](?:\.[A-Z])++\.?+"
    rf"|{_LETTERS}(?:[-'\u2010-\u2015\u2212\u2018\u2019\u02bc\u2032`\u00b4]{_LETTERS})*+"
    r"|\d++|[^\w\s])",
)
# The same tokens of a text whose letters and digits are all ASCII (see _plain), where
# they are plain ranges that the engine tests by table, in about half the time of the
# Unicode categories. A token's first character is read by one class (there, any but
# white space and "_"), which lets the engine pass over the gaps without trying each
# branch; a look-behind then picks the branch that character opens, and a mark is a
# token alone.
_ASCII_TOKEN_SPLIT = re.compile(
    r"([^\s_](?:(?<=[A-Z])(?:\.[A-Z])++\.?+"
    r"|(?<=[a-zA-Z])[a-zA-Z]*+(?:[-'\u2010-\u2015\u2212\u2018\u2019\u02bc\u2032`\u00b4][a-zA-Z]++)*+"
    r"|(?<=[0-9])[0-9]*+|))",
)
# Marks outside ASCII that news text is full of (curly quotes, dashes, an ellipsis,
# guillemets, a no-break space): none is a letter, a digit or "_".
_COMMON_MARKS = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00ab\u00bb"
_HYPHEN_PARTS = re.compile(r"[^-]+|-")
_NEWLINE = re.compile("\n")
# Dashes read as hyphens and apostrophes as "'", as folding does.
_MARK_TABLE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u2018\u2019\u02bc\u2032`\u00b4", "'"),
    }
)
_POSSESSIVE = ("'s", "'S")
# Words remembered by the caches below; past this, new words are computed, not kept.
_CACHE_LIMIT = 65_536


class _Tokens(NamedTuple):
    """A text's tokens as parallel lists, so that no object is made per token."""

    words: list[str]
    norms: list[str]
    starts: list[int]
    ends: list[int]


class _NormCache(dict[str, str]):
    """Each word's lookup form, folded on first sight."""

    def __missing__(self, word: str) -> str:
        norm = fold(word).lower().replace(".", "") if word != "." else "."
        if len(self) < _CACHE_LIMIT:
            self[word] = norm
        return norm


class _ReadingCache(dict[str, str | None]):
    """A matched word's lookup form, or ``None`` if it may read as other tokens.

    Read in C by ``map`` over all the words of a text: only the ``None`` ones (a mark
    to normalise, a possessive, a hyphen) need :func:`_pieces`.
    """

    def __missing__(self, word: str) -> str | None:
        read = word.translate(_MARK_TABLE) if not word.isascii() or "`" in word else word
        plain = read == word and "-" not in read and not read.endswith(_POSSESSIVE)
        norm = _norm(word) if plain else None
        if len(self) < _CACHE_LIMIT:
            self[word] = norm
        return norm


class _ShapeCache(dict[str, int]):
    """A token's shape for the headline test, found on first sight.

    0 for a token that is not a word of ``_LONG_WORD`` letters or more; else 1, plus 1
    if it is capitalised, plus 2 if it is all in capitals.
    """

    def __missing__(self, word: str) -> int:
        shape = 0
        if len(word) >= _LONG_WORD and word[0].isalpha():
            shape = 1 + word[0].isupper() + 2 * _all_caps(word)
        if len(self) < _CACHE_LIMIT:
            self[word] = shape
        return shape


# What the scan needs to know of a word that may start an entity, as bits of one int.
_CAPITAL = 1  # a word with a capital first letter
_STARTER = 2  # a word whose lookup form may open a title in lower case
_MODIFIER = 4  # a title's modifier: "former", "acting"
_HEAD = 8  # the first word of a list entry
_NO_NAME = 16  # "the" or a descriptor ("Islamic"): no name starts with it
_FUNCTION = 32  # a function word ("However"): no name when it opens a sentence


class _WordClasses(dict[str, int]):
    """Each word's bits for the scan, 0 if it can start no entity; found on first sight."""

    def __init__(self, rules: _Rules) -> None:
        super().__init__()
        self.rules = rules

    def __reduce__(self) -> tuple[type[_WordClasses], tuple[_Rules]]:
        return _WordClasses, (self.rules,)  # a copy starts empty: the words are not data

    def __missing__(self, word: str) -> int:
        rules = self.rules
        norm = _norm(word)
        bits = 0
        if word[0].isalpha():
            if word[0].isupper():
                bits |= _CAPITAL
            elif norm in rules.starters:
                bits |= _STARTER
        if bits:
            bits |= (
                _MODIFIER * (norm in rules.modifiers)
                | _HEAD * (norm in rules.heads)
                | _NO_NAME * (norm == "the" or norm in rules.descriptors)
                | _FUNCTION * (norm in rules.function_words)
            )
        if len(self) < _CACHE_LIMIT:
            self[word] = bits
        return bits


_NORMS = _NormCache()
_READINGS = _ReadingCache()
_SHAPES = _ShapeCache()


def _norm(word: str) -> str:
    """Fold a token for lookup: accents, case and the dots of acronyms go."""
    return _NORMS[word]


def _all_caps(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) > 1 and letters.isupper()


def _plain(text: str) -> bool:
    """Whether ``text`` is ASCII but for common marks, so that the ASCII pattern cuts it.

    Every character outside ASCII must be one of the marks: each is counted in C,
    much faster than testing every character's category.
    """
    if text.isascii():
        return True
    beyond = len(text) - len(text.encode("ascii", "ignore"))
    return beyond == sum(map(text.count, _COMMON_MARKS))


def _tokenise(text: str, start: int, end: int, rules: _Rules) -> _Tokens:
    """Cut ``text[start:end]`` into tokens, offsets indexing ``text``."""
    piece = text[start:end]
    parts = (_ASCII_TOKEN_SPLIT if _plain(piece) else _TOKEN_SPLIT).split(piece)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    norms = list(map(_READINGS.__getitem__, words))
    if None in norms:
        return _refine(words, norms, starts, ends, rules)
    return _Tokens(words, cast("list[str]", norms), starts, ends)


def _refine(
    words: list[str],
    readings: list[str | None],
    starts: list[int],
    ends: list[int],
    rules: _Rules,
) -> _Tokens:
    """Replace each word whose reading is ``None`` by the tokens it reads as.

    Most read as one token ("Mexico's" as "Mexico") and are replaced in place; the
    lists are rebuilt only around words that split ("US-Mexico").
    """
    splits: list[tuple[int, list[tuple[str, int, int]]]] = []
    index = -1
    while True:
        try:
            index = readings.index(None, index + 1)
        except ValueError:
            break
        pieces = _pieces(words[index], starts[index], rules)
        if len(pieces) > 1:
            splits.append((index, pieces))
            continue
        word, _, end = pieces[0]  # the same start: only the end may move
        words[index] = word
        readings[index] = _norm(word)
        ends[index] = end
    norms = cast("list[str]", readings)  # no None is left but in the words that split
    if not splits:
        return _Tokens(words, norms, starts, ends)
    split_words: list[str] = []
    split_norms: list[str] = []
    split_starts: list[int] = []
    split_ends: list[int] = []
    previous = 0
    for index, pieces in splits:
        split_words += words[previous:index]
        split_norms += norms[previous:index]
        split_starts += starts[previous:index]
        split_ends += ends[previous:index]
        for word, start, end in pieces:
            split_words.append(word)
            split_norms.append(_norm(word))
            split_starts.append(start)
            split_ends.append(end)
        previous = index + 1
    split_words += words[previous:]
    split_norms += norms[previous:]
    split_starts += starts[previous:]
    split_ends += ends[previous:]
    return _Tokens(split_words, split_norms, split_starts, split_ends)


def _pieces(word: str, first: int, rules: _Rules) -> list[tuple[str, int, int]]:
    """The tokens one matched word reads as: marks normalised, possessive off, split."""
    if not word.isascii() or "`" in word:
        word = word.translate(_MARK_TABLE)  # the table maps no other ASCII character
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        word = word[:-2]
    if "-" not in word:
        return [(word, first, first + len(word))]
    pieces: list[tuple[str, int, int]] = []
    head, dash, rest = word.partition("-")
    if dash and rest and head.lower() in rules.modifiers:
        # "then-President", "ex-minister": the modifier and the title apart.
        pieces.append((head, first, first + len(head)))
        first += len(head) + 1
        word = rest
    if "-" in word and _names_a_known_part(word, rules):
        # "US-Mexico", "Afghan-born": the known names and the rest apart, with the
        # hyphens as tokens of their own.
        pieces.extend(
            (part.group(), first + part.start(), first + part.end())
            for part in _HYPHEN_PARTS.finditer(word)
        )
        return pieces
    pieces.append((word, first, first + len(word)))
    return pieces


def _names_a_known_part(word: str, rules: _Rules) -> bool:
    """Whether a hyphenated word holds a known place, nationality or organisation."""
    gazetteer = rules.gazetteer
    return any(
        entry.kind is not EntityKind.TITLE
        for part in word.split("-")
        for entry in gazetteer.get((_norm(part),), ())
    )


# -- word lists -----------------------------------------------------------------------


class _Entry(NamedTuple):
    kind: EntityKind
    key: str
    caps_only: bool  # "US", "UN": only in capitals, never the words "us", "un"


# Compared and hashed by identity: a detector's own lists key its results in the notes.
@attrs.frozen(eq=False)
class _Rules:
    gazetteer: dict[tuple[str, ...], tuple[_Entry, ...]]
    # Every leading run of words of a gazetteer entry, to stop a lookup early.
    prefixes: frozenset[tuple[str, ...]]
    # The first words of the entries, to pass over a word that starts none at once, and
    # of the entries of more than one word.
    heads: frozenset[str]
    openers: frozenset[str]
    # The lower-case words that may start an entity: a title or a title's modifier (any
    # other entry needs a capital).
    starters: frozenset[str]
    longest: int
    bare_titles: frozenset[str]
    modifiers: dict[str, str]
    rank_words: frozenset[str]
    generic_titles: frozenset[str]
    courtesy: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    descriptors: frozenset[str]
    connectors: frozenset[str]
    function_words: frozenset[str]
    caps_labels: frozenset[str]
    calendar: frozenset[str]
    person_verbs: frozenset[str]
    abbreviations: frozenset[str]
    # The scan's bits of each word seen so far (see _WordClasses).
    classes: _WordClasses = attrs.field(
        init=False, default=attrs.Factory(_WordClasses, takes_self=True), repr=False
    )


def _pairs(items: tuple[str, ...]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        form, _, canonical = item.partition("=")
        pairs[form.strip()] = canonical.strip()
    return pairs


def _token_norms(name: str) -> tuple[str, ...]:
    return tuple(_norm(match.group()) for match in _TOKEN.finditer(name))


@functools.cache
def _rules() -> _Rules:
    """Load and index the shipped word lists once; later calls reuse them."""
    return entity_gazetteers()


def entity_gazetteers(
    *,
    countries: Lexicon | None = None,
    demonyms: Lexicon | None = None,
    places: Lexicon | None = None,
    organisations: Lexicon | None = None,
) -> _Rules:
    """Index the finder's word lists, each lexicon given in place of the shipped one.

    ``countries``, ``demonyms`` and ``organisations`` map a canonical name (the list's
    name) to its spellings; ``places`` holds lists of names, each written ``"Form"`` or
    ``"Form = canonical name"``. The ``entity_rules`` lexicon (titles, name rules) is
    always the shipped one. Build this once and pass it to :func:`find_entities`.
    """
    gazetteer: dict[tuple[str, ...], list[_Entry]] = {}

    def add(name: str, kind: EntityKind, key: str) -> None:
        caps_only = len(name.replace(".", "")) <= 4 and name.replace(".", "").isupper()
        entries = gazetteer.setdefault(_token_norms(name), [])
        entry = _Entry(kind, key, caps_only)
        if entry not in entries:
            entries.append(entry)

    for key, names in (countries or load_lexicon("countries")).terms.items():
        for name in names:
            add(name, EntityKind.PLACE, key)
    for key, names in (demonyms or load_lexicon("demonyms")).terms.items():
        for name in names:
            add(name, EntityKind.NATIONALITY, key)
    for names in (places or load_lexicon("places")).terms.values():
        for name in names:
            form, _, canonical = name.partition("=")
            add(form.strip(), EntityKind.PLACE, " ".join(_token_norms(canonical or form)))
    for key, names in (organisations or load_lexicon("organisations")).terms.items():
        for name in names:
            add(name, EntityKind.ORGANISATION, key)
    rules = load_lexicon("entity_rules")
    for title in rules["titles"]:
        add(title, EntityKind.TITLE, title)
    abbreviations = _pairs(rules["title_abbreviations"])
    for form, title in abbreviations.items():
        add(form, EntityKind.TITLE, title)
    frozen = {norms: tuple(entries) for norms, entries in gazetteer.items() if norms}
    heads = frozenset(norms[0] for norms in frozen)
    title_heads = frozenset(
        norms[0]
        for norms, entries in frozen.items()
        if any(entry.kind is EntityKind.TITLE for entry in entries)
    )
    modifiers = _pairs(rules["title_modifiers"])
    starters = title_heads | frozenset(modifiers)
    return _Rules(
        gazetteer=frozen,
        prefixes=frozenset(
            norms[:length] for norms in frozen for length in range(1, len(norms) + 1)
        ),
        heads=heads,
        openers=frozenset(norms[0] for norms in frozen if len(norms) > 1),
        starters=starters,
        longest=max(len(norms) for norms in frozen),
        bare_titles=frozenset(rules["bare_titles"]),
        modifiers=modifiers,
        rank_words=frozenset(rules["rank_words"]),
        generic_titles=frozenset(rules["generic_titles"]),
        courtesy=frozenset(rules["courtesy"]),
        org_heads=frozenset(rules["org_heads"]),
        place_heads=frozenset(rules["place_heads"]),
        descriptors=frozenset(rules["descriptors"]),
        connectors=frozenset(rules["connectors"]),
        function_words=frozenset(rules["function_words"]),
        caps_labels=frozenset(rules["caps_labels"]),
        calendar=frozenset(rules["calendar"]),
        person_verbs=frozenset(rules["person_verbs"]),
        abbreviations=frozenset(
            {_norm(form.split()[0].rstrip(".")) for form in abbreviations}
            | {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs"}
        ),
    )


# -- finder ---------------------------------------------------------------------------

_SENTENCE_END = frozenset(".!?:;\n")
# The pronoun "I" and its contractions, capitalised anywhere in a sentence.
_PRONOUNS = frozenset({"i", "i'm", "i've", "i'll", "i'd"})
# A line counts as a headline when at least this share of its words of _LONG_WORD
# letters or more are capitalised, and it has _HEADLINE_MIN_WORDS such words.
_LONG_WORD = 4
# Marks that end a sentence of running text; headlines seldom end in one.
_FULL_STOPS = frozenset(".!?\"'\u201d\u2019)")
_HEADLINE_MIN_WORDS = 4
_HEADLINE_SHARE = 0.75
_OPENERS = frozenset(" \t\r\"'(\u2018\u201c\u00ab\u2014-")
_QUOTE_OPENERS = frozenset('"\u201c\u2018\u00ab')
# Words after an organisation's name that lead into the rest of it: "Bank of Mexico".
_ORGANISATION_LINKS = frozenset({"of", "for", "de", "on"})
_HEADED_KINDS = frozenset({EntityKind.PLACE, EntityKind.NATIONALITY, EntityKind.OTHER})


class _Match(NamedTuple):
    entry: _Entry
    last: int  # index of the last token of the match


class _Found(NamedTuple):
    """An entity as the scan finds it, by token indices; made an :class:`Entity` last."""

    kind: EntityKind
    key: str
    modifier: str | None
    first: int
    last: int


def _fitting(entries: tuple[_Entry, ...], first: str, last: str) -> _Entry | None:
    """The first entry whose case fits the words from ``first`` to ``last``."""
    for entry in entries:
        if entry.caps_only and not (_all_caps(first) or "." in first):
            continue
        if entry.kind is EntityKind.TITLE:
            return entry
        if first[0].isupper() and (last[0].isupper() or not last[0].isalpha()):
            return entry
    return None


class _Finder:
    """Scan the tokens once, left to right, emitting entities.

    Only the words that may start an entity (capitalised words, and lower-case words
    that open a title or modify one) are visited; the other tokens are read only as
    their neighbours. What the rules ask of whole lines or of the whole text
    (headlines, words capitalised mid-sentence) is worked out when first asked.
    """

    __slots__ = (
        "begin",
        "candidates",
        "classes",
        "count",
        "ends",
        "found",
        "headlines",
        "lookups",
        "mid_sentence",
        "newlines",
        "norms",
        "rules",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str, tokens: _Tokens, begin: int, rules: _Rules) -> None:
        self.text = text
        self.words, self.norms, self.starts, self.ends = tokens
        self.count = len(self.words)
        self.begin = begin
        self.rules = rules
        self.classes = list(map(rules.classes.__getitem__, self.words))
        # Any other token would only pass the scan on by one: start from these alone.
        self.candidates = list(itertools.compress(itertools.count(), self.classes))
        self.found: list[_Found] = []
        self.lookups: dict[int, _Match | None] = {}
        self.headlines: dict[int, bool] = {}  # line number: written like a headline
        self.newlines: list[int] | None = None
        self.mid_sentence: set[str] | None = None

    # -- what the rules ask of lines and of the whole text --------------------------

    def _headline(self, index: int) -> bool:
        """Whether word ``index`` is on a line written in title case or capitals.

        There every word is capitalised, so capitals say nothing about names: only the
        word lists are trusted on such lines.
        """
        if not self.words[index][0].isalpha():
            return False
        if self.newlines is None:
            lines = _NEWLINE.finditer(self.text, self.begin, self.ends[-1])
            self.newlines = [match.start() for match in lines]
        line = bisect.bisect_right(self.newlines, self.starts[index])
        try:
            return self.headlines[line]
        except KeyError:
            headline = self.headlines[line] = self._headline_line(line)
            return headline

    def _headline_line(self, line: int) -> bool:
        """Whether the words between line breaks ``line - 1`` and ``line`` make a headline."""
        newlines, starts = self.newlines, self.starts
        assert newlines is not None  # noqa: S101 - set by the caller, for the type checker
        low = bisect.bisect_left(starts, newlines[line - 1]) if line else 0
        high = bisect.bisect_left(starts, newlines[line]) if line < len(newlines) else self.count
        shapes = list(map(_SHAPES.__getitem__, self.words[low:high]))
        # At most a quarter of a headline's long words are in lower case, and it has no
        # more long words than words: most lines of prose stop here.
        if shapes.count(1) * 4 > len(shapes):
            return False
        long_words = len(shapes) - shapes.count(0)
        if long_words < _HEADLINE_MIN_WORDS:
            return False
        if shapes.count(3) + shapes.count(4) == long_words:
            return True  # every long word in capitals
        capitals = shapes.count(2) + shapes.count(4)
        if capitals < _HEADLINE_SHARE * long_words:
            return False
        last = high - 1
        while not self.words[last][0].isalpha():
            last -= 1
        ending = self.words[last][-1] + self.text[self.ends[last] : self.ends[last] + 1]
        return not any(mark in _FULL_STOPS for mark in ending)

    def _capitalised_mid_sentence(self, norm: str) -> bool:
        """Whether the text capitalises a word of this lookup form where no sentence opens."""
        if self.mid_sentence is None:
            # Every lookup form so capitalised, in one pass: asking the whole text once per
            # sentence-initial name made the finder quadratic in a long article.
            norms, classes = self.norms, self.classes
            self.mid_sentence = {
                norms[index]
                for index in self.candidates  # every capitalised word is one
                if classes[index] & _CAPITAL and not self._sentence_initial(index)
            }
        return norm in self.mid_sentence

    def _capitalised(self, index: int) -> bool:
        return self.words[index][0].isupper()

    def _name_word(self, index: int) -> bool:
        return index < self.count and bool(self.classes[index] & _CAPITAL)

    def _sentence_initial(self, index: int) -> bool:
        """Whether token ``index`` opens a sentence, a quotation, a line or the range."""
        text = self.text
        position = self.starts[index] - 1
        while position >= self.begin and text[position] in _OPENERS:
            if text[position] in _QUOTE_OPENERS:
                return True
            position -= 1
        if position < self.begin:
            return True
        char = text[position]
        if char not in _SENTENCE_END:
            return False
        if char == "." and index > 0:
            before = index - 2 if self.words[index - 1] == "." else index - 1
            if before >= 0:
                word = self.words[before]
                if (
                    self.norms[before] in self.rules.abbreviations
                    or (len(word) == 1 and word[0].isupper())
                    or "." in word
                ):
                    return False  # the full stop of "Gen.", "U.S." or an initial
        return True

    def _emit(
        self,
        first: int,
        last: int,
        kind: EntityKind,
        key: str,
        *,
        modifier: str | None = None,
    ) -> None:
        self.found.append(_Found(kind, key, modifier, first, last))

    # -- driver ----------------------------------------------------------------------

    def run(self) -> tuple[Entity, ...]:
        following = 0
        for index in self.candidates:
            if index >= following:
                following = self._step(index)
        self._resolve_single_names()
        return self._anchored()

    def _step(self, index: int) -> int:
        bits = self.classes[index]
        if bits & _MODIFIER:
            title = self._modified_title(index, self.rules.modifiers[self.norms[index]])
            if title is not None:
                return title
            match = self._lookup(index)
            if match is not None and match.entry.kind is not EntityKind.TITLE:
                return self._entry(index, match)
        elif bits & _HEAD:
            match = self._lookup(index)
            if match is not None:
                if match.entry.kind is not EntityKind.TITLE:
                    return self._entry(index, match)
                title = self._title(index, match)
                if title is not None:
                    return title
        if bits & _CAPITAL:
            if bits & _NO_NAME or (bits & _FUNCTION and self._sentence_initial(index)):
                return index + 1  # "The", "However", "Islamic": no name starts here
            return self._name(index)
        return index + 1  # a lower-case word that opens no title here

    def _entry(self, index: int, match: _Match) -> int:
        """Emit the list entry that starts at ``index``, unless it opens a person's name."""
        following = match.last + 1
        if (
            match.last == index
            and match.entry.kind is EntityKind.PLACE
            and self._name_word(following)
            and not self._headline(index)
            and self._lookup(following) is None
            and self.norms[following] not in self.rules.org_heads
        ):
            # "Jordan Peterson", "Chad Smith": a place name opening a person's name.
            return self._name(index)
        self._emit(index, match.last, match.entry.kind, match.entry.key)
        return following

    # -- gazetteer -------------------------------------------------------------------

    def _lookup(self, index: int) -> _Match | None:
        """The longest gazetteer entry starting at ``index`` whose case fits the text."""
        if index >= self.count or self.norms[index] not in self.rules.heads:
            return None
        # The scan asks about the same token several times (as a title, an entry, the
        # word after a name); the answer depends on the tokens alone, so keep it.
        try:
            return self.lookups[index]
        except KeyError:
            found = self.lookups[index] = self._find_entry(index)
            return found

    def _find_entry(self, index: int) -> _Match | None:
        rules, norms, words = self.rules, self.norms, self.words
        first = words[index]
        norm = norms[index]
        best: _Match | None = None
        entries = rules.gazetteer.get((norm,))
        if entries is not None:
            entry = _fitting(entries, first, first)
            if entry is not None:
                best = _Match(entry, index)
        if norm not in rules.openers:
            return best  # no entry of more words starts with this one
        key: tuple[str, ...] = (norm,)
        for position in range(index + 1, min(self.count, index + rules.longest)):
            key = (*key, norms[position])
            if key not in rules.prefixes:
                break  # no entry starts with these words, so none longer does either
            entries = rules.gazetteer.get(key)
            if entries is not None:
                entry = _fitting(entries, first, words[position])
                if entry is not None:
                    best = _Match(entry, position)
        return best

    def _title(self, index: int, match: _Match) -> int | None:
        """Read the title that the look-up found at ``index``: "President", "Sen."."""
        if self._lookup_prefers_other(index, match):
            return None
        capitalised = self._capitalised(index)
        if not capitalised and not self._lower_title_counts(match):
            return None
        if match.entry.caps_only and index > 0 and self.words[index - 1].isdigit():
            return None  # "8 PM" is a time
        following = match.last + 1
        if (
            capitalised
            and following < self.count
            and self._capitalised(following)
            and self.norms[following] in self.rules.org_heads
        ):
            return None  # "General Assembly", "Leader Group": a body's name, no title
        if (
            capitalised
            and match.last == index
            and not self._name_word(index + 1)
            and match.entry.key not in self.rules.bare_titles
            and self._sentence_initial(index)
        ):
            return None  # "Speaker" or "Leader" opening a sentence, no name after it
        self._emit(index, match.last, EntityKind.TITLE, match.entry.key)
        return following

    def _modified_title(self, index: int, modifier: str) -> int | None:
        """Read a title after its modifier: "former President", "then-Sen.", "acting mayor"."""
        match = self._lookup(index + 1)
        if (
            match is None
            or match.entry.kind is not EntityKind.TITLE
            or self._lookup_prefers_other(index + 1, match)
        ):
            return None
        key = f"{modifier} {match.entry.key}"
        self._emit(index, match.last, EntityKind.TITLE, key, modifier=modifier)
        return match.last + 1

    def _lookup_prefers_other(self, index: int, title: _Match) -> bool:
        """Whether a non-title entry is longer here ("General Motors" is not a general)."""
        gazetteer = self.rules.gazetteer
        prefixes = self.rules.prefixes
        key: tuple[str, ...] = ()
        for position in range(index, min(self.count, index + self.rules.longest)):
            key = (*key, self.norms[position])
            if key not in prefixes:
                break  # no entry starts with these words, so none longer does either
            if position > title.last and any(
                entry.kind is not EntityKind.TITLE for entry in gazetteer.get(key, ())
            ):
                return self._capitalised(index)
        return False

    def _lower_title_counts(self, match: _Match) -> bool:
        """A lower-case title counts alone if it is a strong one, else before a name."""
        if match.entry.key in self.rules.bare_titles:
            return True
        return self._name_word(match.last + 1)

    # -- names -----------------------------------------------------------------------

    def _name(self, index: int) -> int:
        """Group the capitalised words from ``index`` into one name and classify it."""
        last = self._name_end(index)
        first, courtesy = self._name_start(index, last)
        if first > last:
            return last + 1
        words, norms = self.words, self.norms
        in_name = [i for i in range(first, last + 1) if words[i][0].isalpha()]
        names = [i for i in in_name if norms[i] not in self.rules.connectors]
        key = " ".join([norms[i] for i in in_name])
        kind = self._classify(first, last, names, courtesy=courtesy)
        if kind is not None:
            org_end = self._organisation_tail(last) if kind is EntityKind.ORGANISATION else last
            if org_end != last:
                tail = [norms[i] for i in range(last + 1, org_end + 1) if words[i][0].isalpha()]
                key = " ".join([key, *tail])
                last = org_end
            self._emit(first, last, kind, key)
        return last + 1

    def _name_end(self, index: int) -> int:
        """Index of the last token of the name that starts at ``index``."""
        words, norms, text = self.words, self.norms, self.text
        connectors = self.rules.connectors
        last = index
        position = index + 1
        while position < self.count:
            if text.find("\n", self.ends[position - 1], self.starts[position]) >= 0:
                break  # a name never runs across a line break
            if self.classes[position] & _CAPITAL and self._continues_name(position):
                last = position
                position += 1
                continue
            word = words[position]
            if word[0].isalpha() and not word[0].isupper() and norms[position] in connectors:
                # "de la", "van der": connectors may come in twos before the next name.
                after = position + 1
                while (
                    after < self.count
                    and after - position < 3
                    and norms[after] in connectors
                    and not words[after][0].isupper()
                ):
                    after += 1
                if self._name_word(after):
                    position = after
                    continue
            if word == "." and norms[position - 1] in self.rules.courtesy:
                position += 1
                continue
            if word == "." and len(words[position - 1]) == 1 and self._name_word(position + 1):
                last = position  # a middle initial: "John F. Kennedy"
                position += 1
                continue
            break
        return last

    def _continues_name(self, position: int) -> bool:
        """Whether a capitalised word inside a name run belongs to the name.

        Words of the lists end the run ("Ruiz of Peru"), except titles, which inside a
        name are surnames or parts of a body's name ("Martin Luther King", "Center of
        Media Justice").
        """
        if self.norms[position] in self.rules.descriptors:
            return False
        match = self._lookup(position)
        return match is None or (match.entry.kind is EntityKind.TITLE and match.last == position)

    def _name_start(self, index: int, last: int) -> tuple[int, bool]:
        """Skip opening words that name nothing ("The", "However", "Mr."); say if courtesy."""
        words, norms, rules = self.words, self.norms, self.rules
        first = index
        courtesy = False
        while first <= last:
            norm = norms[first]
            if norm in rules.courtesy:
                courtesy = True
                first += 1
                if first < self.count and words[first] == ".":
                    first += 1
                continue
            if norm == "the" or (
                first == index and norm in rules.function_words and self._sentence_initial(first)
            ):
                first += 1
                continue
            break
        while first <= last and not words[first][0].isupper():
            first += 1
        return first, courtesy

    def _classify(
        self, first: int, last: int, names: list[int], *, courtesy: bool
    ) -> EntityKind | None:
        rules, words, norms = self.rules, self.words, self.norms
        if not names or rules.calendar.issuperset(map(norms.__getitem__, names)):
            return None
        if self._headline(first):
            return None
        if len(names) == 1:
            only = names[0]
            norm = norms[only]
            if (
                not courtesy
                and self._sentence_initial(first)
                and not self._capitalised_mid_sentence(norm)
                and not self._person_verb(last + 1)
            ):
                return None  # a capitalised word opening a sentence, seen nowhere else
            if norm in rules.function_words or norm in _PRONOUNS:
                return None  # "I", "In" capitalised inside a sentence name nothing
            word = words[only]
            if _all_caps(word):
                if word.replace(".", "") in rules.caps_labels:
                    return None
                following = last + 1
                if "-" in word or (
                    following < self.count
                    and words[following] == "-"
                    and self.starts[following] == self.ends[only]
                ):
                    return None  # "EB-5", "D-N.Y.": a code, not an organisation
                return EntityKind.ORGANISATION if len(word) <= 5 else EntityKind.OTHER
        if norms[names[-1]] in rules.place_heads:
            return EntityKind.PLACE
        if not rules.org_heads.isdisjoint(map(norms.__getitem__, names)):
            return EntityKind.ORGANISATION
        if courtesy or self._after_title(first) or len(names) > 1:
            return EntityKind.PERSON
        if self._person_verb(last + 1):
            return EntityKind.PERSON
        return EntityKind.OTHER

    def _organisation_tail(self, last: int) -> int:
        """Extend an organisation over "of ..." that follows it: "Bank of Mexico"."""
        position = last + 1
        if position >= self.count or self.norms[position] not in _ORGANISATION_LINKS:
            return last
        end = last
        position += 1
        while self._name_word(position):
            end = position
            position += 1
        return end

    def _after_title(self, first: int) -> bool:
        if not self.found:
            return False
        previous = self.found[-1]
        return previous.kind is EntityKind.TITLE and previous.last == first - 1

    def _person_verb(self, index: int) -> bool:
        return index < self.count and self.norms[index] in self.rules.person_verbs

    # -- second pass -----------------------------------------------------------------

    def _resolve_single_names(self) -> None:
        """A lone word that is part of a person's name found elsewhere is that person."""
        person_words = {
            word
            for found in self.found
            if found.kind is EntityKind.PERSON and " " in found.key
            for word in found.key.split()
        }
        if not person_words:
            return
        for position, found in enumerate(self.found):
            if found.kind is EntityKind.OTHER and found.key in person_words:
                self.found[position] = found._replace(kind=EntityKind.PERSON)

    def _anchored(self) -> tuple[Entity, ...]:
        """Make the entities, each tied to the word it qualifies or is qualified by."""
        text, starts, ends, found = self.text, self.starts, self.ends, self.found
        result: list[Entity] = []
        for position, entity in enumerate(found):
            kind = entity.kind
            anchor: str | None = None
            if kind in _HEADED_KINDS:
                anchor = self._head_after(entity.last)
            elif kind is EntityKind.PERSON and position > 0:
                previous = found[position - 1]
                if previous.kind is EntityKind.TITLE and self._next_to(previous.last, entity.first):
                    anchor = _strip_modifier(previous.key, previous.modifier)
            elif kind is EntityKind.TITLE and position + 1 < len(found):
                following = found[position + 1]
                if following.kind is EntityKind.PERSON and self._next_to(
                    entity.last, following.first
                ):
                    anchor = following.key.split()[-1]
            # Every field is given and none is checked: set them as attrs would, without
            # its keyword call (a finder makes an entity per name of the text).
            made = _new_object(Entity)
            _set_field(made, "span", Span.of(text, starts[entity.first], ends[entity.last]))
            _set_field(made, "kind", kind)
            _set_field(made, "key", entity.key)
            _set_field(made, "anchor", anchor or None)
            _set_field(made, "modifier", entity.modifier)
            result.append(made)
        return tuple(result)

    def _next_to(self, last: int, first: int) -> bool:
        """Whether token ``first`` follows ``last`` directly or after one comma."""
        return first == last + 1 or (first == last + 2 and self.words[last + 1] == ",")

    def _head_after(self, last: int) -> str | None:
        """The noun right after a place or nationality: "officials" in "U.S. officials".

        A title counts as that noun too: "president" in "Russian President".
        """
        index = last + 1
        if (
            index >= self.count
            or not self.words[index][0].isalpha()
            or self.starts[index] > self.ends[last] + 1
        ):
            return None
        word = self.norms[index]
        if word in self.rules.function_words and word not in _HEAD_NOUNS:
            return None
        if self._capitalised(index) and word not in self.rules.org_heads:
            title = self._lookup(index)
            if title is None or title.entry.kind is not EntityKind.TITLE:
                return None  # a name follows, not a noun ("Russian President" has one)
        return (
            word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        )


# Nouns that the function-word list holds because they open sentences without naming
# anything, but that a nationality may qualify ("Mexican officials").
_HEAD_NOUNS = frozenset(
    {
        "officials",
        "experts",
        "analysts",
        "critics",
        "residents",
        "police",
        "authorities",
        "sources",
        "witnesses",
        "supporters",
        "opponents",
        "people",
    }
)
