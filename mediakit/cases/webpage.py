"""A web page saved from a browser ("Save page as..."), read as a report: its article text, and
the title, author and publication date the page itself states.

Why these libraries: a saved news page is mostly not the article (menus, cookie banners, share
buttons, related links, newsletter boxes, readers' comments, scripts). Telling the article apart
is what trafilatura is built and benchmarked for (it scores at the top of the open evaluations
of main-text extraction, is maintained, and reads the page's metadata: title and byline from
the markup and the usual meta tags); htmldate finds a page's publication date in its markup
(meta tags, structured data, ``<time>`` elements) and tells the original date from the last
update. Both are pure Python over lxml.

The kit's rule holds: what the page does not state stays unknown. The date is looked for in
the markup only (htmldate's pattern search in the running text is off: "on 3 May the river
rose" is not a publication date), and trafilatura's own date guess and the day the file was
saved are not used. Nothing is fetched: both libraries are given the page already parsed, never
a text they could take for an address to download.
"""

from __future__ import annotations

import html as _html
import logging
import re
from dataclasses import dataclass
from typing import Any

_SPACES = re.compile(r"[ \t\u00a0]+")

# what the libraries log about a page they find hard to read ("parsed tree length: 0") is not
# for a learner's notebook: the kit says in its own words when a page has no readable text
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SavedPage:
    """What a saved page holds: its readable ``text`` (paragraphs apart by a blank line, the
    title first when the page has one) and the metadata it states (None when it does not)."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD


def _tree(html: str) -> Any:
    from trafilatura import load_html

    return load_html(html)


def _blocks(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def publication_date(html: str) -> str | None:
    """The date the page says it was first published (YYYY-MM-DD), from its markup only."""
    from htmldate import find_date

    tree = _tree(html)
    if tree is None:
        return None
    try:
        found = find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):  # a date the page garbles is no date
        return None
    return _clean(found)


def read_saved_page(html: str) -> SavedPage:
    """The article of a saved web page, its title, author and publication date.

    The article is trafilatura's main text without comments; a page too short or too plain
    for it to find an article in (a page that is only the report) gives all its text instead.
    """
    from trafilatura import bare_extraction, html2txt

    tree = _tree(html)
    doc = None
    if tree is not None:
        doc = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    body = _blocks(getattr(doc, "text", None) or "")
    title = _clean(getattr(doc, "title", None))
    author = _clean(getattr(doc, "author", None))
    if not body:  # no article found: the page's readable text, scripts and styles left out
        body = _blocks(html2txt(html) or "")
    if not body and tree is None and "<" not in html:  # a page of bare text, no markup at all
        body = _blocks(_html.unescape(html))
    if title and body and _SPACES.sub(" ", body[0]).casefold() != title.casefold():
        body = [title, *body]
    return SavedPage(
        text="\n\n".join(body),
        title=title,
        author=author,
        date=publication_date(html) if body else None,
    )
