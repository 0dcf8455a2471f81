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
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..records import Figure, ReportRecords
from ._common import SideTerms, fold, lexicon, normalise_time, sentences, side_terms, time_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..case import Case, Report

VERDICTS = ("agree", "disagree", "look_alike", "single")
_FORECAST = re.compile(
    r"(?<![\w-])(?:will|would|could|might|may|expected to|likely to|set to|about to|fear|fears|"
    r"feared|concerned that|attempt to)(?![\w-])", re.IGNORECASE)


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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["members"] = [dict(m) for m in self.members]
        return d


def _phrases(table: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    pairs = [(fold(w), key) for key, ws in table.items() for w in ws]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _first(phrases: list[tuple[str, str]], text: str) -> tuple[int, str] | None:
    """The earliest listed phrase in ``text`` (longest wins at a position): (position, key)."""
    best: tuple[int, int, str] | None = None
    for w, key in phrases:
        m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text)
        if m and (best is None or m.start() < best[0] or (m.start() == best[0] and len(w) > best[1])):
            best = (m.start(), len(w), key)
    return (best[0], best[2]) if best else None


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
) -> dict[str, Any]:
    """What one figure counts: {thing, side, event, time}.

    A nationality in the plural counts people ("hundreds of thousands of Syrians"): with a
    parse, a NORP entity in the plural right after the number; without one, a capitalised
    plural word there that is not a name of a side.
    """
    lex = lexicon()
    ev = _phrases(events if events is not None else lex["figure_events"])
    nn = _phrases(nouns if nouns is not None else lex["figure_nouns"])
    text = report.text
    s0, s1 = sentence if sentence else (max(0, fig.start - 200), min(len(text), fig.end + 200))
    what = fold(fig.what or "")
    after = fold(_window_after(text, fig.end, s1, 12))
    side = None
    if terms is not None:
        # the counted noun phrase only: cut the words after the number at the first
        # preposition or verb-like word ("airstrikes on militants' positions" counts airstrikes)
        near = re.split(r"(?<![\w-])(?:on|of|in|at|by|from|to|with|near|against|belonging|"
                        r"were|was|are|is|have|has|had|that|who|which)(?![\w-])",
                        _window_after(text, fig.end, s1, 6), maxsplit=1, flags=re.IGNORECASE)[0]
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
        before_all = fold(text[s0 : fig.start])
        hits = [(m.start(), key) for w, key in ev
                for m in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", before_all)]
        if hits:
            event = max(hits)[1]
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
    forecast = bool(_FORECAST.search(text, c0, c1)) if c1 > c0 else False
    when = time_phrase(text, s0, s1)
    inferred = False
    if when is None:
        when = _time_in_paragraph(text, s0)
        inferred = when is not None
    return {"thing": thing, "side": side, "event": event, "time": when, "forecast": forecast,
            "time_inferred": inferred}


_AFTER_NUMBER = re.compile(r"\s*(?:of\s+)?(?:(?:the|[a-z][\w-]*)\s+){0,2}([A-Z][a-z]+s)\b")


def _nationality_after(text: str, end: int, stop: int, doc: Doc | None,
                       terms: SideTerms | None) -> bool:
    """True if the counted noun right after a number is a nationality in the plural."""
    if doc is not None and doc.text == text:
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
    para = text.rfind("\n", 0, start) + 1
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
        return f"{event or 'counted'}, {side} side" + (f" ({thing})" if thing not in ("fighters", "soldiers", "people") else "")
    return f"{thing} {event}" if event else thing


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
) -> list[FigureGroup]:
    """Group all figures by what they count, with a verdict and a reason in plain words.

    With ``same_number``, extra ``look_alike`` groups show one number used by different
    reports for different things.
    """
    terms = terms or side_terms(case)
    lex = lexicon()
    families: dict[str | None, str] = dict(lex.get("figure_event_families", {}))
    free = set(lex.get("event_free_things", ()))
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    order = {r.id: i for i, r in enumerate(case.reports)}
    for r in case.reports:
        rec = records.get(r.id)
        if rec is None or not rec.figures:
            continue
        sents = sentences(r.text)
        for f in rec.figures:
            sent = next(((s, e) for s, e in sents if s <= f.start < e), None)
            c = classify_figure(f, r, terms=terms, events=events, nouns=nouns, sentence=sent,
                                doc=(docs or {}).get(r.id))
            key_thing = c["side"] or c["thing"]
            key_event = None if c["thing"] in free else families.get(c["event"], c["event"])
            member = {
                "report": r.id, "start": f.start, "end": f.end, "value": f.value,
                "text": f.text, "what": f.what, "source": f.source,
                "vague": bool(f.vague or f.value is None), "time": c["time"],
                "thing": c["thing"], "side": c["side"], "event": c["event"],
                "forecast": c["forecast"], "time_inferred": c["time_inferred"],
            }
            groups.setdefault((key_thing, key_event), []).append(member)
    labels = {r.id: r.label for r in case.reports}
    out = []
    for (key_thing, event), members in groups.items():
        members.sort(key=lambda m: (order[m["report"]], m["start"]))
        side = members[0]["side"]
        thing = members[0]["thing"] if side else key_thing
        verdict, reason = _verdict(members, labels, _label(thing, side, event))
        out.append(FigureGroup(what=_label(thing, side, event), members=tuple(members),
                               verdict=verdict, reason=reason, thing=thing, event=event, side=side))
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


