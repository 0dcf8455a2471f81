"""Claims over time: what each report says happened to the central place, and how sure it is.

The central places are the case's main place names: gazetteer GPE entries named in the case
title or summary, else the most mentioned one (with spaCy docs and no gazetteer: the most
mentioned GPE entity). A sentence is a claim when it names such a place (or "the town", "the
city" right after it) together with an event verb (capture, take, liberate, enter, fall,
encircle, withdraw ...; see ``mediakit/data/compare/lexicon.toml``). Each claim gets a status:

- ``disputed``: the sentence itself marks the account as contested ("others suggest", "has
  not been confirmed");
- ``forecast``: it speaks of what will or may happen ("will", "could", "is about to");
- ``claimed``: it pins the account on a source (an attribution record, or "according to",
  "said", "sources");
- ``fact``: stated by the report in its own voice.

Claims in the headline are marked ``in_headline``; :func:`headline_vs_body` says per report
whether the headline is surer than the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from ..records import ReportRecords
from ._common import cue_pattern, fold, lexicon, report_sentences, time_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..case import Case

STATUSES = ("fact", "claimed", "forecast", "disputed")
_CERTAINTY = {"forecast": 0, "disputed": 1, "claimed": 2, "fact": 3}


@dataclass(frozen=True)
class Claim:
    """One sentence of one report about what happened to a central place."""

    report: str
    what: str
    text: str
    start: int
    end: int
    status: str
    in_headline: bool = False
    event: str = ""
    place: str = ""
    verb: str = ""
    cue: str | None = None
    source: str | None = None
    when: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def main_places(case: Case, *, docs: Mapping[str, Doc] | None = None, top: int = 1) -> list[tuple[str, tuple[str, ...]]]:
    """The case's central places: [(name, spelling variants)], most central first."""
    gpes = [e for e in case.gazetteer if e.label in ("GPE", "LOC", "FAC")]
    texts = [r.body_text for r in case.reports]
    if gpes:
        head = fold(f"{case.title} {case.summary or ''}")
        scored = []
        for e in gpes:
            variants = tuple(dict.fromkeys([e.name, *e.variants]))
            rx = _names_regex(variants)
            count = sum(len(rx.findall(t)) for t in texts)
            in_title = bool(rx.search(case.title or ""))
            in_summary = bool(rx.search(head))
            scored.append(((in_title, in_summary, count), e.name, variants))
        scored.sort(key=lambda s: s[0], reverse=True)
        chosen = [s for s in scored if s[0][0]] or scored[:top]
        return [(n, v) for _, n, v in chosen[:max(top, len([s for s in scored if s[0][0]]))]]
    if docs:
        counts: Counter[str] = Counter()
        for d in docs.values():
            for ent in d.ents:
                if ent.label_ == "GPE":
                    counts[ent.text] += 1
        return [(n, (n,)) for n, _ in counts.most_common(top)]
    return []


