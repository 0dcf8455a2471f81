"""Figures side by side: group the figures of all reports by what they count.

A figure's group is (what is counted, what happened to it): the counted noun (a side of the
case when the noun names one, "militants" and "jihadists" both count fighters; else a class
such as civilians, vehicles, airstrikes) and the event (killed, wounded, displaced, destroyed
...), found in the figure's ``what`` phrase and the words right after or before the number.

Per group a verdict, never stronger than the text supports:

- ``single``: only one report gives a figure for this.
- ``agree``: two or more reports give the same number, and no two of them name different
  periods.
- ``disagree``: the numbers differ and every figure names the same period.
- ``look_alike``: the numbers differ but the periods differ or are not given, a figure is
  vague; or (extra groups) the same number counts different things in different reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..extract._doc import doc_matches
from ..records import Figure, ReportRecords
from ._common import SideTerms, fold, lexicon, normalise_time, sentences, side_terms, time_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..cases.case import Case, Report

VERDICTS = ("agree", "disagree", "look_alike", "single")
# Plain words for each verdict, for views ("label"); the verdict keys stay stable in JSON.
VERDICT_LABELS = {
    "single": "only one report gives this",
    "agree": "the reports agree",
    "disagree": "the reports disagree",
    "look_alike": "they only look alike",
}
# Plain words for what happened to the things counted (the keys of figure_events).
_EVENT_WORDS = {"casualties": "killed or wounded", "captured": "taken"}


def _word_regex(words: Sequence[str]) -> re.Pattern[str]:
    """One pattern for a list of words; "may" only in lower case (not the month)."""
    return _word_regex_cached(tuple(words))


@lru_cache(maxsize=32)
def _word_regex_cached(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = []
    for w in sorted(words, key=len, reverse=True):
        body = r"\s+".join(re.escape(p) for p in w.split())
        alts.append(body if w == "may" else f"(?i:{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _prospective_regex(words: Sequence[str] | None = None) -> re.Pattern[str]:
    return _word_regex(tuple(words if words is not None else lexicon()["figure_prospective"]))


def _stock_regex(words: Sequence[str] | None = None) -> re.Pattern[str]:
    return _word_regex(tuple(words if words is not None else lexicon()["figure_stock_words"]))


@dataclass(frozen=True)
class FigureGroup:
    """Figures of several reports that count the same thing, and whether they agree."""

    what: str
    members: tuple[dict[str, Any], ...]
    verdict: str
    reason: str = ""
    thing: str = ""
    event: str | None = None
    side: str | None = None
    label: str = ""  # the verdict in plain words ("the reports agree")
    what_label: str = ""  # what is counted in plain words ("people killed or wounded")
    mode: str = "happened"  # "happened", "prospective" (may happen / planned) or "stock"
    review: str = ""  # "confirmed" when the case's review.toml says a teacher checked it

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["members"] = [dict(m) for m in self.members]
        return d


class _Phrases(list[tuple[str, str]]):
    """(folded phrase, key) pairs, longest first, with one pattern for all of them."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        super().__init__(sorted(pairs, key=lambda p: -len(p[0])))
        self.key_of: dict[str, str] = {}
        for w, key in self:
            self.key_of.setdefault(w, key)
        alts = "|".join(re.escape(w) for w in dict.fromkeys(w for w, _ in self))
        # longest first: at a position, the longest phrase that ends on a word boundary wins
        self.rx = re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])") if alts else None
        self.at = re.compile(r"(?=(?<![\w-])(?:" + alts + r")(?![\w-]))") if alts else None


# the shipped word lists are read once; a table passed in is folded once per call
_PHRASES: dict[int, tuple[Mapping[str, Sequence[str]], _Phrases]] = {}


def _phrases(table: Mapping[str, Sequence[str]]) -> _Phrases:
    hit = _PHRASES.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    out = _Phrases([(fold(w), key) for key, ws in table.items() for w in ws])
    if len(_PHRASES) > 32:
        _PHRASES.clear()
    _PHRASES[id(table)] = (table, out)
    return out


