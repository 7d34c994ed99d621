"""`python -m schema` (`make schema`) writes what is generated from the code: the committed SDL
(schema/schema.graphql) and the integrators' guide's table of error codes (docs/integrators.md,
from server/i18n.py), so neither can drift; tests check both."""

from pathlib import Path

from schema import schema
from server.i18n import MESSAGES

PATH = Path(__file__).with_name("schema.graphql")
GUIDE = Path(__file__).resolve().parent.parent / "docs" / "integrators.md"
TABLE_MARK = "<!-- error-codes:"


def error_code_table() -> str:
    rows = [f"| `{code}` | {texts['en'].replace('|', '/')} |" for code, texts in MESSAGES.items()]
    return "\n".join(["| code | message (English) |", "|---|---|", *rows])


def rewrite_guide(text: str) -> str:
    """The guide with its error-code table (after the marker, up to a blank line) rebuilt."""
    head, mark, rest = text.partition(TABLE_MARK)
    marker_line, _, after = rest.partition("\n")
    table_end = after.find("\n\n")
    tail = after[table_end:] if table_end >= 0 else "\n"
    return f"{head}{mark}{marker_line}\n{error_code_table()}{tail}"


if __name__ == "__main__":
    PATH.write_text(schema.as_str() + "\n")
    print(f"wrote {PATH}")
    GUIDE.write_text(rewrite_guide(GUIDE.read_text()))
    print(f"wrote the error codes of {GUIDE}")