def _names_regex(variants: Sequence[str]) -> re.Pattern[str]:
    alts = "|".join(
        re.escape(v).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
        for v in sorted(variants, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", re.IGNORECASE)


def claims(
    case: Case,
    records: Mapping[str, ReportRecords] | None = None,
    *,
    docs: Mapping[str, Doc] | None = None,
    places: Sequence[tuple[str, Sequence[str]]] | None = None,
    event_verbs: Mapping[str, Sequence[str]] | None = None,
    forecast_cues: Sequence[str] | None = None,
    dispute_cues: Sequence[str] | None = None,
    claim_cues: Sequence[str] | None = None,
    place_nouns: Sequence[str] | None = None,
    relation_words: Sequence[str] | None = None,
    event_nouns: Sequence[str] | None = None,
) -> list[Claim]:
    """Every sentence of every report that says what happened to a central place."""
    lex = lexicon()
    records = records or {}
    docs = docs or {}
    verbs = event_verbs if event_verbs is not None else lex["event_verbs"]
    verb_to_event = {fold(v): ev for ev, vs in verbs.items() for v in vs}
    verb_rx = cue_pattern(tuple(v for vs in verbs.values() for v in vs))
    f_rx = cue_pattern(tuple(forecast_cues if forecast_cues is not None else lex["forecast_cues"]))
    d_rx = cue_pattern(tuple(dispute_cues if dispute_cues is not None else lex["dispute_cues"]))
    c_rx = cue_pattern(tuple(claim_cues if claim_cues is not None else lex["claim_cues"]))
    nouns = place_nouns if place_nouns is not None else lex["place_nouns"]
    ref_rx = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:" + "|".join(map(re.escape, nouns)) + r")\b(?!\s+of\b)",
                        re.IGNORECASE)
    event_nouns = event_nouns if event_nouns is not None else lex["event_nouns"]
    rel = relation_words if relation_words is not None else lex["relation_words"]
    rel_rx = re.compile(r"(?:" + "|".join(_phrase_rx(w) for w in rel) + r")\s*(?:the\s+)?$",
                        re.IGNORECASE) if rel else None
    central = list(places) if places is not None else main_places(case, docs=docs)
    if not central or verb_rx is None:
        return []
    central_rx = [(name, _names_regex(tuple(v))) for name, v in central]
    any_place_rx = _names_regex(tuple(v for e in case.gazetteer if e.label in ("GPE", "LOC", "FAC")
                                      for v in (e.name, *e.variants)) or ("\x00",))

    out: list[Claim] = []
    for r in case.reports:
        rec = records.get(r.id)
        head_norm = _norm(r.text[r.headline.start : r.headline.end]) if r.headline else None
        last_place: str | None = None
        for s, e in report_sentences(r, docs.get(r.id)):
            sent = r.text[s:e]
            place = None
            for name, rx in central_rx:
                if rx.search(sent):
                    place = name
                    break
            ref = ref_rx.search(sent)
            if place is None and ref and last_place:
                place = last_place
            # remember the last place named, central or not, for "the town" in later sentences
            mentions = {m.start(): name for name, rx in central_rx for m in rx.finditer(sent)}
            for m in any_place_rx.finditer(sent):
                mentions.setdefault(m.start(), None)
            prev_place = last_place
            if mentions:
                last_place = mentions[max(mentions)]
            if place is None:
                continue
            # where the place is named: the place itself, or "the town" pointing back to it
            spots = [m for _, rx in central_rx for m in rx.finditer(sent)]
            if not spots and prev_place:
                spots = list(ref_rx.finditer(sent))
            vm = _event_verb(sent, verb_rx, spots, verb_to_event, rel_rx,
                             pos_ok=_pos_checker(docs.get(r.id), r.text, s, event_nouns))
            if vm is None:
                continue
            event = verb_to_event.get(fold(re.sub(r"\s+", " ", vm.group())), "")
            status, cue, source = _status(sent, s, e, rec, f_rx=f_rx, d_rx=d_rx, c_rx=c_rx)
            in_head = bool(r.headline and r.headline.start < e and s < r.headline.end) or (
                head_norm is not None and _norm(sent) == head_norm)
            out.append(Claim(
                report=r.id, what=f"{event} {place}", text=sent, start=s, end=e, status=status,
                in_headline=in_head, event=event, place=place, verb=vm.group(), cue=cue,
                source=source, when=_last_time(r.text, s, s + vm.end())
                or time_phrase(r.text, s, e),
            ))
    return out


def _phrase_rx(w: str) -> str:
    return r"(?<![\w-])" + re.escape(w).replace(r"\ ", r"\s+")