def _first(phrases: Sequence[tuple[str, str]], text: str) -> tuple[int, str] | None:
    """The earliest listed phrase in ``text`` (longest wins at a position): (position, key)."""
    if not isinstance(phrases, _Phrases):
        phrases = _Phrases(phrases)
    if phrases.rx is None:
        return None
    m = phrases.rx.search(text)
    return (m.start(), phrases.key_of[m.group()]) if m else None


def _last(phrases: _Phrases, text: str) -> str | None:
    """The key of the listed phrase that starts last in ``text`` (the greatest key if several
    start there)."""
    if phrases.at is None:
        return None
    pos = -1
    for m in phrases.at.finditer(text):
        pos = m.start()
    if pos < 0:
        return None
    keys = [
        key
        for w, key in phrases
        if text.startswith(w, pos) and not re.match(r"[\w-]", text[pos + len(w) : pos + len(w) + 1])
    ]
    return max(keys) if keys else None


# how far around a figure its sentence is read: a news sentence is far shorter, and a bound
# keeps a pasted table without full stops linear
_WINDOW = 1000


def _window_after(text: str, end: int, stop: int, nwords: int) -> str:
    chunk = text[end:stop]
    return " ".join(chunk.split()[:nwords])


def classify_figure(
    fig: Figure,
    report: Report,
    *,
    terms: SideTerms | None = None,
    events: Mapping[str, Sequence[str]] | None = None,
    nouns: Mapping[str, Sequence[str]] | None = None,
    sentence: tuple[int, int] | None = None,
    doc: Doc | None = None,
    prospective: Sequence[str] | None = None,
    stock: Sequence[str] | None = None,
) -> dict[str, Any]:
    """What one figure counts: {thing, side, event, time, forecast, stock}.

    ``forecast`` is True when the clause around the number says what may happen or is planned
    ("could", "may", "plan to", "prepared to be", "expected to"; ``prospective`` words),
    ``forecast_words`` the words that say so. ``stock`` is True for people or things already
    in a place ("hosts some 3.5 million refugees"; ``stock`` words before the number).

    A nationality in the plural counts people ("hundreds of thousands of Syrians"): with a
    parse, a NORP entity in the plural right after the number; without one, a capitalised
    plural word there that is not a name of a side.
    """
    lex = lexicon()
    ev = _phrases(events if events is not None else lex["figure_events"])
    nn = _phrases(nouns if nouns is not None else lex["figure_nouns"])
    text = report.text
    s0, s1 = sentence if sentence else (max(0, fig.start - 200), min(len(text), fig.end + 200))
    s0, s1 = max(s0, fig.start - _WINDOW), min(s1, fig.end + _WINDOW)
    what = fold(fig.what or "")
    # the words after the number up to the next clause ("lost several key areas and suffered
    # notable casualties": the casualties are not what "several" counts)
    after = re.split(
        r"(?<![\w-])(?:and|but|while|whereas)(?![\w-])|[,;:]",
        fold(_window_after(text, fig.end, s1, 12)),
        maxsplit=1,
    )[0]
    side = None
    if terms is not None:
        # the counted noun phrase only: cut the words after the number at the first
        # preposition or verb-like word ("airstrikes on militants' positions" counts airstrikes)
        near = re.split(
            r"(?<![\w-])(?:on|of|in|at|by|from|to|with|near|against|belonging|"
            r"were|was|are|is|have|has|had|that|who|which)(?![\w-])",
            _window_after(text, fig.end, s1, 6),
            maxsplit=1,
            flags=re.IGNORECASE,
        )[0]
        for phrase in (fig.what or "", near):
            found = terms.find(phrase)
            if found:
                side = found[0][3]
                break
    thing = None
    hit = _first(nn, what)
    if hit:
        thing = hit[1]
    elif _nationality_after(text, fig.end, s1, doc, terms):
        thing = "people"
    elif not what and _bare_amount(fig, doc):
        thing = "people"
    else:
        hit = _first(nn, after)
        thing = hit[1] if hit else None
    event = None
    for phrase in (what, after):
        hit = _first(ev, phrase)
        if hit:
            event = hit[1]
            break
    if event is None:
        event = _last(ev, fold(text[s0 : fig.start]))
    if thing is None:
        human = set(lex.get("human_events", ()))
        if event in human:
            thing = "people"
        else:
            head = re.findall(r"[a-z][\w-]*", what)
            thing = _singular_plural(head[-1]) if head else "things"
    if thing in set(lex.get("event_free_things", ())):
        side, event = None, None
    # the clause around the number: between the nearest , ; : before and after it
    c0 = max(text.rfind(ch, s0, fig.start) for ch in ",;:") + 1 or s0
    c0 = max(c0, s0)
    ends = [i for i in (text.find(ch, fig.end, s1) for ch in ",;:") if i >= 0]
    c1 = min(ends) if ends else s1
    fm = _prospective_regex(prospective).search(text, c0, c1) if c1 > c0 else None
    sm = _stock_regex(stock).search(text, c0, fig.start) if fig.start > c0 else None
    when = time_phrase(text, s0, s1)
    inferred = False
    if when is None:
        when = _time_in_paragraph(text, s0)
        inferred = when is not None
    return {
        "thing": thing,
        "side": side,
        "event": event,
        "time": when,
        "forecast": fm is not None,
        "forecast_words": fm.group() if fm else None,
        "stock": sm is not None and fm is None,
        "stock_words": sm.group() if sm and not fm else None,
        "time_inferred": inferred,
    }


