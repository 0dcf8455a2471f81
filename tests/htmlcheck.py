"""Parse rendered HTML back with html.parser: check it is well formed and collect its text."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}
# the elements mediakit's renderers emit themselves; anything else came from report text
OWN_TAGS = {
    "style",
    "div",
    "span",
    "sup",
    "b",
    "br",
    "p",
    "dl",
    "dt",
    "dd",
    "ul",
    "li",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


class Parsed(HTMLParser):
    """Tags seen, nesting errors, and the text inside .mk-text without notes and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.tags: set[str] = set()
        self.errors: list[str] = []
        self.report_text: list[str] = []
        self.all_text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)
        classes = set((dict(attrs).get("class") or "").split())
        if tag not in VOID:
            self.stack.append((tag, classes))

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with open {[t for t, _ in self.stack]}")
            return
        self.stack.pop()

    def _in(self, cls: str) -> bool:
        return any(cls in c for _, c in self.stack)

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            return
        self.all_text.append(data)
        if self._in("mk-text") and not self._in("mk-note") and not self._in("mk-tag"):
            self.report_text.append(data)

    def handle_comment(self, data):
        self.tags.add("!--")

    def handle_decl(self, decl):
        self.tags.add("!decl")

    def handle_pi(self, data):
        self.tags.add("?pi")

    def unknown_decl(self, data):
        self.tags.add("!unknown")


def parse(html: str) -> Parsed:
    p = Parsed()
    p.feed(html)
    p.close()
    if p.stack:
        p.errors.append(f"unclosed {[t for t, _ in p.stack]}")
    return p


def assert_safe(html: str) -> Parsed:
    """Well formed, only the renderer's own elements, no event-handler attributes."""
    p = parse(html)
    assert not p.errors, p.errors
    assert p.tags <= OWN_TAGS, f"foreign elements: {p.tags - OWN_TAGS}"
    bad = [k for k, _ in p.attrs if k.lower().startswith("on") or k.lower() in ("src", "href")]
    assert not bad, f"unexpected attributes: {bad}"
    return p
