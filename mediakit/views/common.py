"""Shared by every view: display names of kinds and categories, escaping, table markup,
the kit's stylesheet and short report labels."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..cases.case import Case

LAYERS: tuple[str, ...] = ("quotes", "sources", "figures", "terms", "boilerplate")

LAYER_NAMES: dict[str, str] = {
    "quotes": "Quotes",
    "sources": "Sources",
    "figures": "Figures",
    "terms": "Loaded terms",
    "boilerplate": "Boilerplate",
}

SOURCE_TYPE_NAMES: dict[str, str] = {
    "named_person": "named person",
    "anonymous_person": "anonymous person",
    "official_body": "official body",
    "media_outlet": "media outlet",
    "ngo": "NGO / aid group",
    "partisan_unnamed": "unnamed side (\u201cpro-X sources\u201d)",
    "unspecified": "unspecified",
}
SOURCE_TYPE_HELP: dict[str, str] = {
    "named_person": "a person the report names, so a reader could check who they are",
    "anonymous_person": "a person the report describes but does not name",
    "official_body": "a government, army, ministry or other institution speaking as a body",
    "media_outlet": "another newspaper, agency or channel",
    "ngo": "a non-governmental or aid organisation",
    "partisan_unnamed": "an unnamed group identified only by the side it is on",
    "unspecified": "a vague source such as \u201creports\u201d or \u201csome sources\u201d",
}
SOURCE_TAGS: dict[str, str] = {
    "named_person": "named",
    "anonymous_person": "anon",
    "official_body": "official",
    "media_outlet": "media",
    "ngo": "NGO",
    "partisan_unnamed": "side",
    "unspecified": "vague",
}
TERM_NAMES: dict[str, str] = {
    "victory_framing": "victory framing",
    "violence_framing": "violence framing",
    "actor_labeling": "actor label",
    "hedge": "hedge",
    "intensifier": "intensifier",
    "scare_quotes": "scare quotes",
    "loaded_verb": "loaded verb",
    "evaluative": "judging word",
    "doubt_casting": "doubt-casting word",
    "dismissive": "dismissive framing",
}
TERM_HELP: dict[str, str] = {
    "victory_framing": "words that present taking ground as a win or a liberation rather than "
    "describing it neutrally",
    "violence_framing": "words that describe force or harm in a charged way",
    "actor_labeling": "names for a side that carry a judgement (for example calling a group "
    "'terrorists' or 'rebels', or a government 'the regime')",
    "hedge": "words that signal uncertainty or distance (reportedly, allegedly, appeared to)",
    "intensifier": "words that make something sound bigger or more certain (key, massive, "
    "all-important)",
    "scare_quotes": "quotation marks around a single word or phrase that signal doubt or irony",
    "loaded_verb": "verbs of saying or doing that judge the act (slammed, boasted, caved in) where "
    "a plain verb (said, criticised, gave way) would do",
    "evaluative": "adjectives and adverbs that give the writer's opinion (bizarre, reckless, "
    "staunchly) rather than a fact a reader could check",
    "doubt_casting": "words for what someone says that hint it is untrue (claimed, baseless, lies) "
    "where 'said' would be neutral",
    "dismissive": "words that wave a view or a move away instead of describing it (narrative, "
    "conspiracy theory, stunt, desperate)",
}
BOILERPLATE_NAMES: dict[str, str] = {
    "self_description": "the outlet describing itself",
    "donation": "asking for money",
    "share_request": "asking readers to share",
    "newsletter": "newsletter",
    "read_more": "'read more' line",
    "disclaimer": "disclaimer",
    "byline_meta": "byline, date or tags",
    "contact": "contact details",
    "navigation": "website navigation",
    "caption": "photo caption",
    "pull_quote": "pull quote",
    "media_link": "link to a video or picture",
    "separator": "separator",
    "outside the article": "outside the article",
}
# kinds of boilerplate that carry no words worth explaining: not listed, not marked
HIDDEN_BOILERPLATE: frozenset[str] = frozenset({"separator"})

VERDICT_NAMES: dict[str, str] = {
    "single": "only one report gives this",
    "agree": "reports agree",
    "disagree": "reports disagree",
    "look_alike": "same number, different things",
    "differ": "reports give different numbers",
}

# words of a figure group's label (the comparison stage's terms) in plain words
_WHAT_WORDS: dict[str, str] = {
    "casualties": "killed or wounded",
    "things": "other things",
    "points": "positions",
    "places": "villages and towns",
}


def boilerplate_name(kind: str | None) -> str:
    """A boilerplate kind in plain words ("newsletter", "pull quote")."""
    k = (kind or "").strip()
    return BOILERPLATE_NAMES.get(k, BOILERPLATE_NAMES.get(k.replace(" ", "_"), k.replace("_", " ")))


def verdict_name(verdict: str | None) -> str:
    """A figure group's verdict in plain words ("only one report gives this")."""
    if not verdict:
        return "not compared"
    return VERDICT_NAMES.get(str(verdict), str(verdict).replace("_", " "))


