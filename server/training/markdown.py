"""A safe subset of Markdown: parsed into blocks, rendered to HTML where every text is escaped.

Supported: `## ` and `### ` headings, paragraphs, `- ` and `1. ` lists, `**bold**`,
`*italic*`, and `[text](https://…)` links (http and https only). Anything else, HTML
included, stays literal text. The PWA renders the blocks as elements with text children;
other clients may use the HTML, which holds only the tags listed here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_INLINE = re.compile(
    r"\*\*(?P<strong>[^*\n]+)\*\*"
    r"|\*(?P<em>[^*\n]+)\*"
    r"|\[(?P<text>[^\]\n]+)\]\((?P<href>https?://[^\s)]+)\)"
)
_ORDERED = re.compile(r"^\d{1,3}[.)] ")


@dataclass(slots=True)
class Span:
    kind: str  # text | strong | em | link
    text: str
    href: str | None = None


@dataclass(slots=True)
class Block:
    kind: str  # heading2 | heading3 | paragraph | bullets | numbers
    spans: list[Span] = field(default_factory=list)
    items: list[list[Span]] = field(default_factory=list)


def inline(text: str) -> list[Span]:
    spans: list[Span] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            spans.append(Span("text", text[position : match.start()]))
        if match.group("strong") is not None:
            spans.append(Span("strong", match.group("strong")))
        elif match.group("em") is not None:
            spans.append(Span("em", match.group("em")))
        else:
            spans.append(Span("link", match.group("text"), match.group("href")))
        position = match.end()
    if position < len(text):
        spans.append(Span("text", text[position:]))
    return spans


def parse(source: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in source.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("### ") or line.startswith("## "):
            flush()
            level = "heading3" if line.startswith("### ") else "heading2"
            blocks.append(Block(level, inline(line.lstrip("#").strip())))
            continue
        kind = "bullets" if line.startswith(("- ", "* ")) else "numbers" if _ORDERED.match(line) else None
        if kind is not None:
            flush()
            item = line[2:] if kind == "bullets" else _ORDERED.sub("", line, count=1)
            if not blocks or blocks[-1].kind != kind:
                blocks.append(Block(kind))
            blocks[-1].items.append(inline(item.strip()))
            continue
        if blocks and blocks[-1].kind in ("bullets", "numbers") and not paragraph and raw[:1] == " ":
            blocks[-1].items[-1].extend(inline(" " + line))  # an indented continuation line
            continue
        paragraph.append(line)
    flush()
    return blocks


def _spans_html(spans: list[Span]) -> str:
    out = []
    for span in spans:
        text = html.escape(span.text, quote=True)
        if span.kind == "strong":
            out.append(f"<strong>{text}</strong>")
        elif span.kind == "em":
            out.append(f"<em>{text}</em>")
        elif span.kind == "link":
            href = html.escape(span.href or "", quote=True)
            out.append(f'<a href="{href}" rel="noopener noreferrer nofollow">{text}</a>')
        else:
            out.append(text)
    return "".join(out)


def to_html(source: str) -> str:
    parts = []
    for block in parse(source):
        if block.kind == "heading2":
            parts.append(f"<h2>{_spans_html(block.spans)}</h2>")
        elif block.kind == "heading3":
            parts.append(f"<h3>{_spans_html(block.spans)}</h3>")
        elif block.kind == "paragraph":
            parts.append(f"<p>{_spans_html(block.spans)}</p>")
        else:
            tag = "ul" if block.kind == "bullets" else "ol"
            items = "".join(f"<li>{_spans_html(item)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
    return "\n".join(parts)
