from __future__ import annotations

import pytest

from newsdiff import BoilerplateKind
from newsdiff._segment import segment


def sentences(text: str) -> list[str]:
    return [s.span.text for s in segment(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. government agreed. Officials said so.",
            ["The U.S. government agreed.", "Officials said so."],
        ),
        (
            "Gen. Smith met Mr. Jones on Jan. 3. They talked.",
            ["Gen. Smith met Mr. Jones on Jan. 3.", "They talked."],
        ),
        (
            "\u201cHe understood, he was very kind,\u201d she said. Then she left.",
            ["\u201cHe understood, he was very kind,\u201d she said.", "Then she left."],
        ),
        (
            '"Who has it? Who has the means? Nobody," he added. They left.',
            ['"Who has it? Who has the means? Nobody," he added.', "They left."],
        ),
        ("Will it work? Nobody knows.", ["Will it work?", "Nobody knows."]),
        # Abbreviations that run on: news style goes on after "p.m." before a day.
        pytest.param(
            "The attack began at 3 p.m. Friday. Police came.",
            ["The attack began at 3 p.m. Friday.", "Police came."],
            id="time-then-weekday",
        ),
        pytest.param(
            "Polls close at 8 P.M. Eastern time.",
            ["Polls close at 8 P.M. Eastern time."],
            id="time-then-zone-word",
        ),
        pytest.param(
            "It opens at 10 a.m. ET daily.", ["It opens at 10 a.m. ET daily."], id="time-then-zone"
        ),
        pytest.param(
            "The deadline is 5 p.m. Sept. 30, officials said.",
            ["The deadline is 5 p.m. Sept. 30, officials said."],
            id="time-then-date",
        ),
        pytest.param(
            "Prices rose approx. 5 percent.", ["Prices rose approx. 5 percent."], id="approx-number"
        ),
        pytest.param(
            "The talks end at 5 p.m. The mayor speaks first.",
            ["The talks end at 5 p.m.", "The mayor speaks first."],
            id="near-time-then-new-sentence",
        ),
        pytest.param(
            "Fans waited until 2 a.m. Sunday's game ran late.",
            ["Fans waited until 2 a.m.", "Sunday's game ran late."],
            id="near-weekday-possessive-starts-a-sentence",
        ),
        pytest.param(
            "He was ranked No. 2. He lost.",
            ["He was ranked No. 2.", "He lost."],
            id="near-number-then-new-sentence",
        ),
        pytest.param(
            "The cat was named Max. 5 more were found.",
            ["The cat was named Max.", "5 more were found."],
            id="near-name-then-number",
        ),
    ],
)
def test_sentences_respect_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_slice_the_raw_text_with_crlf() -> None:
    text = "Title Of The Story\r\n\r\nFirst one. Second one.\r\n\r\nThird one.\r\n"
    doc = segment(text)
    assert [s.span.text for s in doc.sentences] == [
        "Title Of The Story",
        "First one.",
        "Second one.",
        "Third one.",
    ]
    assert all(text[s.span.start : s.span.end] == s.span.text for s in doc.sentences)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]


def test_headline_is_a_short_first_line_without_final_punctuation() -> None:
    assert segment("Storm Hits Coast\n\nA storm hit the coast.").headline is not None
    assert segment("A storm hit the coast.\n\nIt was bad.").headline is None
    assert segment("Storm Hits Coast").headline is None  # a one-line text has no headline


@pytest.mark.parametrize(
    ("text", "kind", "boiler"),
    [
        ("date 2026-01-21 Officials met. They left.", BoilerplateKind.DATELINE, "date 2026-01-21"),
        ("UPDATE: Officials met. They left.", BoilerplateKind.UPDATE_MARKER, "UPDATE:"),
        (
            "WASHINGTON (Reuters) - Officials met. They left.",
            BoilerplateKind.DATELINE,
            "WASHINGTON (Reuters) -",
        ),
        (
            "Officials met.\n\u00a9 2025 Daily Paper. All rights reserved.\n",
            BoilerplateKind.COPYRIGHT,
            "\u00a9 2025 Daily Paper. All rights reserved.",
        ),
        # A mark alone opens a footer in any paragraph, not only the first.
        (
            "Officials met.\n\n\u00a9 2025 Daily Paper",
            BoilerplateKind.COPYRIGHT,
            "\u00a9 2025 Daily Paper",
        ),
        (
            "Officials met.\n\nCopyright 2025 Daily Paper",
            BoilerplateKind.COPYRIGHT,
            "Copyright 2025 Daily Paper",
        ),
    ],
)
def test_boilerplate_is_marked_and_kept_out_of_sentences(
    text: str, kind: BoilerplateKind, boiler: str
) -> None:
    doc = segment(text)
    assert [(b.kind, b.span.text) for b in doc.boilerplate] == [(kind, boiler)]
    assert all(boiler not in s.span.text for s in doc.sentences)
    assert doc.sentences[0].span.text == "Officials met."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "UPDATE: date 2026-01-21 Officials met.",
            [
                (BoilerplateKind.UPDATE_MARKER, "UPDATE:"),
                (BoilerplateKind.DATELINE, "date 2026-01-21"),
            ],
            id="update-then-dateline",
        ),
        pytest.param(
            "date 2026-01-21 UPDATE: Officials met.",
            [
                (BoilerplateKind.DATELINE, "date 2026-01-21"),
                (BoilerplateKind.UPDATE_MARKER, "UPDATE:"),
            ],
            id="dateline-then-update",
        ),
        pytest.param(
            "\u00a0date\u00a02026-01-21\u00a0Officials met.",
            [(BoilerplateKind.DATELINE, "date\u00a02026-01-21")],
            id="no-break-spaces",
        ),
        pytest.param(
            "WASHINGTON\u2009(AP)\u00a0\u2014 Officials met.",
            [(BoilerplateKind.DATELINE, "WASHINGTON\u2009(AP)\u00a0\u2014")],
            id="thin-space-wire-dateline",
        ),
        pytest.param(
            "BREAKING\u00a0NEWS: Officials met.",
            [(BoilerplateKind.UPDATE_MARKER, "BREAKING\u00a0NEWS:")],
            id="no-break-space-in-marker",
        ),
    ],
)
def test_boilerplate_prefixes_in_any_order_and_with_any_space(
    text: str, expected: list[tuple[BoilerplateKind, str]]
) -> None:
    doc = segment(text)
    assert [(b.kind, b.span.text) for b in doc.boilerplate] == expected
    assert [s.span.text for s in doc.sentences] == ["Officials met."]


def test_update_inside_a_sentence_is_not_boilerplate() -> None:
    doc = segment("The UPDATE: button was removed. Users complained.")
    assert doc.boilerplate == ()


def test_copyright_word_inside_a_paragraph_is_not_boilerplate() -> None:
    doc = segment("Officials met.\n\nThe copyright dispute went to court. It lasted a year.")
    assert doc.boilerplate == ()


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_paragraphs_do_not_depend_on_the_line_end(line_end: str) -> None:
    lines = segment(line_end.join(["One para here.", "Second para here.", "Third."]))
    assert [p.text for p in lines.paragraphs] == ["One para here.", "Second para here.", "Third."]
    blocks = segment(line_end.join(["First block", "goes on.", "", "Second block."]))
    assert [p.text for p in blocks.paragraphs] == [
        f"First block{line_end}goes on.",
        "Second block.",
    ]


def test_lines_are_paragraphs_when_there_are_no_blank_lines() -> None:
    doc = segment("One para here.\nSecond para here.\n\n\n\n")
    assert [p.text for p in doc.paragraphs] == ["One para here.", "Second para here."]
