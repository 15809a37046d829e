from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.ingest.decode import declared_encoding, decode

SAMPLE = "Café owners “welcomed” the mayor’s plan — naïve or not, it costs €4.5 million."


@pytest.mark.parametrize("data", [
    SAMPLE.encode("utf-8"),
    codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
    SAMPLE.encode("utf-16"),  # with its BOM
    codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
])
def test_decode_unicode_encodings(data: bytes) -> None:
    text, notes = decode(data, "x.txt")
    assert text == SAMPLE
    assert notes == []


def test_decode_detects_legacy_encoding() -> None:
    body = (SAMPLE + " The council’s “reform” was debated for hours. ") * 5
    text, notes = decode(body.encode("cp1252"), "old.txt")
    assert "“welcomed”" in text and "naïve" in text and "€4.5" in text
    assert any("decoded as" in note for note in notes)


def test_decode_uses_declared_html_charset() -> None:
    page = ('<html><head><meta charset="iso-8859-1"></head><body><p>Göteborg, Málaga'
            '</p></body></html>').encode("latin-1")
    assert declared_encoding(page) == "iso8859-1"
    text, _ = decode(page, "page.html")
    assert "Göteborg, Málaga" in text


@pytest.mark.parametrize("data,problem", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (b"%PDF-1.7\n" + bytes(300), "PDF"),
    (bytes(range(256)) * 20, "binary"),
])
def test_decode_refuses_empty_and_binary(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as info:
        decode(data, "bad.txt")
    assert info.value.source == "bad.txt"


@given(st.binary(max_size=2000))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text, _ = decode(data, "fuzz.bin")
    except InputError as exc:
        assert exc.source == "fuzz.bin"
    else:
        assert isinstance(text, str)
