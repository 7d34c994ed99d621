"""Every GraphQL document the PWA sends, read from its TypeScript sources.

The app sends nothing but `operation('Name', `…`)` values (pwa/src/graphql/operation.ts, also
imported as `op`) through `request()` and `subscribe()`; their text is a template literal whose
`${CONSTANT}` parts are string constants of the same file or of another one. This reads them
the way the app builds them, and fails loudly on anything it cannot read, so a document written
some other way is noticed rather than silently left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PWA = Path(__file__).resolve().parents[1] / "pwa"
SOURCES = ("src", "sw")
CALL = re.compile(r"\b(?:op|operation)\s*(?=[<(])")
CONSTANT = re.compile(r"(?:export\s+)?const\s+([A-Z][A-Z0-9_]*)\s*=\s*(`[^`]*`|'[^'\n]*')\s*;")
INTERPOLATION = re.compile(r"\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")


@dataclass(frozen=True)
class PwaDocument:
    name: str
    query: str
    source: str  # the file it is written in, relative to pwa/


def _source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        for path in sorted((PWA / folder).rglob("*")):
            if path.suffix in {".ts", ".tsx"} and not path.name.endswith((".test.ts", ".test.tsx", ".d.ts")):
                files.append(path)
    return files


def _skip_type_arguments(text: str, at: int) -> int:
    """The index after `<…>` starting at `at` (arrows `=>` are not closing brackets)."""
    depth = 0
    index = at
    while index < len(text):
        char = text[index]
        if char == "<":
            depth += 1
        elif char == ">" and text[index - 1] != "=":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise AssertionError("unbalanced type arguments")


_CALL_ARGUMENTS = re.compile(r"\(\s*'([A-Za-z0-9_]+)'\s*,\s*`([^`]*)`\s*,?\s*\)")


def _constants(text: str) -> dict[str, str]:
    return {name: value[1:-1] for name, value in CONSTANT.findall(text)}


def _resolve(template: str, local: dict[str, str], shared: dict[str, str], where: str) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        value = local.get(name, shared.get(name))
        if value is None:
            raise AssertionError(f"{where}: cannot resolve ${{{name}}}")
        return _resolve(value, local, shared, where)

    return INTERPOLATION.sub(substitute, template)


def pwa_documents() -> list[PwaDocument]:
    files = _source_files()
    texts = {path: path.read_text() for path in files}
    shared: dict[str, str] = {}
    for text in texts.values():
        shared.update(_constants(text))
    documents: list[PwaDocument] = []
    for path, text in texts.items():
        where = str(path.relative_to(PWA))
        local = _constants(text)
        for call in CALL.finditer(text):
            if text[: call.start()].rstrip().endswith("function"):
                continue  # the definition of operation() itself
            index = call.end()
            if text[index] == "<":
                index = _skip_type_arguments(text, index)
            arguments = _CALL_ARGUMENTS.match(text, index)
            assert arguments, f"{where}: an operation whose document cannot be read at offset {call.start()}"
            name, template = arguments.groups()
            documents.append(PwaDocument(name, _resolve(template, local, shared, where), where))
    return documents
