from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.detect._numbers import QuantityKind, find_quantities, quantities_match

N = QuantityKind.NUMBER
P = QuantityKind.PERCENT
M = QuantityKind.MONEY
D = QuantityKind.DATE
Y = QuantityKind.YEAR
ORD = QuantityKind.ORDINAL
T = QuantityKind.TIME
W = QuantityKind.WEEKDAY


def found(text: str) -> list[tuple[str, str, str]]:
    return [(q.span.text, q.kind.value, q.value) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Firefighters rescued 3 hikers.", [("3", N, "3")]),
        ("Firefighters rescued three hikers.", [("three", N, "3")]),
        ("The fund lent 1,200 farmers money.", [("1,200", N, "1200")]),
        ("About 1.2 thousand farmers signed.", [("1.2 thousand", N, "1200")]),
        ("Some 2.5 million voters stayed home.", [("2.5 million", N, "2500000")]),
        ("Twenty-one clubs joined.", [("Twenty-one", N, "21")]),
        ("It took one hundred and five days.", [("one hundred and five", N, "105")]),
        (
            "Seventy-five thousand three hundred fans came.",
            [("Seventy-five thousand three hundred", N, "75300")],
        ),
        ("They bought a dozen drones.", [("a dozen", N, "12")]),
        ("They bought two dozen drones.", [("two dozen", N, "24")]),
        ("A million people marched.", [("A million", N, "1000000")]),
        ("Turnout was 20%.", [("20%", P, "20")]),
        ("Turnout was 20 percent.", [("20 percent", P, "20")]),
        ("Turnout was twenty per cent.", [("twenty per cent", P, "20")]),
        ("Support fell 3 percentage points.", [("3 percentage points", P, "3")]),
        ("Half of the vote went to the mayor.", [("Half", P, "50")]),
        ("The bridge cost $5 million.", [("$5 million", M, "USD 5000000")]),
        ("The bridge cost 5 million dollars.", [("5 million dollars", M, "USD 5000000")]),
        ("The bridge cost US$5m.", [("US$5m", M, "USD 5000000")]),
        ("The port cost €1.2bn.", [("€1.2bn", M, "EUR 1200000000")]),
        ("The fine was 300 pesos.", [("300 pesos", M, "PESO 300")]),
        ("The fine was 40 pounds sterling.", [("40 pounds sterling", M, "GBP 40")]),
        ("It fell on January 3.", [("January 3", D, "????-01-03")]),
        ("It fell on Jan. 3.", [("Jan. 3", D, "????-01-03")]),
        ("It fell on 3 January.", [("3 January", D, "????-01-03")]),
        ("It fell on January 3rd.", [("January 3rd", D, "????-01-03")]),
        ("It fell on the 3rd of January.", [("3rd of January", D, "????-01-03")]),
        ("It fell on January 3, 2026.", [("January 3, 2026", D, "2026-01-03")]),
        ("It fell in March 2024.", [("March 2024", D, "2024-03-??")]),
        ("It fell in March.", [("March", D, "????-03-??")]),
        # A lone "May" is the month only where a time word puts it in the calendar.
        ("It fell in May.", [("May", D, "????-05-??")]),
        ("Since May, it fell.", [("May", D, "????-05-??")]),
        ("It may fall.", []),
        ("May said it fell.", []),
        ("Theresa May said it fell.", []),
        ("It was filed 2026-01-21.", [("2026-01-21", D, "2026-01-21")]),
        ("The law passed in 2019.", [("2019", Y, "2019")]),
        ("Prices rose in the 1990s.", [("1990s", Y, "1990s")]),
        ("She came third.", [("third", ORD, "3")]),
        ("She came 21st.", [("21st", ORD, "21")]),
        ("It was the twenty-first round.", [("twenty-first", ORD, "21")]),
        ("Polls close at 8 p.m.", [("8 p.m.", T, "20:00")]),
        ("Polls close at 8pm.", [("8pm", T, "20:00")]),
        ("Polls close at 7:30 a.m.", [("7:30 a.m.", T, "07:30")]),
        ("Polls close at noon.", [("noon", T, "12:00")]),
        ("The vote is on Tuesday.", [("Tuesday", W, "tuesday")]),
        (
            "The grant was USD 40 and then 40 USD.",
            [("USD 40", M, "USD 40"), ("40 USD", M, "USD 40")],
        ),
        ("Reserves hit 1.200.000 barrels.", [("1.200.000", N, "1200000")]),
        ("It fell on Sept. 3rd, 2025.", [("Sept. 3rd, 2025", D, "2025-09-03")]),
        (
            "The curfew starts at 12 a.m. and ends at 12:30 p.m.",
            [("12 a.m.", T, "00:00"), ("12:30 p.m.", T, "12:30")],
        ),
        ("The bus left at 18:45 sharp.", [("18:45", T, "18:45")]),
        ("Trains run at 10 PM.", [("10 PM", T, "22:00")]),
        ("It rose 3.5%.", [("3.5%", P, "3.5")]),
        ("It rose 12 pct.", [("12 pct", P, "12")]),
        ("The fine was ¥300,000.", [("¥300,000", M, "JPY 300000")]),
        ("She was the hundredth visitor.", [("hundredth", ORD, "100")]),
        ("Tickets sold out in 5 minutes; 40k fans came.", [("5", N, "5"), ("40k", N, "40000")]),
        ("Profits reached 3bn last year.", [("3bn", N, "3000000000")]),
        ("The 5km race and the 3D film.", [("5", N, "5")]),
        (
            "It cost three hundred and fifty dollars.",
            [("three hundred and fifty dollars", M, "USD 350")],
        ),
        ("He was 30 on 31 June 2020.", [("30", N, "30"), ("31 June 2020", D, "2020-06-31")]),
        ("They met at 25:00.", [("25", N, "25"), ("00", N, "0")]),
        ("Why am I 50 points ahead?", [("50", N, "50")]),
        # Near misses: names, list markers, pronouns, fractions, modal verbs.
        ("Ministers flew on a Boeing 737 to the summit.", []),
        ("The COVID-19 rules ended.", []),
        ("Leaders of the G7 met.", []),
        ("An F-16 crashed.", []),
        ("1. Bring water\n2. Bring food", []),
        ("One of the parties objected.", []),
        ("No one objected.", []),
        ("At first the plan worked.", []),
        ("Two-thirds of voters agreed.", []),
        ("A third of voters agreed.", []),
        ("She came a third time.", [("third", ORD, "3")]),
        ("Officials may 5 times a day", [("5", N, "5")]),
        ("Officials may meet.", []),
        ("The 5G network grew.", []),
        ("The shop is open 24/7.", []),
        ("The odd figure 1,20 stays out.", []),
        ("Mid-2024 the rate rose.", [("2024", Y, "2024")]),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


# A text with no digit is skipped unless a word could open a quantity; the words are
# read with their case, accents and neighbours as the tokens are. A near miss beside each.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tWeNtY delegates left.", [("tWeNtY", N, "20")]),
        ("Twentyfold growth followed.", []),
        ("They wrote \u201cone\u201d word.", [("one", N, "1")]),
        ("Someone left early.", []),
        ("A caf\u00e9 seventy metres away.", [("seventy", N, "70")]),
        ("An \u00e9one stood there.", []),
        ("The rally drew a\u00a0million.", [("a\u00a0million", N, "1000000")]),
        ("The rally drew a, million.", []),
        ("Fees reached A$5 per seat.", [("A$5", M, "AUD 5")]),
        ("Fees reached A5 per seat.", []),
        ("Prices doubled in Sept. 2019.", [("Sept. 2019", D, "2019-09-??")]),
        ("Prices doubled in Sept.", []),
        ("Tickets cost \u20ac5.", [("\u20ac5", M, "EUR 5")]),
        ("Tickets cost \u20ac.", []),
    ],
)
def test_texts_without_digits_are_screened_as_tokens_read(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


def test_a_range_reads_the_word_it_cuts_at_its_start() -> None:
    text = "Someone came."
    assert find_quantities(text) == ()
    (quantity,) = find_quantities(text, text.index("one"))
    assert (quantity.span.text, quantity.kind, quantity.value) == ("one", N, "1")


def test_screened_words_survive_the_ascii_screen() -> None:
    from newsdiff.detect._numbers import _SCREEN_WORDS

    # The screen reads every non-ASCII character as a space. Only the Kelvin sign
    # lower-cases into an ASCII letter, "k", so no screened word may hold a "k".
    into_ascii = [c for c in map(chr, range(0x110000)) if not c.isascii() and c.lower().isascii()]
    assert into_ascii == ["\u212a"]
    assert all(word.isascii() and b"k" not in word for word in _SCREEN_WORDS)


def test_spans_index_the_whole_text_when_reading_a_range() -> None:
    text = "Ignored 7. Officials counted 1,200 ballots. Also ignored 9."
    start = text.index("Officials")
    end = text.index("Also")
    (quantity,) = find_quantities(text, start, end)
    assert (quantity.span.start, quantity.span.end) == (start + 18, start + 23)
    assert text[quantity.span.start : quantity.span.end] == "1,200"


def test_money_unit_and_amount() -> None:
    (quantity,) = find_quantities("It cost C$40 million.")
    assert quantity.unit == "CAD"
    assert str(quantity.amount) == "40000000"


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("3", "three", True),
        ("1,200", "1200", True),
        ("1,200", "1.2 thousand", True),
        ("1,200", "1,300", False),
        ("40k", "40,000", True),
        ("$3m", "$3 million", True),
        ("January 3", "Jan. 3", True),
        ("January 3", "3 January", True),
        ("January 3", "January 3rd", True),
        ("January 3", "January 3, 2026", True),
        ("January 3", "January 4", False),
        ("January 3, 2025", "January 3, 2026", False),
        ("$5 million", "5 million dollars", True),
        ("$5 million", "5 million", True),
        ("$5 million", "$6 million", False),
        ("$5 million", "€5 million", False),
        ("20%", "twenty per cent", True),
        ("20%", "20", False),
        ("in 2024", "2,024", True),
        ("third", "3rd", True),
        ("third", "second", False),
        ("8 p.m.", "20:00", True),
        ("8 p.m.", "8 a.m.", False),
    ],
)
def test_quantities_match(left: str, right: str, same: bool) -> None:
    (a,) = find_quantities(left)
    (b,) = find_quantities(right)
    assert quantities_match(a, b) is same
    assert quantities_match(b, a) is same


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-5, max_value=250), st.integers(0, 250))
def test_never_crashes_and_spans_slice_the_input(text: str, start: int, end: int) -> None:
    for quantity in find_quantities(text, start, end):
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text
        assert max(0, start) <= quantity.span.start <= quantity.span.end <= end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "3",
                "three",
                "1,200",
                "$5",
                "million",
                "Jan.",
                "January",
                "3rd",
                "of",
                "%",
                "-",
                "p.m.",
                "a",
                "dozen",
                "and",
                ":",
                "30",
                "2026",
                ",",
                " ",
                "\n",
                "1.",
                "half",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_number_like_soup_slices_the_input(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text


def test_doctests() -> None:
    import doctest

    from newsdiff.detect import _numbers, numbers

    for module in (_numbers, numbers):
        result = doctest.testmod(module)
        assert result.failed == 0
        assert result.attempted > 0