def what_name(what: str | None) -> str:
    """What a figure group counts, in plain words ("people killed or wounded")."""
    text = " ".join(str(what or "?").split())
    m = re.fullmatch(r"(.+?), (.+?) side( \(.*\))?", text)
    if m:  # "casualties, fighters side (may happen)" -> "fighters' side: killed or wounded (...)"
        text = f"{m.group(2)} side: {m.group(1)}{m.group(3) or ''}"
    return re.sub(r"[A-Za-z-]+", lambda w: _WHAT_WORDS.get(w.group(), w.group()), text)


def agentless(record: Any) -> bool:
    """True when a source record names nobody: the 'source' is the reporting words themselves
    ("were also reported", "reportedly", "are said"), not a person, body or outlet."""
    src = " ".join(str(get_field(record, "source") or "").lower().split())
    cue = " ".join(str(get_field(record, "cue") or "").lower().split())
    if not src:
        return True
    words = src.split()
    aux = {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "also",
        "reportedly",
        "allegedly",
        "said",
        "reported",
        "believed",
        "thought",
        "understood",
    }
    return src == cue or all(w in aux or w == cue for w in words)


def source_name(record: Any) -> str:
    """Who a source record names, in words for a learner; "no source named ('were also
    reported')" when the report pins the claim on nobody."""
    src = " ".join(str(get_field(record, "source") or "").split())
    if agentless(record):
        return f"no source named (‘{src}’)" if src else "no source named"
    return src


NOT_A_VERDICT = "Counts, not a verdict: read the words in the reader."

BOILERPLATE_HELP = (
    "Text around the article that the outlet adds to every page (appeals, disclaimers, links, "
    "captions). It is greyed, not deleted: how an outlet presents itself is evidence too."
)

# Okabe–Ito palette, shared with mediakit.views.plots
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)


def esc(value: Any) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def get_field(obj: Any, name: str, default: Any = None) -> Any:
    """Read a field from a record that may be a dataclass, an object or a dict."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


# what a mark's ``review`` field says, in words for a learner (docs/review.md)
REVIEW_WORDS = {
    "": "found by the machine (not checked by a person)",
    "confirmed": "checked by your teacher: confirmed",
    "corrected": "checked by your teacher: corrected",
}


def review_words(record: Any) -> str:
    """Who vouches for a mark: "checked by your teacher: corrected" or "found by the machine
    (not checked by a person)"."""
    value = get_field(record, "review") or ""
    return REVIEW_WORDS.get(value, REVIEW_WORDS[""])


def is_checked(record: Any) -> bool:
    """True when a teacher confirmed or corrected the mark (the case's review.toml)."""
    return (get_field(record, "review") or "") in ("confirmed", "corrected")


def checked_counts(analysis: Any) -> tuple[int, int]:
    """(marks a teacher checked, all marks) over the quotes, sources, figures and loaded terms
    of an analysis (dropped marks are gone from it, so they count in neither)."""
    checked = total = 0
    for rec in getattr(analysis, "records", {}).values():
        for m in (*rec.quotes, *rec.attributions, *rec.figures, *rec.loaded_terms):
            total += 1
            checked += is_checked(m)
    return checked, total


def review_summary(analysis: Any) -> str:
    """What the teacher's review.toml did to this analysis, in plain words; "" with no review
    (then every mark is the machine's, as the kit's notes say)."""
    rv = getattr(analysis, "review", None)
    if rv is None:
        return ""
    checked, total = checked_counts(analysis)
    text = (
        f"Your teacher checked {checked} of the {total} marks ({rv.confirmed} confirmed, "
        f"{rv.corrected} corrected, {rv.dropped} dropped as not a mark); they say "
        "\u201c\u2713 checked\u201d. Every other mark was found by the machine and may be wrong."
    )
    if rv.stale:
        n = len(rv.stale)
        text += (
            f" {n} {'entry' if n == 1 else 'entries'} of {rv.file} no longer "
            f"{'fits' if n == 1 else 'fit'} the text and {'was' if n == 1 else 'were'} not applied."
        )
    return text


def _short_ids(ids: Sequence[str]) -> dict[str, str]:
    """The shortest end of each id (its last words, split at - _ . or space) that tells it apart
    from the others: ``globalresearch-sf-jan26`` and ``globalresearch-sf-jan31`` give ``jan26``
    and ``jan31``; an id that is no longer than 12 characters is kept whole."""
    words = {i: [w for w in re.split(r"[-_. ]+", i) if w] or [i] for i in ids}
    out = {}
    for i in ids:
        short = i
        for k in range(1, len(words[i]) + 1):
            tail = "-".join(words[i][-k:])
            if all("-".join(words[j][-k:]) != tail for j in ids if j != i):
                short = tail
                break
        out[i] = short if len(short) < len(i) else i
    return out