def _bare_amount(fig: Figure, doc: Doc | None) -> bool:
    """True when the parse says an amount stands alone as the subject or object of a verb, with
    no counted noun: "forcing hundreds from their homes", "Thousands fled", "Dozens were
    killed". English uses such a bare plural amount for people, so it counts people (a thing
    would be named: "several of the villages" has its noun after "of")."""
    if doc is None:
        return False
    toks = [t for t in doc if fig.start <= t.idx < fig.end]
    if not toks:
        return False
    head = toks[-1]
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NNS"
        and head.dep_ in ("nsubj", "nsubjpass", "dobj")
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    )


_AFTER_NUMBER = re.compile(r"\s*(?:of\s+)?(?:(?:the|[a-z][\w-]*)\s+){0,2}([A-Z][a-z]+s)\b")


def _nationality_after(
    text: str, end: int, stop: int, doc: Doc | None, terms: SideTerms | None
) -> bool:
    """True if the counted noun right after a number is a nationality in the plural."""
    if doc_matches(doc, text):
        span = doc.char_span(end, min(stop, end + 60), alignment_mode="expand")
        for tok in span or ():
            if tok.ent_type_ == "NORP" and (tok.tag_ in ("NNPS", "NNS") or tok.text.endswith("s")):
                return True
            if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ != "NORP":
                return False
        return False
    m = _AFTER_NUMBER.match(text, end, stop)
    if not m:
        return False
    return not (terms is not None and terms.find(m.group(1)))


def _singular_plural(w: str) -> str:
    return w if w.endswith("s") else w + "s"


def _time_in_paragraph(text: str, start: int) -> str | None:
    """The last time phrase earlier in the same paragraph."""
    para = max(text.rfind("\n", max(0, start - 3 * _WINDOW), start) + 1, start - 3 * _WINDOW, 0)
    found = None
    pos = para
    while True:
        t = time_phrase(text, pos, start)
        if not t:
            return found
        found = t
        idx = text.find(t, pos, start)
        if idx < 0:
            return found
        pos = idx + len(t)


def _label(thing: str, side: str | None, event: str | None) -> str:
    if side:
        return f"{event or 'counted'}, {side} side" + (
            f" ({thing})" if thing not in ("fighters", "soldiers", "people") else ""
        )
    return f"{thing} {event}" if event else thing


_MODE_WORDS = {"prospective": "that may be or are planned to be", "stock": "already there"}


