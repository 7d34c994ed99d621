"""Every GraphQL document the PWA sends, read from its generated modules.

The app sends only the documents GraphQL Code Generator writes from pwa/src/graphql/*.graphql
into `<domain>.generated.ts` (`export const XDocument = new TypedDocumentString(`…`)`), each
with the fragments it spreads; the service worker imports the same modules. This reads those
texts as they are sent, and fails loudly when a generated module holds none, so a document
written some other way is noticed rather than silently left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PWA = Path(__file__).resolve().parents[1] / "pwa"
GENERATED = PWA / "src" / "graphql"
DOCUMENT = re.compile(r"export const (\w+)Document = new TypedDocumentString\(`(.*?)`\)", re.S)


@dataclass(frozen=True)
class PwaDocument:
    name: str
    query: str
    source: str  # the file it is written in, relative to pwa/


def pwa_documents() -> list[PwaDocument]:
    documents: list[PwaDocument] = []
    for path in sorted(GENERATED.glob("*.generated.ts")):
        if path.name == "types.generated.ts":
            continue
        text = path.read_text(encoding="utf-8")
        found = DOCUMENT.findall(text)
        if not found and "FragmentDoc = new TypedDocumentString" in text:
            continue  # shared fragments only (e.g. texts.graphql), sent inside the others
        assert found, f"{path.name} holds no document the app could send"
        source = str(path.relative_to(PWA)).replace(".generated.ts", ".graphql")
        documents += [PwaDocument(name, query.strip(), source) for name, query in found]
    names = [d.name for d in documents]
    assert len(names) == len(set(names)), "two documents share a name"
    return documents
