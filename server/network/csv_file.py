"""Reading a network CSV as people make them: Excel in French (`;`, Windows-1252), Excel in
English or Google Sheets (`,`, UTF-8, with or without a BOM), LibreOffice (tabs, UTF-16).

The file as a whole is refused (`CsvRefused`) when it cannot be read at all: too large, not
text, no header, no column we know. Anything else is reported per line and column by the
check (server.network.import_check).

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
return) are refused, never neutralised: the importer learns which cell, and a value that must
start with such a character is written with a leading apostrophe (`'+33…`), which is taken off.
The export writes them that way (`escape_cell`), so an exported file reads back unchanged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from server.errors import DomainError

MAX_BYTES = 20 * 1024 * 1024
MAX_LINES = 100_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# every column, by the names people give it (lower-cased, accents and spaces as typed)
COLUMNS: dict[str, tuple[str, ...]] = {
    "type": ("type",),
    "code": ("code", "code_unite", "code unité", "code unite", "external_code", "code_externe"),
    "parent_code": ("parent_code", "parent", "code_parent", "code parent", "parent code"),
    "kind": ("kind", "niveau", "level"),
    "name": ("name", "nom", "display_name", "nom_affiche"),
    "city": ("city", "ville"),
    "email": ("email", "e-mail", "mail", "courriel", "adresse e-mail"),
    "unit_code": ("unit_code", "unit", "unite", "unité", "code_unite_personne", "unit code"),
    "role": ("role", "rôle"),
}
EXPORT_HEADER = ["type", "code", "parent_code", "kind", "name", "city", "email", "unit_code", "role"]


class CsvRefused(DomainError):
    """The file cannot be read at all; `code` says why (csv_too_large, csv_not_text, ...)."""

    kind = "validation"

    def __init__(self, code: str, **params: object) -> None:
        super().__init__("file", **params)
        self.code = code  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    formula: bool = False  # looked like a formula: refused


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # as a spreadsheet numbers it (the header is line 1)
    cells: dict[str, Cell]

    def get(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.value if cell is not None else ""


@dataclass(frozen=True, slots=True)
class CsvTable:
    encoding: str
    delimiter: str
    columns: list[str]  # the known columns found, in the file's order
    rows: list[Row]


def decode(content: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: a BOM says it; else UTF-8 if it reads as UTF-8;
    else Windows-1252 (French Excel), else Latin-1 (which reads anything)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "UTF-16"
    if b"\x00" in content[:4096]:
        raise CsvRefused("csv_not_text")
    try:
        return content.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "Latin-1"


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _column(name: str) -> str | None:
    key = name.strip().strip('"').lower()
    for column, names in COLUMNS.items():
        if key in names:
            return column
    return None


def clean_cell(raw: str) -> Cell:
    value = raw.strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        return Cell(value[1:])
    if raw.startswith(FORMULA_START) or value.startswith(FORMULA_START):
        return Cell(value, formula=True)
    return Cell(value)


def escape_cell(value: str) -> str:
    """A value written so that no spreadsheet runs it: a leading apostrophe before =, +, -, @."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def read_table(content: bytes) -> CsvTable:
    if len(content) > MAX_BYTES:
        raise CsvRefused("csv_too_large", max_mb=MAX_BYTES // (1024 * 1024))
    if not content.strip():
        raise CsvRefused("csv_empty")
    text, encoding = decode(content)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = _delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise CsvRefused("csv_empty") from None
    names = [_column(name) for name in header]
    known = [n for n in names if n is not None]
    if "email" not in known and "code" not in known:
        raise CsvRefused("csv_header_unknown", expected=delimiter.join(EXPORT_HEADER))
    rows: list[Row] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_LINES:
                raise CsvRefused("csv_too_many_lines", max=MAX_LINES)
            cells = {name: clean_cell(value) for name, value in zip(names, values, strict=False) if name is not None}
            rows.append(Row(reader.line_num, cells))
    except csv.Error:
        raise CsvRefused("csv_unreadable", line=reader.line_num) from None
    return CsvTable(encoding, delimiter, known, rows)


def write_table(rows: list[list[str]], delimiter: str = ";") -> bytes:
    """The export: UTF-8 with a BOM (so French Excel reads the accents), `;` by default."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow([escape_cell(value) for value in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