def row_labels(case: Case, *, sep: str = " ") -> dict[str, str]:
    """How each report is named in a table row, a chart, a checkbox or a list, by report id.

    The report's label (its outlet), with what tells it apart added in brackets when another
    report of the case has the same label, so two reports of one outlet stay apart and the label
    stays short: the reports' dates when each has its own, else who first published each (when
    they differ), else the shortest end of the report id that differs
    (``"Global Research (jan26)"`` and ``"Global Research (jan31)"``). ``sep`` goes before the
    bracket (``"\\n"`` for chart ticks). Every table, the reader, the filters and the charts
    use this, so a report has one name everywhere.
    """
    groups: dict[str, list[Any]] = {}
    for r in case.reports:
        groups.setdefault(r.label, []).append(r)
    out: dict[str, str] = {}
    for label, reps in groups.items():
        if len(reps) == 1:
            out[reps[0].id] = label
            continue
        dates = [_day(r.date) for r in reps]
        authors = [str(r.original_author or "").strip() for r in reps]
        known = [d for d in dates if d]
        if len(known) >= len(reps) - 1 and len(set(known)) == len(known) and known:
            # the copy's own date; a copy that prints none is said to be undated, never given
            # a date taken from its file name or id
            extra = {r.id: d or "undated copy" for r, d in zip(reps, dates, strict=True)}
        elif all(authors) and len(set(authors)) == len(reps):
            extra = {r.id: f"from {a}" for r, a in zip(reps, authors, strict=True)}
        else:
            extra = _short_ids([r.id for r in reps])
        for r in reps:
            out[r.id] = f"{label}{sep}({extra[r.id]})"
    return {r.id: out[r.id] for r in case.reports}


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(value: Any) -> str:
    """A report's date as a reader writes it ("3 Feb 2020"); other forms are kept as given."""
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return text


def row_label(case: Case, report_id: str) -> str:
    """The row label of one report (see :func:`row_labels`); an unknown id is shown as itself."""
    return row_labels(case).get(report_id, report_id)


def slug_of(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "r"


@lru_cache(maxsize=1)
def css() -> str:
    """The kit's stylesheet (``mediakit/views/static/mediakit.css``) as text."""
    return (resources.files("mediakit.views") / "static" / "mediakit.css").read_text("utf-8")


def style_tag() -> str:
    """A ``<style>`` element with the kit's stylesheet; every class it styles starts ``mk-``."""
    return f"<style>{css()}</style>"


# --------------------------------------------------------------------------- annotations


def table_html(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    caption: str | None = None,
    empty: str = "Nothing found.",
) -> str:
    """A plain HTML table; every cell is escaped."""
    rows = list(rows)
    if not rows:
        return f'<p class="mk-muted">{esc(empty)}</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'<table class="mk-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def side_of(name: str | None, case: Case, *, resolves_to: str | None = None) -> str | None:
    """The side of the conflict a source name belongs to, from the case's gazetteer and sides.

    None when the case does not say (most sources: officials of third countries, media, NGOs).
    This is the comparison stage's own resolver (:func:`mediakit.compare._common.side_of`), so
    the tables and the source mix always agree.
    """
    if not name and not resolves_to:
        return None
    from ..compare import side_of as resolve

    return resolve(name, case, resolves_to=resolves_to)


def side_label(side: str | None, case: Case) -> str:
    """A learner-facing label for a side name (or "not said" for None)."""
    if side is None:
        return "not said"
    for s in case.sides:
        if s.name == side:
            return s.label
    return side


def shorten(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------- figures


__all__ = [
    "REVIEW_WORDS",
    "checked_counts",
    "review_summary",
    "is_checked",
    "review_words",
    "BOILERPLATE_HELP",
    "BOILERPLATE_NAMES",
    "HIDDEN_BOILERPLATE",
    "LAYERS",
    "LAYER_NAMES",
    "NOT_A_VERDICT",
    "OKABE_ITO",
    "SOURCE_TAGS",
    "SOURCE_TYPE_HELP",
    "SOURCE_TYPE_NAMES",
    "TERM_HELP",
    "TERM_NAMES",
    "VERDICT_NAMES",
    "agentless",
    "boilerplate_name",
    "css",
    "esc",
    "get_field",
    "row_label",
    "row_labels",
    "shorten",
    "side_label",
    "side_of",
    "slug_of",
    "source_name",
    "style_tag",
    "table_html",
    "verdict_name",
    "what_name",
]
