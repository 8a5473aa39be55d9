"""Find people, organisations, places, nationalities and titles with rules and word lists.

The finder runs offline and needs no model: one regular expression cuts the text
into tokens (compiled once, linear time), gazetteers from the ``countries``,
``demonyms``, ``places``, ``organisations`` and ``entity_rules`` lexicons are matched
longest-first, and the capitalised words left over are grouped into names. Each
entity carries a folded ``key`` so that "U.S.", "US", "United States" and "America"
compare equal, as do "NYT" and "The New York Times", or "Nicolás" and "Nicolas".
"""

from __future__ import annotations

import enum
import functools
import re
from typing import NamedTuple

import attrs

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
    if _family(left.kind) != _family(right.kind):
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


def _family(kind: EntityKind) -> EntityKind:
    """Places and nationalities compare as one family: "Mexican" is about Mexico."""
    return EntityKind.PLACE if kind is EntityKind.NATIONALITY else kind


def _name_words(key: str) -> list[str]:
    return [word for word in key.split() if word not in _rules().connectors]


def _same_person(left: str, right: str) -> bool:
    """One name is a surname or first name of the other, or both end in the same surname."""
    left_words = _name_words(left)
    right_words = _name_words(right)
    if not left_words or not right_words:
        return False
    if len(left_words) == 1 or len(right_words) == 1:
        short, long = (
            (left_words, right_words) if len(left_words) == 1 else (right_words, left_words)
        )
        return short[0] in long
    return left_words[-1] == right_words[-1]


def _initials(key: str) -> str:
    words = [word for word in key.split() if word not in _rules().connectors]
    return "".join(word[0] for word in words) if len(words) > 1 else ""


def _titles_compatible(left: Entity, right: Entity) -> bool:
    if left.modifier != right.modifier:
        return False
    generic = _rules().generic_titles
    if _strip_modifier(left) in generic or _strip_modifier(right) in generic:
        return True
    left_words = set(_strip_modifier(left).replace("-", " ").split())
    right_words = set(_strip_modifier(right).replace("-", " ").split())
    if not (left_words <= right_words or right_words <= left_words):
        return False
    return not (left_words ^ right_words) & _rules().rank_words


