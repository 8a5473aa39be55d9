from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff import InputError, NewsdiffError, load_text
from newsdiff._text import check_text, decode, fold, fold_with_offsets


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Caf\u00e9 news.".encode(), "Caf\u00e9 news."),
        (b"\xef\xbb\xbf" + "Caf\u00e9 news.".encode(), "Caf\u00e9 news."),
        ("Caf\u00e9 news.".encode("utf-16"), "Caf\u00e9 news."),
        ("Caf\u00e9 news.".encode("utf-32"), "Caf\u00e9 news."),
        (b"Line one.\r\nLine two.\rLine three.", "Line one.\r\nLine two.\rLine three."),
    ],
)
def test_decode_known_encodings_and_keeps_line_ends(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_decode_detects_a_legacy_encoding() -> None:
    text = (
        "El presidente de M\u00e9xico se reuni\u00f3 con los l\u00edderes de la oposici\u00f3n. "
        * 5
    )
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        ("\u200b\u200b".encode(), "empty"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "HTML"),
    ],
)
def test_decode_refuses_unusable_input(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        decode(data, name="upload")


def test_errors_belong_to_the_hierarchy_and_name_the_input() -> None:
    with pytest.raises(NewsdiffError, match=r"^upload: "):
        decode(b"", name="upload")
    assert issubclass(InputError, ValueError)


def test_size_limit_is_configurable() -> None:
    with pytest.raises(InputError, match="over the limit"):
        check_text("x" * 11, max_chars=10)
    assert check_text("x" * 10, max_chars=10) == "x" * 10


def test_inline_tags_in_an_article_are_text_not_html() -> None:
    text = "The post said <script>alert(1)</script> and nothing else."
    assert check_text(text) == text


def test_load_text_reads_paths_and_reports_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 said so.\r\n".encode())
    assert load_text(path) == "Caf\u00e9 said so.\r\n"
    with pytest.raises(InputError, match="cannot read"):
        load_text(tmp_path / "missing.txt")


def test_load_text_takes_str_as_text_not_as_a_path() -> None:
    assert load_text("seeds/000.txt") == "seeds/000.txt"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("\u201cQuote\u201d", '"quote"'),
        ("it\u2019s", "it's"),
        ("a \u2014 b", "a - b"),
        ("Nicol\u00e1s", "Nicolas"),
        ("Nicola\u0301s", "Nicolas"),
        ("a\u00a0\u00a0b", "a b"),
        ("wo\u200brd", "word"),
        ("  several   spaces\n\nhere ", "several spaces here"),
    ],
)
def test_fold_ignores_typography(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_fold_keeps_acronyms_apart_from_words() -> None:
    assert fold("US") != fold("us")
    assert fold("The") == fold("the")


def test_fold_offsets_map_back_to_the_raw_text() -> None:
    raw = "  \u201cNicol\u00e1s\u201d \u00a0said"
    folded = fold_with_offsets(raw)
    assert folded.text == '"nicolas" said'
    start = folded.text.index("nicolas")
    s, e = folded.to_raw(start, start + len("nicolas"))
    assert raw[s:e] == "Nicol\u00e1s"
    s, e = folded.to_raw(0, len(folded.text))
    assert raw[s:e] == "\u201cNicol\u00e1s\u201d \u00a0said"