def _what_label(
    thing: str,
    side: str | None,
    event: str | None,
    members: Sequence[dict[str, Any]],
    mode: str = "happened",
) -> str:
    """What a group counts in plain words: "people killed or wounded", "places taken",
    "fighters on the rebels side sent", "observation points"."""
    events = {m["event"] for m in members if m.get("event")}
    ev = (
        _EVENT_WORDS.get(next(iter(events)), next(iter(events)))
        if len(events) == 1
        else (_EVENT_WORDS.get(event or "", event) if event else None)
    )
    if thing == "things":
        whats = [m["what"] for m in members if m.get("what")]
        noun = whats[0] if len(set(whats)) == 1 else "things (the report does not say what)"
    elif (
        thing in ("points",)
        or thing not in lexicon()["figure_nouns"]
        and members
        and members[0].get("what")
    ):
        noun = members[0]["what"] if len({m.get("what") for m in members}) == 1 else thing
    else:
        noun = thing
    out = f"{noun} {ev}" if ev and mode != "stock" else noun
    if mode == "stock":
        out += " already there"
    if side and side != thing:
        out += f" ({side} side)"
    if mode == "prospective":
        out += ", a forecast or plan"
    return out


def _fmt(v: float | None, text: str) -> str:
    if v is None:
        return f"'{text}'"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def figure_groups(
    case: Case,
    records: Mapping[str, ReportRecords],
    *,
    terms: SideTerms | None = None,
    events: Mapping[str, Sequence[str]] | None = None,
    nouns: Mapping[str, Sequence[str]] | None = None,
    same_number: bool = True,
    docs: Mapping[str, Doc] | None = None,
    prospective: Sequence[str] | None = None,
    stock: Sequence[str] | None = None,
) -> list[FigureGroup]:
    """Group all figures by what they count, with a verdict and a reason in plain words.

    A figure about what may happen or is planned ("could", "prepared to be deployed") and a
    figure of people already in a place ("hosts 3.5 million refugees") are never grouped with
    figures of what happened: each kind has groups of its own (``mode``).

    With ``same_number``, extra ``look_alike`` groups show one exact number used by different
    reports for different things (vague amounts such as "millions" are never such a group).
    """
    terms = terms or side_terms(case)
    lex = lexicon()
    families: dict[str | None, str] = dict(lex.get("figure_event_families", {}))
    free = set(lex.get("event_free_things", ()))
    groups: dict[tuple[str, str | None, str], list[dict[str, Any]]] = {}
    order = {r.id: i for i, r in enumerate(case.reports)}
    for r in case.reports:
        rec = records.get(r.id)
        if rec is None or not rec.figures:
            continue
        sents = sentences(r.text)
        sent_starts = [s for s, _ in sents]
        for f in rec.figures:
            k = bisect_right(sent_starts, f.start) - 1
            sent = sents[k] if k >= 0 and f.start < sents[k][1] else None
            c = classify_figure(
                f,
                r,
                terms=terms,
                events=events,
                nouns=nouns,
                sentence=sent,
                doc=(docs or {}).get(r.id),
                prospective=prospective,
                stock=stock,
            )
            key_thing = c["side"] or c["thing"]
            key_event = None if c["thing"] in free else families.get(c["event"], c["event"])
            mode = "prospective" if c["forecast"] else "stock" if c["stock"] else "happened"
            member = {
                "report": r.id,
                "start": f.start,
                "end": f.end,
                "value": f.value,
                "text": f.text,
                "what": f.what,
                "source": f.source,
                "vague": bool(f.vague or f.value is None),
                "time": c["time"],
                "thing": c["thing"],
                "side": c["side"],
                "event": c["event"],
                "forecast": c["forecast"],
                "forecast_words": c["forecast_words"],
                "stock": c["stock"],
                "stock_words": c["stock_words"],
                "time_inferred": c["time_inferred"],
            }
            groups.setdefault((key_thing, key_event, mode), []).append(member)
    labels = {r.id: r.label for r in case.reports}
    out = []
    for (key_thing, event, mode), members in groups.items():
        members.sort(key=lambda m: (order[m["report"]], m["start"]))
        side = members[0]["side"]
        thing = members[0]["thing"] if side else key_thing
        what = _label(thing, side, event)
        if mode == "prospective":
            what += " (may happen)"
        elif mode == "stock":
            what += " (already there)"
        what_label = _what_label(thing, side, event, members, mode)
        verdict, reason, label = _verdict(members, labels, what_label)
        out.append(
            FigureGroup(
                what=what,
                members=tuple(members),
                verdict=verdict,
                reason=reason,
                thing=thing,
                event=event,
                side=side,
                label=label,
                what_label=what_label,
                mode=mode,
            )
        )
    if same_number:
        out.extend(_same_number_groups(out, labels, order, int(lex.get("min_same_number", 3))))
    rank = {"disagree": 0, "look_alike": 1, "agree": 2, "single": 3}
    out.sort(key=lambda g: (rank[g.verdict], order[g.members[0]["report"]], g.members[0]["start"]))
    return out


