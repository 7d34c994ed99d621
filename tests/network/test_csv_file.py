"""Reading network CSVs as spreadsheets write them, and writing them back so they read the same."""

from __future__ import annotations

import pytest

from server.network.csv_file import CsvRefused, escape_cell, read_table, write_table

HEADER = "type;code;parent_code;kind;name;city;email;unit_code;role"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ((HEADER + "\r\nunit;PDV-1;;point de vente;Épinal Gare;Épinal;;;\r\n").encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + (HEADER + "\nunit;PDV-1;;point de vente;Épinal Gare;Épinal;;;\n").encode("utf-8"), "UTF-8 (BOM)"),
        ((HEADER + "\r\nunit;PDV-1;;point de vente;Épinal Gare;Épinal;;;\r\n").encode("cp1252"), "Windows-1252"),
        ((HEADER.replace(";", "\t") + "\nunit\tPDV-1\t\tpoint de vente\tÉpinal Gare\tÉpinal\t\t\t\n").encode("utf-16"), "UTF-16"),
        (("sep=;\r\n" + HEADER + "\r\nunit;PDV-1;;point de vente;Épinal Gare;Épinal;;;\r\n").encode("cp1252"), "Windows-1252"),
    ],
)
def test_every_spreadsheet_dialect_reads_the_same(content: bytes, encoding: str) -> None:
    # when a file saved by Excel (French or English), Sheets or LibreOffice is read
    table = read_table(content)
    # then the accents, the cells and the line numbers are the spreadsheet's
    assert table.encoding == encoding
    [row] = table.rows
    assert (row.get("name"), row.get("city"), row.get("code")) == ("Épinal Gare", "Épinal", "PDV-1")
    assert row.line == (3 if content.startswith(b"sep=") else 2)


def test_formula_looking_cells_are_flagged_unless_escaped_and_the_export_escapes_them() -> None:
    # given a file with a formula, a value escaped with an apostrophe and one that is fine
    table = read_table(b"email;name\nx@y.fr;=HYPERLINK(\"http://evil\")\nz@y.fr;'+Plus Store\nw@y.fr;-\n")
    # then the formula is flagged, the escaped value keeps its text without the apostrophe
    cells = [row.cells["name"] for row in table.rows]
    assert [(c.value, c.formula) for c in cells] == [('=HYPERLINK("http://evil")', True), ("+Plus Store", False), ("-", True)]
    # and what the export writes reads back as it was
    written = write_table([["unit", "PDV-PLUS", "", "POINT_OF_SALE", "+Plus Store", "", "", "", ""]])
    assert escape_cell("@home") == "'@home"
    assert read_table(written).rows[0].cells["name"].value == "+Plus Store"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "csv_empty"), (b"PK\x03\x04\x00\x00", "csv_not_text"), (b"first;last\nA;B\n", "csv_header_unknown"),
     (b"x" * (21 * 1024 * 1024), "csv_too_large")],
)
def test_files_that_cannot_be_read_are_refused_whole(content: bytes, code: str) -> None:
    with pytest.raises(CsvRefused) as refused:
        read_table(content)
    assert refused.value.code == code