def _verdict(members: list[dict[str, Any]], labels: dict[str, str], what: str) -> tuple[str, str]:
    reports = list(dict.fromkeys(m["report"] for m in members))
    events = list(dict.fromkeys(m["event"] for m in members))

    def desc(m: dict[str, Any]) -> str:
        t = f", {m['time']}" if m["time"] else ""
        ev = f" {m['event']}" if len(events) > 1 and m["event"] else ""
        fc = ", a forecast" if m.get("forecast") else ""
        return f"{labels[m['report']]}: {m['text']}{ev}{t}{fc}"

    said = "; ".join(desc(m) for m in members)
    if len(members) == 1:
        return "single", f"Only {labels[reports[0]]} gives a figure for {what} ({said})."
    if len(events) > 1:
        if len(reports) == 1:
            return "single", (f"Only {labels[reports[0]]} gives figures for {what}, and they "
                              f"count different things ({said}).")
        return "look_alike", (f"{said}. These count different things ("
                              f"{' / '.join(str(e) for e in events)}), so they neither agree "
                              "nor disagree.")
    if len(reports) == 1 and len({m["value"] for m in members}) > 1 and not any(
            m["vague"] for m in members):
        return "look_alike", (f"{said}. One report gives several numbers for {what}; they "
                              "count different parts, sources or moments, not a contradiction.")
    if len({bool(m.get("forecast")) for m in members}) > 1:
        return "look_alike", (f"{said}. One figure is about what may happen, the other about "
                              "what has happened.")
    times = [normalise_time(m["time"]) for m in members]
    known = {t for t in times if t}
    ranges = [_range(m) for m in members]
    if any(r is None for r in ranges):
        texts = {fold(m["text"]) for m in members}
        if len(texts) == 1 and len(known) <= 1:
            return "agree", f"{said}: the same words for {what}."
        return "look_alike", (f"{said}. At least one is a vague amount without a number, so "
                              "the reports cannot be said to agree or disagree.")
    lo = max(r[0] for r in ranges if r)
    hi = min(r[1] for r in ranges if r)
    fits = lo <= hi
    exact_same = len({m["value"] for m in members}) == 1 and not any(m["vague"] for m in members)
    if len(known) > 1:
        if exact_same:
            return "look_alike", (f"{said}. The number is the same, but the figures speak of "
                                  "different periods, so they may not count the same thing.")
        if fits and len(reports) == 1:
            return "agree", (f"{said}. One report gives figures for different periods that "
                             "fit together.")
        return "look_alike", (f"{said}. The numbers differ, but they cover different periods, "
                              "so they do not contradict each other.")
    if exact_same:
        return "agree", f"{said}: the same number for {what}."
    if fits:
        if any(m["vague"] for m in members):
            return "agree", f"{said}: the vague and exact amounts fit together."
        return "agree", f"{said}: the same number for {what}."
    if len(known) == 1 and all(times) and not any(m.get("time_inferred") for m in members):
        return "disagree", f"{said}: different numbers for {what} in the same period."
    return "look_alike", (f"{said}. The numbers differ, but the reports do not say they count "
                          "the same period, so this is not shown as a contradiction.")


def _same_number_groups(groups: list[FigureGroup], labels: dict[str, str],
                        order: dict[str, int], min_value: int) -> list[FigureGroup]:
    """One number (or the same vague words) used for different things."""
    by_value: dict[Any, list[tuple[FigureGroup, dict[str, Any]]]] = {}
    for g in groups:
        for m in g.members:
            if m["value"] is not None and not m["vague"]:
                if m["value"] < min_value:
                    continue
                key: Any = m["value"]
            elif m["value"] is not None:
                key = re.sub(r"^(?:some|about|around|over|at least|nearly|almost|more than)\s+",
                             "", fold(m["text"]))
            else:
                continue
            by_value.setdefault(key, []).append((g, m))
    out = []
    for key, items in by_value.items():
        if len({id(g) for g, _ in items}) < 2:
            continue
        if isinstance(key, str) and len({m["report"] for _, m in items}) < 2:
            continue  # vague words repeat within a report without meaning the same amount
        items.sort(key=lambda gm: (order[gm[1]["report"]], gm[1]["start"]))
        members = [m for _, m in items]
        parts = "; ".join(f"{labels[m['report']]}: {m['text']} {_what_of(m, g)}" for g, m in items)
        name = _fmt(key, "") if isinstance(key, float | int) else f"'{key}'"
        out.append(FigureGroup(
            what=f"the number {name}", members=tuple(members), verdict="look_alike",
            reason=(f"The same number counts different things ({parts}). A shared number is "
                    "not agreement."),
            thing="same number",
        ))
    return out


def _what_of(m: dict[str, Any], g: FigureGroup) -> str:
    return f"({m['what']})" if m.get("what") else f"({g.what})"