def _range(m: dict[str, Any]) -> tuple[float, float] | None:
    """The values a figure allows: exact, or for a vague amount ("hundreds of thousands",
    value 100,000) everything up to ten times the value; None when no number is given."""
    v = m["value"]
    if v is None:
        return None
    return (v, v * 10) if m["vague"] else (v, v)


def _mode_note(m: dict[str, Any]) -> str:
    if m.get("forecast"):
        return f", about what may happen or is planned ('{m['forecast_words']}'), not what happened"
    if m.get("stock"):
        return f", people or things already there ('{m['stock_words']}'), not a new movement"
    return ""


def _verdict(
    members: list[dict[str, Any]], labels: dict[str, str], what: str
) -> tuple[str, str, str]:
    """(verdict, reason, label) for one group; the reason names vague amounts by their words."""
    reports = list(dict.fromkeys(m["report"] for m in members))
    events = list(dict.fromkeys(m["event"] for m in members))

    def desc(m: dict[str, Any]) -> str:
        t = f", {m['time']}" if m["time"] else ""
        ev = (
            f" {_EVENT_WORDS.get(m['event'], m['event'])}" if len(events) > 1 and m["event"] else ""
        )
        vg = ", a vague amount" if m["vague"] else ""
        return f"{labels[m['report']]}: '{m['text']}'{ev}{t}{vg}{_mode_note(m)}"

    said = "; ".join(desc(m) for m in members)
    vague = [m for m in members if m["vague"]]
    vague_words = " and ".join(f"'{m['text']}'" for m in vague)
    if len(members) == 1:
        return (
            "single",
            f"Only {labels[reports[0]]} gives a figure for {what} ({said}).",
            VERDICT_LABELS["single"],
        )
    if len(events) > 1:
        if len(reports) == 1:
            return (
                "single",
                (
                    f"Only {labels[reports[0]]} gives figures for {what}, and they "
                    f"count different things ({said})."
                ),
                VERDICT_LABELS["single"],
            )
        return (
            "look_alike",
            (
                f"{said}. These count different things ("
                f"{' / '.join(_EVENT_WORDS.get(str(e), str(e)) for e in events)}), "
                "so they neither agree nor disagree."
            ),
            "different things counted",
        )
    kinds = {k for k in (_counted_word(m) for m in members) if k}
    if len(reports) > 1 and len(kinds) > 1:
        return (
            "look_alike",
            (
                f"{said}. These count different kinds of {what} "
                f"({' / '.join(sorted(kinds))}), so they neither agree nor "
                "disagree."
            ),
            "different things counted",
        )
    if len({bool(m.get("forecast")) for m in members}) > 1:
        return (
            "look_alike",
            (f"{said}. One figure is about what may happen, the other about what has happened."),
            "what may happen and what happened",
        )
    times = [normalise_time(m["time"]) for m in members]
    known = {t for t in times if t}
    windows = "different time windows"
    if len(reports) == 1 and len({m["value"] for m in members}) > 1 and not vague:
        return (
            "look_alike",
            (
                f"{said}. One report gives several numbers for {what}; they "
                "count different parts, sources or moments, not a contradiction."
            ),
            (windows if len(known) > 1 else "different parts of one count"),
        )
    if vague:
        texts = {fold(m["text"]) for m in members}
        if len(texts) == 1 and len(known) <= 1:
            return "agree", f"{said}: the same words for {what}.", VERDICT_LABELS["agree"]
        why = (
            f"{vague_words} {'is a vague amount' if len(vague) == 1 else 'are vague amounts'}"
            ", so the numbers cannot be compared"
        )
        if len(known) > 1:
            return (
                "look_alike",
                f"{said}. {why.capitalize()[0] + why[1:]}, and the figures cover different periods.",
                windows,
            )
        return (
            "look_alike",
            (f"{said}. {why[0].upper() + why[1:]}: the reports neither agree nor disagree."),
            "vague amounts",
        )
    lo = max(r[0] for r in (_range(m) for m in members) if r)
    hi = min(r[1] for r in (_range(m) for m in members) if r)
    fits = lo <= hi
    exact_same = len({m["value"] for m in members}) == 1
    if len(known) > 1:
        if exact_same:
            return (
                "look_alike",
                (
                    f"{said}. The number is the same, but the figures speak of "
                    "different periods, so they may not count the same thing."
                ),
                windows,
            )
        return (
            "look_alike",
            (
                f"{said}. The numbers differ, but they cover different periods, "
                "so they do not contradict each other."
            ),
            windows,
        )
    if exact_same or fits:
        return "agree", f"{said}: the same number for {what}.", VERDICT_LABELS["agree"]
    if len(known) == 1 and all(times) and not any(m.get("time_inferred") for m in members):
        return (
            "disagree",
            (f"{said}: different numbers for {what} in the same period."),
            VERDICT_LABELS["disagree"],
        )
    return (
        "look_alike",
        (
            f"{said}. The numbers differ, but the reports do not say they count "
            "the same period, so this is not shown as a contradiction."
        ),
        "period not given",
    )