def _strip_modifier(entity: Entity) -> str:
    if entity.modifier and entity.key.startswith(entity.modifier + " "):
        return entity.key[len(entity.modifier) + 1 :]
    return entity.key


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
_TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?"
    r"|[^\W\d_]+(?:[-'\u2010-\u2015\u2212\u2018\u2019\u02bc\u2032`\u00b4][^\W\d_]+)*"
    r"|\d+|[^\w\s]",
)
# Dashes read as hyphens and apostrophes as "'", as folding does.
_MARK_TABLE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\u2018\u2019\u02bc\u2032`\u00b4", "'"),
    }
)
_POSSESSIVE = ("'s", "'S")


class _Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def all_caps(self) -> bool:
        letters = self.text.replace(".", "")
        return len(letters) > 1 and letters.isupper()


@functools.lru_cache(maxsize=65_536)
def _norm(word: str) -> str:
    """Fold a token for lookup: accents, case and the dots of acronyms go."""
    return fold(word).lower().replace(".", "") if word != "." else "."


def _tokenise(text: str, start: int, end: int, rules: _Rules) -> list[_Token]:
    tokens: list[_Token] = []
    modifiers = rules.modifiers
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if not word.isascii() or "`" in word:
            word = word.translate(_MARK_TABLE)  # the table maps no other ASCII character
        first = match.start()
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            word = word[:-2]
        if "-" not in word:
            tokens.append(_Token(word, _norm(word), first, first + len(word)))
            continue  # most words: nothing to split
        head, dash, rest = word.partition("-")
        if dash and rest and head.lower() in modifiers:
            # "then-President", "ex-minister": the modifier and the title apart.
            tokens.append(_Token(head, _norm(head), first, first + len(head)))
            first += len(head) + 1
            word = rest
        if "-" in word and _names_a_known_part(word, rules):
            # "US-Mexico", "Afghan-born": the known names and the rest apart, with the
            # hyphens as tokens of their own.
            for part in re.finditer(r"[^-]+|-", word):
                piece = part.group()
                tokens.append(_Token(piece, _norm(piece), first + part.start(), first + part.end()))
            continue
        tokens.append(_Token(word, _norm(word), first, first + len(word)))
    return tokens


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
    return _Rules(
        gazetteer=frozen,
        prefixes=frozenset(
            norms[:length] for norms in frozen for length in range(1, len(norms) + 1)
        ),
        longest=max(len(norms) for norms in frozen),
        bare_titles=frozenset(rules["bare_titles"]),
        modifiers=_pairs(rules["title_modifiers"]),
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


class _Match(NamedTuple):
    entry: _Entry
    last: int  # index of the last token of the match


class _Finder:
    """Scan the tokens once, left to right, emitting entities."""

    __slots__ = (
        "begin",
        "found",
        "headline_tokens",
        "lookups",
        "mid_capitals",
        "rules",
        "text",
        "tokens",
    )

    def __init__(self, text: str, tokens: list[_Token], begin: int, rules: _Rules) -> None:
        self.text = text
        self.tokens = tokens
        self.begin = begin
        self.rules = rules
        self.found: list[tuple[Entity, int, int]] = []  # entity, first and last token
        self.lookups: dict[int, _Match | None] = {}
        self.headline_tokens = self._headline_tokens()
        self.mid_capitals = {
            token.norm
            for index, token in enumerate(tokens)
            if token.is_word and token.capitalised and not self._sentence_initial(index)
        }

    def _headline_tokens(self) -> frozenset[int]:
        """Indices of tokens on lines written in title case or capitals, like headlines.

        There every word is capitalised, so capitals say nothing about names: only the
        word lists are trusted on such lines.
        """
        marked: set[int] = set()
        line: list[int] = []
        previous_end = self.begin

        def close() -> None:
            long_words = [self.tokens[i] for i in line if len(self.tokens[i].text) >= _LONG_WORD]
            if len(long_words) < _HEADLINE_MIN_WORDS:
                return
            if all(word.all_caps for word in long_words):
                marked.update(line)
                return
            capitals = sum(1 for word in long_words if word.capitalised)
            last = self.tokens[line[-1]]
            ending = last.text[-1] + self.text[last.end : last.end + 1]
            stopped = any(mark in _FULL_STOPS for mark in ending)
            if capitals >= _HEADLINE_SHARE * len(long_words) and not stopped:
                marked.update(line)

        for index, token in enumerate(self.tokens):
            if self.text.find("\n", previous_end, token.start) >= 0:
                close()
                line = []
            previous_end = token.end
            if token.is_word:
                line.append(index)
        close()
        return frozenset(marked)

    def _at(self, index: int) -> _Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def _sentence_initial(self, index: int) -> bool:
        """Whether token ``index`` opens a sentence, a quotation, a line or the range."""
        token = self.tokens[index]
        position = token.start - 1
        while position >= self.begin and self.text[position] in _OPENERS:
            if self.text[position] in _QUOTE_OPENERS:
                return True
            position -= 1
        if position < self.begin:
            return True
        char = self.text[position]
        if char not in _SENTENCE_END:
            return False
        if char == "." and index > 0:
            previous = self.tokens[index - 1]
            before = self._at(index - 2) if previous.text == "." else previous
            if before is not None and (
                before.norm in self.rules.abbreviations
                or (len(before.text) == 1 and before.capitalised)
                or "." in before.text
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
        span = Span.of(self.text, self.tokens[first].start, self.tokens[last].end)
        entity = Entity(span=span, kind=kind, key=key, modifier=modifier)
        self.found.append((entity, first, last))

    # -- driver ----------------------------------------------------------------------

    def run(self) -> tuple[Entity, ...]:
        index = 0
        while index < len(self.tokens):
            index = self._step(index)
        self._resolve_single_names()
        return self._anchored()

    def _step(self, index: int) -> int:
        token = self.tokens[index]
        if not token.is_word:
            return index + 1
        if (
            not token.capitalised
            and token.norm not in self.rules.modifiers
            and (token.norm,) not in self.rules.prefixes
        ):
            return index + 1  # a lower-case word that starts no title, entry or name
        title = self._title(index)
        if title is not None:
            return title
        match = self._lookup(index)
        if match is not None and match.entry.kind is not EntityKind.TITLE:
            following = self._at(match.last + 1)
            if (
                match.last == index
                and index not in self.headline_tokens
                and match.entry.kind is EntityKind.PLACE
                and following is not None
                and self._name_word(match.last + 1)
                and self._lookup(match.last + 1) is None
                and following.norm not in self.rules.org_heads
            ):
                # "Jordan Peterson", "Chad Smith": a place name opening a person's name.
                return self._name(index)
            self._emit(index, match.last, match.entry.kind, match.entry.key)
            return match.last + 1
        if token.capitalised:
            if (
                token.norm == "the"
                or token.norm in self.rules.descriptors
                or (token.norm in self.rules.function_words and self._sentence_initial(index))
            ):
                return index + 1  # "The", "However", "Islamic": no name starts here
            return self._name(index)
        return index + 1

    def _name_word(self, index: int) -> bool:
        token = self._at(index)
        return token is not None and token.is_word and token.capitalised

    # -- gazetteer -------------------------------------------------------------------

    def _lookup(self, index: int) -> _Match | None:
        """The longest gazetteer entry starting at ``index`` whose case fits the text."""
        # The scan asks about the same token several times (as a title, an entry, the
        # word after a name); the answer depends on the tokens alone, so keep it.
        try:
            return self.lookups[index]
        except KeyError:
            found = self.lookups[index] = self._find_entry(index)
            return found

    def _find_entry(self, index: int) -> _Match | None:
        if index >= len(self.tokens):
            return None
        first = self.tokens[index]
        gazetteer = self.rules.gazetteer
        prefixes = self.rules.prefixes
        norms: list[str] = []
        best: _Match | None = None
        for position in range(index, min(len(self.tokens), index + self.rules.longest)):
            norms.append(self.tokens[position].norm)
            key = tuple(norms)
            if key not in prefixes:
                break  # no entry starts with these words, so none longer does either
            entries = gazetteer.get(key)
            if entries is None:
                continue
            last = self.tokens[position]
            for entry in entries:
                if entry.caps_only and not (first.all_caps or "." in first.text):
                    continue
                if entry.kind is EntityKind.TITLE:
                    best = _Match(entry, position)
                    break
                if not first.capitalised or not (last.capitalised or not last.is_word):
                    continue
                best = _Match(entry, position)
                break
        return best

    def _title(self, index: int) -> int | None:
        """Read a title with its modifier: "former President", "then-Sen.", "acting mayor"."""
        token = self.tokens[index]
        modifier = self.rules.modifiers.get(token.norm)
        start = index
        if modifier is not None:
            match = self._lookup(index + 1)
            if match is None or match.entry.kind is not EntityKind.TITLE:
                return None
            if self._lookup_prefers_other(index + 1, match):
                return None
        else:
            match = self._lookup(index)
            if match is None or match.entry.kind is not EntityKind.TITLE:
                return None
            if self._lookup_prefers_other(index, match):
                return None
            if not token.capitalised and not self._lower_title_counts(match):
                return None
            previous = self._at(index - 1)
            if match.entry.caps_only and previous is not None and previous.text.isdigit():
                return None  # "8 PM" is a time
            following = self._at(match.last + 1)
            if (
                token.capitalised
                and following is not None
                and following.capitalised
                and following.norm in self.rules.org_heads
            ):
                return None  # "General Assembly", "Leader Group": a body's name, no title
            if (
                token.capitalised
                and self._sentence_initial(index)
                and match.last == index
                and not self._name_word(index + 1)
                and match.entry.key not in self.rules.bare_titles
            ):
                return None  # "Speaker" or "Leader" opening a sentence, no name after it
        last = match.last
        key = match.entry.key if modifier is None else f"{modifier} {match.entry.key}"
        self._emit(start, last, EntityKind.TITLE, key, modifier=modifier)
        return last + 1

    def _lookup_prefers_other(self, index: int, title: _Match) -> bool:
        """Whether a non-title entry is longer here ("General Motors" is not a general)."""
        norms: list[str] = []
        for position in range(index, min(len(self.tokens), index + self.rules.longest)):
            norms.append(self.tokens[position].norm)
            entries = self.rules.gazetteer.get(tuple(norms), ())
            if position > title.last and any(e.kind is not EntityKind.TITLE for e in entries):
                return self.tokens[index].capitalised
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
        words = [self.tokens[i] for i in range(first, last + 1) if self.tokens[i].is_word]
        names = [word for word in words if word.norm not in self.rules.connectors]
        key = " ".join(word.norm for word in words)
        kind = self._classify(first, last, names, courtesy=courtesy)
        if kind is not None:
            org_end = self._organisation_tail(last) if kind is EntityKind.ORGANISATION else last
            if org_end != last:
                tail = [self.tokens[i] for i in range(last + 1, org_end + 1)]
                key = " ".join([key, *(t.norm for t in tail if t.is_word)])
                last = org_end
            self._emit(first, last, kind, key)
        return last + 1

    def _name_end(self, index: int) -> int:
        """Index of the last token of the name that starts at ``index``."""
        last = index
        position = index + 1
        while position < len(self.tokens):
            token = self.tokens[position]
            if "\n" in self.text[self.tokens[position - 1].end : token.start]:
                break  # a name never runs across a line break
            if self._name_word(position) and self._continues_name(position):
                last = position
                position += 1
                continue
            if token.is_word and not token.capitalised and token.norm in self.rules.connectors:
                # "de la", "van der": connectors may come in twos before the next name.
                after = position + 1
                while (
                    after < len(self.tokens)
                    and after - position < 3
                    and self.tokens[after].norm in self.rules.connectors
                    and not self.tokens[after].capitalised
                ):
                    after += 1
                if self._name_word(after):
                    position = after
                    continue
            if token.text == "." and self.tokens[position - 1].norm in self.rules.courtesy:
                position += 1
                continue
            if (
                token.text == "."
                and len(self.tokens[position - 1].text) == 1
                and self._name_word(position + 1)
            ):
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
        if self.tokens[position].norm in self.rules.descriptors:
            return False
        match = self._lookup(position)
        return match is None or (match.entry.kind is EntityKind.TITLE and match.last == position)

    def _name_start(self, index: int, last: int) -> tuple[int, bool]:
        """Skip opening words that name nothing ("The", "However", "Mr."); say if courtesy."""
        first = index
        courtesy = False
        while first <= last:
            token = self.tokens[first]
            if token.norm in self.rules.courtesy:
                courtesy = True
                first += 1
                if self._at(first) is not None and self.tokens[first].text == ".":
                    first += 1
                continue
            if token.norm == "the" or (
                first == index
                and self._sentence_initial(first)
                and token.norm in self.rules.function_words
            ):
                first += 1
                continue
            break
        while first <= last and not self.tokens[first].capitalised:
            first += 1
        return first, courtesy

    def _classify(
        self, first: int, last: int, names: list[_Token], *, courtesy: bool
    ) -> EntityKind | None:
        if not names or all(name.norm in self.rules.calendar for name in names):
            return None
        if first in self.headline_tokens:
            return None
        if len(names) == 1 and self._sentence_initial(first) and not courtesy:
            only = names[0]
            if only.norm not in self.mid_capitals and not self._person_verb(last + 1):
                return None  # a capitalised word opening a sentence, seen nowhere else
        if len(names) == 1 and (
            names[0].norm in self.rules.function_words or names[0].norm in _PRONOUNS
        ):
            return None  # "I", "In" capitalised inside a sentence name nothing
        if len(names) == 1 and names[0].all_caps:
            if names[0].text.replace(".", "") in self.rules.caps_labels:
                return None
            following = self._at(last + 1)
            if "-" in names[0].text or (
                following is not None and following.text == "-" and following.start == names[0].end
            ):
                return None  # "EB-5", "D-N.Y.": a code, not an organisation
            return EntityKind.ORGANISATION if len(names[0].text) <= 5 else EntityKind.OTHER
        if names[-1].norm in self.rules.place_heads:
            return EntityKind.PLACE
        if any(name.norm in self.rules.org_heads for name in names):
            return EntityKind.ORGANISATION
        if courtesy or self._after_title(first) or len(names) > 1:
            return EntityKind.PERSON
        if self._person_verb(last + 1):
            return EntityKind.PERSON
        return EntityKind.OTHER

    def _organisation_tail(self, last: int) -> int:
        """Extend an organisation over "of ..." that follows it: "Bank of Mexico"."""
        position = last + 1
        connector = self._at(position)
        if connector is None or connector.norm not in {"of", "for", "de", "on"}:
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
        entity, _, title_last = self.found[-1]
        return entity.kind is EntityKind.TITLE and title_last == first - 1

    def _person_verb(self, index: int) -> bool:
        token = self._at(index)
        return token is not None and token.norm in self.rules.person_verbs

    # -- second pass -----------------------------------------------------------------

    def _resolve_single_names(self) -> None:
        """A lone word that is part of a person's name found elsewhere is that person."""
        person_words = {
            word
            for entity, _, _ in self.found
            if entity.kind is EntityKind.PERSON and " " in entity.key
            for word in entity.key.split()
        }
        for position, (entity, first, last) in enumerate(self.found):
            if entity.kind is EntityKind.OTHER and entity.key in person_words:
                self.found[position] = (
                    attrs.evolve(entity, kind=EntityKind.PERSON),
                    first,
                    last,
                )

    def _anchored(self) -> tuple[Entity, ...]:
        """Tie each place, person and title to the word it qualifies or is qualified by."""
        result: list[Entity] = []
        for position, (entity, first, last) in enumerate(self.found):
            anchor: str | None = None
            if entity.kind in {EntityKind.PLACE, EntityKind.NATIONALITY, EntityKind.OTHER}:
                anchor = self._head_after(last)
            elif entity.kind is EntityKind.PERSON and position > 0:
                previous, _, previous_last = self.found[position - 1]
                if previous.kind is EntityKind.TITLE and self._next_to(previous_last, first):
                    anchor = _strip_modifier(previous)
            elif entity.kind is EntityKind.TITLE and position + 1 < len(self.found):
                following, following_first, _ = self.found[position + 1]
                if following.kind is EntityKind.PERSON and self._next_to(last, following_first):
                    anchor = following.key.split()[-1]
            result.append(attrs.evolve(entity, anchor=anchor) if anchor else entity)
        return tuple(result)

    def _next_to(self, last: int, first: int) -> bool:
        """Whether token ``first`` follows ``last`` directly or after one comma."""
        return first == last + 1 or (first == last + 2 and self.tokens[last + 1].text == ",")

    def _head_after(self, last: int) -> str | None:
        """The noun right after a place or nationality: "officials" in "U.S. officials".

        A title counts as that noun too: "president" in "Russian President".
        """
        token = self._at(last + 1)
        if token is None or not token.is_word or token.start > self.tokens[last].end + 1:
            return None
        if token.norm in self.rules.function_words - _HEAD_NOUNS:
            return None
        if token.capitalised and token.norm not in self.rules.org_heads:
            title = self._lookup(last + 1)
            if title is None or title.entry.kind is not EntityKind.TITLE:
                return None  # a name follows, not a noun ("Russian President" has one)
        word = token.norm
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