def _event_verb(sent: str, verb_rx: re.Pattern[str], spots: list[re.Match[str]],
                verb_to_event: dict[str, str], rel_rx: re.Pattern[str] | None,
                pos_ok: Callable[[int], bool] | None = None) -> re.Match[str] | None:
    """The event verb that speaks of the place: the one nearest a mention of the place that is
    not only a landmark ("near X", "in the vicinity of X", "south of X")."""
    best: tuple[int, re.Match[str]] | None = None
    for vm in verb_rx.finditer(sent):
        if pos_ok is not None and not pos_ok(vm.start()):
            continue
        event = verb_to_event.get(fold(re.sub(r"\s+", " ", vm.group())), "")
        for spot in spots:
            before = sent[max(0, spot.start() - 40) : spot.start()]
            if rel_rx is not None:
                rm = rel_rx.search(before)
                if rm and not (event == "withdrew" and fold(rm.group()).strip().startswith("from")):
                    continue
            dist = spot.start() - vm.end() if spot.start() >= vm.end() else vm.start() - spot.end()
            if best is None or dist < best[0]:
                best = (dist, vm)
    return best[1] if best else None


def _pos_checker(doc: Doc | None, text: str, offset: int,
                 nouns: Sequence[str]) -> Callable[[int], bool] | None:
    """With a parse: an event word must be a verb (or one of the event nouns, "the fall of")."""
    if doc is None or doc.text != text:
        return None
    allowed = {fold(n) for n in nouns}

    def ok(pos: int) -> bool:
        span = doc.char_span(offset + pos, offset + pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return True
        tok = span[0]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            return True  # Title Case Headlines confuse the tagger
        return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB") \
            or fold(tok.lemma_) in allowed or fold(tok.text) in allowed

    return ok


def _last_time(text: str, start: int, end: int) -> str | None:
    """The last time phrase in text[start:end] (the one closest to the verb)."""
    found = None
    pos = start
    while pos < end:
        t = time_phrase(text, pos, end)
        if not t:
            break
        found = t
        idx = text.find(t, pos, end)
        if idx < 0:
            break
        pos = idx + len(t)
    return found


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", fold(s)).strip()


def _status(sent: str, s: int, e: int, rec: ReportRecords | None, *, f_rx: re.Pattern[str] | None,
            d_rx: re.Pattern[str] | None, c_rx: re.Pattern[str] | None) -> tuple[str, str | None, str | None]:
    m = d_rx.search(sent) if d_rx else None
    if m:
        return "disputed", m.group(), None
    m = f_rx.search(sent) if f_rx else None
    if m:
        return "forecast", m.group(), None
    if rec is not None:
        for a in rec.attributions:
            # the source or its cue must sit in this sentence (a parser's sentence can run
            # over a headline and the next line)
            if a.start < e and s < a.end:
                return "claimed", a.cue, a.source
    m = c_rx.search(sent) if c_rx else None
    if m:
        return "claimed", m.group(), None
    return "fact", None, None


def headline_vs_body(case: Case, found: Sequence[Claim]) -> list[dict[str, Any]]:
    """Per report with a headline claim: the headline's status against the body's surest one."""
    out = []
    for r in case.reports:
        mine = [c for c in found if c.report == r.id]
        head = [c for c in mine if c.in_headline]
        body = [c for c in mine if not c.in_headline]
        if not head:
            continue
        h = max(head, key=lambda c: _CERTAINTY[c.status])
        b = max(body, key=lambda c: _CERTAINTY[c.status]) if body else None
        differs = b is None or _CERTAINTY[h.status] != _CERTAINTY[b.status]
        if b is None:
            why = f"The headline says '{h.status}', and the body never repeats the claim."
        elif _CERTAINTY[h.status] > _CERTAINTY[b.status]:
            why = f"The headline states it as {h.status}; the body at most as {b.status}."
        elif _CERTAINTY[h.status] < _CERTAINTY[b.status]:
            why = f"The body is surer ({b.status}) than the headline ({h.status})."
        else:
            why = f"Headline and body agree ({h.status})."
        out.append({"report": r.id, "headline": h.status, "body": b.status if b else None,
                    "differs": differs, "reason": why})
    return out
