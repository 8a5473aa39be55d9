"""Find numbers, amounts, percentages, dates and times, and give each a comparable value.

The scan is format-blind so that a rewrite that only restyles a figure compares equal:
"3" and "three", "1,200" and "1.2 thousand", "$5 million" and "5 million dollars",
"20%" and "twenty per cent", "January 3" and "3rd of January" get the same value.
One regular expression cuts the text into tokens (compiled once, linear time) and a
hand-written left-to-right parser reads quantities from the tokens, so the whole scan
is linear in the length of the text.

Most sentences of an article hold no figure, so the scan is built to cost little there:
a screen made of C-level string operations turns away a text without a digit or a
number word before any token is cut, and the parser only stops at the tokens that can
open a quantity (digits, currency marks, number, month and day words), building token
objects only around them.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from typing import NamedTuple

import attrs

from newsdiff.models import Span

__all__ = ["Quantity", "QuantityKind", "find_quantities", "quantities_match"]


class QuantityKind(enum.StrEnum):
    """What a quantity counts or names."""

    NUMBER = "number"
    PERCENT = "percent"
    MONEY = "money"
    DATE = "date"
    YEAR = "year"
    ORDINAL = "ordinal"
    TIME = "time"
    WEEKDAY = "weekday"


@attrs.frozen(kw_only=True)
class Quantity:
    """One quantity of a text and its normalised value.

    ``value`` is canonical text: a plain decimal for numbers, percentages, money,
    years and ordinals ("1200", "0.5"), ``YYYY-MM-DD`` for dates with ``?`` where
    the text leaves a part out ("????-01-03"), ``HH:MM`` for times, a lower-case day
    name for weekdays, and "1990s" for decades. ``unit`` is the currency code of an
    amount of money ("USD", "EUR") when the text names one. ``amount`` is the value
    as a number when it is one, so that "5 million" and "$5 million" can be matched.
    """

    span: Span
    kind: QuantityKind
    value: str
    unit: str | None = None
    amount: Decimal | None = None


def quantities_match(left: Quantity, right: Quantity) -> bool:
    """Say whether two quantities state the same fact, whatever their format.

    A date without a year matches the same day with a year; an amount of money
    matches the bare number when one side drops the currency; a year matches the same
    number written as a plain count.

    >>> a, = find_quantities("on January 3")
    >>> b, = find_quantities("on 3 Jan. 2026")
    >>> quantities_match(a, b)
    True
    """
    if left.kind == right.kind:
        if left.kind is QuantityKind.DATE:
            return _dates_match(left.value, right.value)
        return left.value == right.value and left.unit == right.unit
    kinds = {left.kind, right.kind}
    if kinds <= _PLAIN_KINDS and left.amount is not None:
        return left.amount == right.amount
    return False


_PLAIN_KINDS = frozenset({QuantityKind.NUMBER, QuantityKind.YEAR, QuantityKind.MONEY})


def _dates_match(left: str, right: str) -> bool:
    """Compare ``YYYY-MM-DD`` values where ``?`` stands for a part the text left out."""
    return len(left) == len(right) and all(
        a == b or "?" in {a, b} for a, b in zip(left, right, strict=False)
    )


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """Find the quantities of ``text[start:end]``, in text order.

    Spans index ``text`` itself. List markers ("1." opening a line) and numbers that
    are part of a name ("Boeing 737", "COVID-19", "G7") are left out.

    Args:
        text: The whole text.
        start: Where to begin reading.
        end: Where to stop reading; the end of the text when ``None``.

    Returns:
        The quantities found, in the order they appear.

    >>> [(q.span.text, q.kind.value, q.value) for q in find_quantities("Three of 1,200 rose 20%.")]
    [('Three', 'number', '3'), ('1,200', 'number', '1200'), ('20%', 'percent', '20')]
    """
    if end is not None and 0 <= start <= end <= len(text):
        begin, stop = start, end  # the usual sentence span: nothing to clamp
    else:
        stop = len(text) if end is None else max(0, min(end, len(text)))
        begin = max(0, min(start, stop))
    chunk = text[begin:stop]
    if not _may_hold_quantity(chunk):
        return ()
    # The token pattern has no look-around, so splitting the slice cuts the same tokens
    # as scanning the range; parts alternate gap, token, gap, ..., gap.
    parts = _TOKEN_SPLIT.split(chunk)
    bounds = list(accumulate(map(len, parts), initial=begin))
    return _Parser(text, parts[1::2], bounds[1:-1:2], bounds[2::2]).run()


def _may_hold_quantity(chunk: str) -> bool:
    """Whether ``chunk`` may hold a quantity: ``False`` only when it cannot.

    Without a digit, a quantity opens on a word of ``_SCREEN_WORDS`` or on "a"/"an"
    before a scale word ("a million"), and the scale word is screened for both. Such a
    word is a token of ASCII letters only (no other character lower-cases into one, the
    Kelvin sign aside, and none of these words holds a "k"), so one translation to
    lower-case ASCII letters, "0" for digits and spaces for the rest leaves it as a word
    of its own, all in C.
    """
    screened = chunk.encode("ascii", "replace").translate(_SCREEN_TABLE)
    return b"0" in screened or not _SCREEN_WORDS.isdisjoint(screened.split())


# Digits with group or decimal separators, a run of letters, or any other visible mark.
# The separator group needs a digit after it, so "3." keeps its full stop as a token;
# the classes of the three branches do not overlap, so the scan never backtracks.
_DASH_TABLE = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
)
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+|[^\w\s]|_")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


class _Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int

    @property
    def is_digits(self) -> bool:
        return self.text[0] in "0123456789"

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1_000,
    "millionth": 1_000_000,
}
# Scale words that may follow digits ("1.2 million"); "dozen" only there and after words.
_NUMERAL_SCALES = {**_SCALES, "dozen": 12}
_AND_JOINERS = frozenset(_NUMERAL_SCALES)
_FRACTION_WORDS = frozenset(
    {"half", "halves", "thirds", "quarter", "quarters", "fourths", "fifths"}
)
# Abbreviated scales glued to digits: "$5m", "3bn", "2tn", "40k".
_GLUED_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_GLUED_SCALES_ALWAYS = {"k": 1_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW"}
# Letters glued before "$" that name which dollar it is: "US$5", "C$5", "A$5".
_DOLLAR_PREFIXES = {"us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD"}
_CURRENCY_CODES = frozenset(
    {"usd", "eur", "gbp", "jpy", "cny", "inr", "mxn", "cad", "aud", "chf", "brl", "rub"}
)
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "peso": "PESO",
    "pesos": "PESO",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "franc": "CHF",
    "francs": "CHF",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "reais": "BRL",
}
# Words that, before a lone "one", make it a pronoun rather than a count.
_ONE_PRONOUN_BEFORE = frozenset(
    {"the", "no", "any", "every", "each", "this", "that", "which", "some", "someone", "only"}
)
_ONE_PRONOUN_AFTER = frozenset({"of", "another", "by", "day", "way", "thing", "side", "or"})
_SENTENCE_END = frozenset(".!?\n")
# Words after which a capitalised "May" is the month: "in May", "since May", "late May".
_BEFORE_A_MONTH = (
    "in",
    "since",
    "until",
    "till",
    "through",
    "early",
    "late",
    "mid",
    "last",
    "next",
)
# Marks that may stand between a sentence end and its first word.
_OPENERS = frozenset(" \t\"'(\u2018\u201c\u00ab\u2014-")
# Most characters of indentation or bullet before a list marker.
_MARKER_INDENT = 12
# Hyphenated prefixes that place a year or number in time rather than name a thing.
_TIME_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "circa"})
_NAME_PART_EXEMPT = frozenset(
    {"no", "number", "nos", "about", "some", "nearly", "over", "under", "almost", "by", "i"}
)
_CLOCK_WORDS = frozenset({"noon", "midday", "midnight"})

# The tokens a reader can start from; the parser steps over every other token unread.
_START_MARKS = frozenset("0123456789") | frozenset(_CURRENCY_SYMBOLS)
_START_WORDS = frozenset(
    {*_MONTHS, *_MONTH_ABBREVIATIONS, *_DOLLAR_PREFIXES, *_CURRENCY_CODES, "a", "an", "half"}
    | {*_UNITS, *_TENS, *_ORDINAL_WORDS, *_WEEKDAYS, *_CLOCK_WORDS}
)
# The words that open a quantity in a text without digits (currency codes, dollar
# prefixes and month abbreviations need a figure after them), and the scale words that
# make "a" and "an" open one, as the screen sees them.
_SCREEN_WORDS = frozenset(
    word.encode("ascii")
    for word in (*_MONTHS, *_UNITS, *_TENS, *_ORDINAL_WORDS, *_WEEKDAYS, *_CLOCK_WORDS, "half")
) | frozenset(word.encode("ascii") for word in _NUMERAL_SCALES)


def _screen_table() -> bytes:
    """Keep lower-case ASCII letters, lower upper-case ones, make digits "0", the rest spaces.

    The rest includes the "?" that stands for any non-ASCII character in the screen.
    """
    table = bytearray(b" " * 256)
    for letter in range(ord("a"), ord("z") + 1):
        table[letter] = table[letter - 32] = letter
    table[ord("0") : ord("9") + 1] = b"0" * 10
    return bytes(table)


_SCREEN_TABLE = _screen_table()


def _canonical(number: Decimal) -> str:
    """Write ``number`` without exponent or trailing zeros: 1.2E+3 becomes "1200"."""
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def _parse_digits(raw: str) -> Decimal | None:
    """Read a digit token with English separators; ``None`` when they are ambiguous."""
    if "," in raw:
        whole, _, fraction = raw.partition(".")
        groups = whole.split(",")
        if "." in fraction or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        raw = "".join(groups) + ("." + fraction if fraction else "")
    elif raw.count(".") > 1:
        groups = raw.split(".")
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        raw = "".join(groups)
    try:
        return Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the token pattern only admits digits
        return None


class _Parser:
    """Read quantities from a token list, left to right, looking back at most two tokens."""

    __slots__ = ("count", "ends", "found", "starts", "text", "tokens", "words")

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.words = words
        self.starts = starts
        self.ends = ends
        self.count = len(words)
        # Token objects are built on first use: most tokens are only ever skipped.
        self.tokens: list[_Token | None] = [None] * self.count
        self.found: list[Quantity] = []

    # -- token helpers -------------------------------------------------------------

    def _token(self, index: int) -> _Token:
        """Token ``index`` (which must exist), built the first time it is read."""
        token = self.tokens[index]
        if token is None:
            # Every dash reads as a hyphen, as folding does: typography never changes a value.
            word = self.words[index].translate(_DASH_TABLE)
            token = _Token(word, word.lower(), self.starts[index], self.ends[index])
            self.tokens[index] = token
        return token

    def _at(self, index: int) -> _Token | None:
        return self._token(index) if 0 <= index < self.count else None

    def _glued(self, index: int) -> bool:
        """Whether token ``index`` touches the token before it (no space between)."""
        return 0 < index < self.count and self.ends[index - 1] == self.starts[index]

    def _is(self, index: int, *words: str) -> bool:
        token = self._at(index)
        return token is not None and token.lower in words

    def _sentence_initial(self, index: int) -> bool:
        """Whether token ``index`` opens a sentence, a line or the scanned range."""
        position = self._token(index).start - 1
        while position >= 0 and self.text[position] in _OPENERS:
            position -= 1
        return index == 0 or position < 0 or self.text[position] in _SENTENCE_END

    def _emit(
        self,
        first: int,
        last: int,
        kind: QuantityKind,
        value: str,
        *,
        unit: str | None = None,
        amount: Decimal | None = None,
    ) -> int:
        span = Span.of(self.text, self.starts[first], self.ends[last])
        self.found.append(Quantity(span=span, kind=kind, value=value, unit=unit, amount=amount))
        return last + 1

    # -- driver --------------------------------------------------------------------

    def run(self) -> tuple[Quantity, ...]:
        # Stepping any other token reads nothing and moves on by one, so only the tokens
        # that can open a quantity are stepped, in order, past those already read.
        openings = [
            position
            for position, word in enumerate(map(str.lower, self.words))
            if word in _START_WORDS or word[0] in _START_MARKS
        ]
        index = 0
        for opening in openings:
            if opening >= index:
                index = self._step(opening)
        return tuple(self.found)

    def _step(self, index: int) -> int:
        """Read what starts at ``index`` and return the index of the next unread token.

        Only tokens of ``_START_WORDS`` and ``_START_MARKS`` come here: a reader that
        starts on any other word must add it there, and to ``_SCREEN_WORDS`` when it
        needs no digit, or the word is never read.
        """
        token = self._token(index)
        if token.is_word:
            for reader in (self._date_from_month, self._money_from_code, self._word_quantity):
                after = reader(index)
                if after is not None:
                    return after
            if token.lower in _WEEKDAYS and token.text[0].isupper():
                return self._emit(index, index, QuantityKind.WEEKDAY, token.lower)
            if token.lower in _CLOCK_WORDS:
                value = "00:00" if token.lower == "midnight" else "12:00"
                return self._emit(index, index, QuantityKind.TIME, value)
            return index + 1
        if token.is_digits:
            after = self._digit_quantity(index)
            return index + 1 if after is None else after
        if token.text in _CURRENCY_SYMBOLS:
            after = self._money_from_symbol(index, index, _CURRENCY_SYMBOLS[token.text])
            return index + 1 if after is None else after
        return index + 1

    # -- dates ---------------------------------------------------------------------

    def _month_at(self, index: int) -> tuple[int, int] | None:
        """Return (month, index after it) if a month name starts at ``index``."""
        token = self._at(index)
        if token is None or not token.text[0].isupper():
            return None
        if token.lower in _MONTHS:
            return _MONTHS[token.lower], index + 1
        if token.lower in _MONTH_ABBREVIATIONS:
            after = index + 1
            if self._is(after, ".") and self._glued(after):
                after += 1
            return _MONTH_ABBREVIATIONS[token.lower], after
        return None

    def _day_at(self, index: int) -> tuple[int, int] | None:
        """Return (day, index after it) for "3" or "3rd" at ``index``."""
        token = self._at(index)
        if token is None or not token.is_digits or not token.text.isdigit() or len(token.text) > 2:
            return None
        day = int(token.text)
        if not 1 <= day <= 31:
            return None
        after = index + 1
        if self._glued(after) and self._is(after, *_ORDINAL_SUFFIXES):
            after += 1
        following = self._at(after)
        if following is not None and self._glued(after) and following.text[0].isalnum():
            return None
        return day, after

    def _year_at(self, index: int) -> tuple[int, int] | None:
        token = self._at(index)
        if token is None or not token.text.isdigit() or len(token.text) != 4:
            return None
        following = self._at(index + 1)
        if following is not None and self._glued(index + 1) and following.text[0].isalnum():
            return None
        return int(token.text), index + 1

    def _optional_comma(self, index: int) -> int:
        return index + 1 if self._is(index, ",") else index

    def _date_value(self, year: int | None, month: int, day: int | None) -> str:
        year_text = "????" if year is None else f"{year:04d}"
        day_text = "??" if day is None else f"{day:02d}"
        return f"{year_text}-{month:02d}-{day_text}"

    def _date_from_month(self, index: int) -> int | None:
        """Read "January 3", "Jan. 3rd, 2026", "January 2026" or a lone "January"."""
        month_at = self._month_at(index)
        if month_at is None:
            return None
        month, after = month_at
        day_at = self._day_at(after)
        if day_at is not None:
            day, after_day = day_at
            year_at = self._year_at(self._optional_comma(after_day))
            if year_at is not None:
                year, after_year = year_at
                value = self._date_value(year, month, day)
                return self._emit(index, after_year - 1, QuantityKind.DATE, value)
            return self._emit(
                index, after_day - 1, QuantityKind.DATE, self._date_value(None, month, day)
            )
        year_at = self._year_at(after)
        if year_at is not None:
            value = self._date_value(year_at[0], month, None)
            return self._emit(index, year_at[1] - 1, QuantityKind.DATE, value)
        token = self._token(index)
        # A lone "May" is far more often the verb, unless a time word puts it in the
        # calendar ("in May", "since May"); abbreviations alone are too ambiguous.
        if token.lower not in _MONTHS or (
            token.lower == "may"
            and not (token.text == "May" and self._is(index - 1, *_BEFORE_A_MONTH))
        ):
            return None
        return self._emit(index, after - 1, QuantityKind.DATE, self._date_value(None, month, None))

    def _date_from_day(self, index: int) -> int | None:
        """Read "3 January", "3rd of January 2026" starting at the day number."""
        day_at = self._day_at(index)
        if day_at is None:
            return None
        day, after = day_at
        if self._is(after, "of"):
            after += 1
        month_at = self._month_at(after)
        if month_at is None:
            return None
        month, after_month = month_at
        year_at = self._year_at(self._optional_comma(after_month))
        if year_at is not None:
            value = self._date_value(year_at[0], month, day)
            return self._emit(index, year_at[1] - 1, QuantityKind.DATE, value)
        value = self._date_value(None, month, day)
        return self._emit(index, after_month - 1, QuantityKind.DATE, value)

    def _iso_date(self, index: int) -> int | None:
        """Read "2026-01-03"."""
        if len(self._token(index).text) != 4:
            return None
        parts = [self._at(index + offset) for offset in range(5)]
        if any(part is None for part in parts) or not all(
            self._glued(index + offset) for offset in range(1, 5)
        ):
            return None
        year, dash1, month, dash2, day = (part.text for part in parts if part is not None)
        if not (
            dash1 == dash2 == "-"
            and len(year) == 4
            and year.isdigit()
            and len(month) == 2
            and month.isdigit()
            and len(day) == 2
            and day.isdigit()
            and 1 <= int(month) <= 12
            and 1 <= int(day) <= 31
        ):
            return None
        value = self._date_value(int(year), int(month), int(day))
        return self._emit(index, index + 4, QuantityKind.DATE, value)

    # -- times ---------------------------------------------------------------------

    def _meridiem_at(self, index: int) -> tuple[str, int] | None:
        """Return ("am"/"pm", index after) for "a.m.", "pm", "P.M." at ``index``."""
        token = self._at(index)
        if token is None:
            return None
        if token.lower in {"am", "pm"} and (self._glued(index) or token.text.isupper()):
            return token.lower, index + 1
        if token.lower in {"a", "p"} and self._is(index + 1, ".") and self._is(index + 2, "m"):
            if not (self._glued(index + 1) and self._glued(index + 2)):
                return None
            after = index + 3
            if self._is(after, ".") and self._glued(after):
                after += 1
            return token.lower + "m", after
        if token.lower in {"am", "pm"} and self._is(index + 1, "."):
            return token.lower, index + 1
        return None

    def _time(self, index: int) -> int | None:
        """Read "3:30", "3:30 p.m.", "10am", "10 a.m." starting at the hour."""
        token = self._token(index)
        if not token.text.isdigit() or len(token.text) > 2:
            return None
        hour = int(token.text)
        minute = 0
        after = index + 1
        colon = self._at(after)
        minutes = self._at(after + 1)
        has_minutes = (
            colon is not None
            and minutes is not None
            and colon.text == ":"
            and self._glued(after)
            and self._glued(after + 1)
            and minutes.text.isdigit()
            and len(minutes.text) == 2
        )
        if has_minutes and minutes is not None:
            minute = int(minutes.text)
            after += 2
        meridiem = self._meridiem_at(after)
        if meridiem is None and not has_minutes:
            return None
        if hour > 24 or minute > 59 or (meridiem is not None and not 1 <= hour <= 12):
            return None
        last = after - 1
        if meridiem is not None:
            if meridiem[0] == "pm" and hour != 12:
                hour += 12
            elif meridiem[0] == "am" and hour == 12:
                hour = 0
            last = meridiem[1] - 1
        return self._emit(index, last, QuantityKind.TIME, f"{hour:02d}:{minute:02d}")

    # -- money ---------------------------------------------------------------------

    def _money_from_symbol(self, first: int, symbol: int, currency: str) -> int | None:
        """Read "$5", "$5 million", "€1.2bn" where ``symbol`` is the currency mark."""
        number = self._at(symbol + 1)
        if number is None or not number.is_digits:
            return None
        amount = _parse_digits(number.text)
        if amount is None:
            return None
        amount, last = self._scaled(symbol + 1, amount, money=True)
        return self._emit(
            first,
            last,
            QuantityKind.MONEY,
            f"{currency} {_canonical(amount)}",
            unit=currency,
            amount=amount,
        )

    def _money_from_code(self, index: int) -> int | None:
        """Read "US$5", "C$3" and "USD 5"."""
        token = self._token(index)
        if (
            token.lower in _DOLLAR_PREFIXES
            and token.text.isupper()
            and self._is(index + 1, "$")
            and self._glued(index + 1)
        ):
            return self._money_from_symbol(index, index + 1, _DOLLAR_PREFIXES[token.lower])
        if token.lower in _CURRENCY_CODES and token.text.isupper():
            return self._money_from_symbol(index, index, token.text)
        return None

    def _currency_after(self, index: int) -> tuple[str, int] | None:
        token = self._at(index)
        if token is None:
            return None
        if token.lower in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[token.lower], index + 1
        if token.lower in _CURRENCY_CODES and token.text.isupper():
            return token.text, index + 1
        if token.lower in {"pound", "pounds"} and self._is(index + 1, "sterling"):
            return "GBP", index + 2
        return None

    # -- numbers -------------------------------------------------------------------

    def _scaled(self, index: int, amount: Decimal, *, money: bool) -> tuple[Decimal, int]:
        """Apply scale words after the number at ``index``; return (amount, last index)."""
        last = index
        glued = self._at(index + 1)
        if glued is not None and self._glued(index + 1):
            scales = _GLUED_SCALES if money else _GLUED_SCALES_ALWAYS
            if glued.lower in scales:
                return amount * scales[glued.lower], index + 1
        while True:
            following = self._at(last + 1)
            if following is None or following.lower not in _NUMERAL_SCALES:
                return amount, last
            amount *= _NUMERAL_SCALES[following.lower]
            last += 1

    def _finish_number(self, first: int, last: int, amount: Decimal) -> int:
        """Emit a count, percentage or amount of money from its number and the words after."""
        after = last + 1
        token = self._at(after)
        if token is not None and token.text == "%":
            return self._emit(first, after, QuantityKind.PERCENT, _canonical(amount), amount=amount)
        if token is not None and token.lower in {"percent", "pct"}:
            return self._emit(first, after, QuantityKind.PERCENT, _canonical(amount), amount=amount)
        if token is not None and token.lower == "per" and self._is(after + 1, "cent"):
            return self._emit(
                first, after + 1, QuantityKind.PERCENT, _canonical(amount), amount=amount
            )
        if (
            token is not None
            and token.lower == "percentage"
            and self._is(after + 1, "point", "points")
        ):
            return self._emit(
                first, after + 1, QuantityKind.PERCENT, _canonical(amount), amount=amount
            )
        currency = self._currency_after(after)
        if currency is not None:
            code, end = currency
            return self._emit(
                first,
                end - 1,
                QuantityKind.MONEY,
                f"{code} {_canonical(amount)}",
                unit=code,
                amount=amount,
            )
        return self._emit(first, last, QuantityKind.NUMBER, _canonical(amount), amount=amount)

    def _name_part(self, index: int) -> bool:
        """Whether the digits at ``index`` belong to a name: "G7", "F-16", "Boeing 737"."""
        previous = self._at(index - 1)
        if previous is None:
            return False
        if self._glued(index) and (previous.is_word or previous.is_digits):
            return True
        if previous.text in {"-", "/"} and self._glued(index):
            before = self._at(index - 2)
            if before is not None and self._glued(index - 1):
                # "1/2" and "24/7" are fractions or dates; "F-16" and "COVID-19" are names.
                if previous.text == "/":
                    return before.is_digits
                return before.text[0].isupper() and before.lower not in _TIME_PREFIXES
        following = self._at(index + 1)
        if (
            following is not None
            and following.text in {"/"}
            and self._glued(index + 1)
            and self._at(index + 2) is not None
            and self._glued(index + 2)
        ):
            return True
        if (
            previous.is_word
            and previous.text[0].isupper()
            and previous.lower not in _NAME_PART_EXEMPT
            and previous.lower not in _MONTHS
            and previous.lower not in _MONTH_ABBREVIATIONS
            and not self._sentence_initial(index - 1)
        ):
            # "Boeing 737", "Article 5": a bare number right after a capitalised word.
            nxt = self._at(index + 1)
            return nxt is None or (
                nxt.text != "%"
                and nxt.lower not in _NUMERAL_SCALES
                and nxt.lower not in {"percent", "per", "pct"}
                and nxt.lower not in _CURRENCY_WORDS
            )
        return False

    def _list_marker(self, index: int) -> bool:
        """Whether the digits at ``index`` number a list item: "1." or "2)" opening a line."""
        following = self._at(index + 1)
        if following is None or following.text not in {".", ")"} or not self._glued(index + 1):
            return False
        start = self._token(index).start
        # Look back a bounded stretch only, so a text without line breaks stays linear.
        window = max(0, start - _MARKER_INDENT)
        line_start = self.text.rfind("\n", window, start) + 1
        if line_start == 0 and window > 0:
            return False
        before = self.text[line_start:start]
        if before.strip(" \t(•*-") != "":
            return False
        after = self._at(index + 2)
        return after is None or not self._glued(index + 2)

    def _digit_quantity(self, index: int) -> int | None:
        for reader in (self._iso_date, self._date_from_day, self._time):
            after = reader(index)
            if after is not None:
                return after
        token = self._token(index)
        if self._name_part(index) or self._list_marker(index):
            return None
        amount = _parse_digits(token.text)
        if amount is None:
            return None
        suffix = self._at(index + 1)
        if suffix is not None and self._glued(index + 1) and suffix.is_word:
            if suffix.lower in _ORDINAL_SUFFIXES and token.text.isdigit():
                return self._emit(
                    index, index + 1, QuantityKind.ORDINAL, _canonical(amount), amount=amount
                )
            if suffix.lower == "s" and len(token.text) == 4 and token.text.endswith("0"):
                return self._emit(index, index + 1, QuantityKind.YEAR, token.text + "s")
            if suffix.lower not in _GLUED_SCALES_ALWAYS:
                if suffix.text[0].isupper():
                    return index + 2  # "5G", "3D": a label rather than a count
                # "5km", "10kg": the count, without its unit.
                return self._emit(
                    index, index, QuantityKind.NUMBER, _canonical(amount), amount=amount
                )
        amount, last = self._scaled(index, amount, money=False)
        if (
            last == index
            and token.text.isdigit()
            and len(token.text) == 4
            and 1500 <= amount <= 2100
            and self._currency_after(index + 1) is None
            and not self._is(index + 1, "%", "percent", "per", "pct")
        ):
            return self._emit(index, index, QuantityKind.YEAR, token.text, amount=amount)
        return self._finish_number(index, last, amount)

    # -- number words --------------------------------------------------------------

    def _word_quantity(self, index: int) -> int | None:
        """Read "three", "twenty-one", "one hundred and five", "a million", "twenty-first"."""
        token = self._token(index)
        if token.lower in {"a", "an"}:
            following = self._at(index + 1)
            if following is not None and following.lower in _NUMERAL_SCALES:
                amount, last = self._scaled(index, Decimal(1), money=False)
                return self._finish_number(index, last, amount)
            return None
        if token.lower == "half" and self._is(index + 1, "of") and not self._is(index - 1, "a"):
            return self._emit(index, index, QuantityKind.PERCENT, "50", amount=Decimal(50))
        if (
            token.lower not in _UNITS
            and token.lower not in _TENS
            and token.lower not in _ORDINAL_WORDS
        ):
            return None
        if self._glued(index) and self._at(index - 1) is not None:
            previous = self._at(index - 1)
            if previous is not None and (previous.text[0].isalnum() or previous.text == "-"):
                return None  # part of a longer hyphenated word
        parsed = self._spelled_number(index)
        if parsed is None:
            return None
        amount, last, ordinal = parsed
        if ordinal:
            if amount == 1 and last == index and self._is(index - 1, "at"):
                return None  # "at first" means "initially"
            if amount > 2 and self._is(index - 1, "a") and self._is(last + 1, "of"):
                return None  # "a third of", "a fifth of": a fraction, not a rank
            return self._emit(index, last, QuantityKind.ORDINAL, _canonical(amount), amount=amount)
        if last == index and token.lower == "one" and self._lone_one_is_pronoun(index):
            return None
        return self._finish_number(index, last, amount)

    def _spelled_number(self, index: int) -> tuple[Decimal, int, bool] | None:
        """Read a spelled-out number at ``index``: (value, last token index, is ordinal).

        A small grammar keeps "three four" from adding up: after a unit or teen only a
        scale word may follow, after a tens word only a unit.
        """
        total = 0
        current = 0
        last = index - 1
        position: int | None = index
        allowed = "any"  # "any", "unit" (after a tens word) or "scale" (after a unit)
        previous_hyphen = False
        while position is not None:
            word = self._token(position)
            lower = word.lower
            if lower in _UNITS and allowed in {"any", "unit"}:
                if allowed == "unit" and _UNITS[lower] >= 10:
                    break
                current += _UNITS[lower]
                allowed = "scale"
            elif lower in _TENS and allowed == "any":
                current += _TENS[lower]
                allowed = "unit"
            elif lower in _SCALES and last >= index:
                if _SCALES[lower] == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * _SCALES[lower]
                    current = 0
                allowed = "any"
            elif lower == "dozen" and last >= index:
                current = max(current, 1) * 12
                allowed = "scale"
            elif lower in _ORDINAL_WORDS and allowed != "scale":
                value = _ORDINAL_WORDS[lower]
                current = max(current, 1) * value if value >= 100 else current + value
                return Decimal(total + current), position, True
            else:
                if (lower in _ORDINAL_WORDS and previous_hyphen) or lower in _FRACTION_WORDS:
                    return None  # "two-thirds", "one-fifth": a fraction, not a count
                break
            last = position
            position, previous_hyphen = self._next_number_word(position)
        if last < index:
            return None
        return Decimal(total + current), last, False

    def _next_number_word(self, position: int) -> tuple[int | None, bool]:
        """Index of the next word of a spelled-out number, and whether a hyphen led there."""
        following = self._at(position + 1)
        if following is None:
            return None, False
        if following.text == "-" and self._glued(position + 1) and self._glued(position + 2):
            return (position + 2 if self._at(position + 2) is not None else None), True
        if following.lower == "and" and self._token(position).lower in _AND_JOINERS:
            nxt = self._at(position + 2)
            if nxt is not None and (nxt.lower in _UNITS or nxt.lower in _TENS):
                return position + 2, False
            return None, False
        return position + 1, False

    def _lone_one_is_pronoun(self, index: int) -> bool:
        previous = self._at(index - 1)
        following = self._at(index + 1)
        if previous is not None and previous.lower in _ONE_PRONOUN_BEFORE:
            return True
        return following is not None and following.lower in _ONE_PRONOUN_AFTER