def _same_number_groups(
    groups: list[FigureGroup], labels: dict[str, str], order: dict[str, int], min_value: int
) -> list[FigureGroup]:
    """One exact number used for different things. Vague amounts ("millions") are never
    grouped by their words: the same words do not make the same number."""
    by_value: dict[float, list[tuple[FigureGroup, dict[str, Any]]]] = {}
    for g in groups:
        for m in g.members:
            if m["value"] is None or m["vague"] or m["value"] < min_value:
                continue
            by_value.setdefault(m["value"], []).append((g, m))
    out = []
    for key, items in by_value.items():
        if len({id(g) for g, _ in items}) < 2:
            continue
        items.sort(key=lambda gm: (order[gm[1]["report"]], gm[1]["start"]))
        members = [m for _, m in items]
        name = _fmt(key, "")
        things = [
            f"{_thing_words(m, g)} in {labels[m['report']]} ('{m['text']}')" for g, m in items
        ]
        listed = ", ".join(things[:-1]) + " and " + things[-1]
        one = len({m["report"] for m in members}) == 1
        out.append(
            FigureGroup(
                what=f"the number {name}",
                members=tuple(members),
                verdict="look_alike",
                reason=(
                    f"The same number {name} counts {listed}: they only look alike. "
                    + ("One report uses it for different things. " if one else "")
                    + "A shared number is not agreement."
                ),
                thing="same number",
                label="same number, different things",
                what_label=f"the number {name} for different things",
            )
        )
    return out


def _thing_words(m: dict[str, Any], g: FigureGroup) -> str:
    """What one figure counts, in words: its own counted words and what happened to them."""
    ev = _EVENT_WORDS.get(m["event"], m["event"]) if m.get("event") else None
    if m.get("what"):
        w = m["what"]
        return (
            w
            if not ev
            or fold(ev) in fold(w)
            or any(fold(x) in fold(w) for x in lexicon()["figure_events"].get(m["event"], ()))
            else f"{w} {ev}"
        )
    return g.what_label or g.what


@lru_cache(maxsize=1)
def _nouns_as_keys() -> _Phrases:
    return _Phrases([(w, w) for w, _ in _phrases(lexicon()["figure_nouns"])])


def _counted_word(m: dict[str, Any]) -> str | None:
    """The listed noun a figure's own words name ("battle tanks", "patrols"), or None."""
    found = _first(_nouns_as_keys(), fold(m.get("what") or ""))
    if not found:
        return None
    return _singular_plural(found[1]) if not found[1].endswith("s") else found[1]
