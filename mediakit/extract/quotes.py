"""Direct quotations: the words inside quote marks, who said them and with which verb.

How it works, step by step (each step is a plain rule a learner can check by hand):

1. ``marks.quoted_spans`` pairs the quote marks and keeps the ones that hold someone's words
   (scare quotes and titles are left out).
2. The cue: first the reporting verb the parse hangs the quoted words on (``X said the strike
   was "unjustified" and urged ...`` -> said; a label verb with "as": ``dismissed it as
   "fantasy"``); then a reporting verb in the same sentence, after the closing mark
   (``“...,” he said``), then before the opening mark (``She warned that ... “...”``); then any
   verb in the frame ``“...,” she sneered.``. A quotation over several paragraphs (each
   reopens, only the last closes) is one quote.
3. The speaker: the verb's subject in the dependency parse (``nsubj``), the name after the verb
   in ``said one HTS militant``, or the ``by`` phrase of a passive (``was described as "..." by
   the fighter``). The mention is the minimal noun phrase (``speech.mention_tokens``).
4. No cue in the sentence: a quote that follows straight on from another quote (``“...,” he
   said. “...”``), or later in the same paragraph as one, has the same speaker; a display quote on its own line followed by a line
   "- Rebel fighter" is a pull quote and takes its speaker from that line. A whole-sentence
   quote after reported speech in its paragraph (``Kemp said ... "..."``) continues that
   speaker; one that opens its paragraph takes the speaker of the sentence right after it. A
   clause ending in a colon gives its subject as the speaker whatever the verb (``Weller
   summed it up: '...'``), also from the paragraph before (``Duarte continued:`` / ``Said
   Olu Bankole:`` then the quote in a paragraph of its own). A paragraph that is all quotation
   right after a paragraph with a quote of a known speaker goes on with that speaker. A
   quotation inside another one is the outer speaker's words unless someone outside the outer
   quote is named as saying it. Words inside the marks are never the speaker.
5. Pronouns (he, she, they) are resolved to the latest earlier mention of a fitting source,
   and a definite description ("the fighter") to the fuller earlier one ("one rebel fighter").
   "the spokeswoman" / "the coach" go to the latest person named with that role (in the name,
   "coach Ana Duarte", or in apposition, "Nadia Brook, a spokeswoman"); a surname alone is the
   person named in full before it, and two people who share a surname stay two people.
   he/she skip a person the text has shown to be the other gender: by a title or noun
   ("Mr", "spokeswoman", "her husband", see ``data/speech/gendered.txt``) or by an earlier
   he/she already resolved to them. A subject is never taken across a paragraph break.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Quote
from ._doc import doc_ents, doc_text
from ._spans import SpanIndex
from .marks import QuotedSpan, quoted_spans
from .speech import (
    LABEL_VERBS,
    PERSONAL_PRONOUNS,
    PRONOUN_GENDER,
    REPORTING_VERBS,
    Lexicon,
    Mention,
    classify,
    default_lexicon,
    identity,
    is_personlike,
    is_source_like,
    make_mention,
    mention_gender,
    name_words,
    person_roles,
    relative_antecedent,
    resolve_pronoun,
    same_referent,
    type_confidence,
)

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Span, Token

_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
_RELATIVE_OR_DEMONSTRATIVE = {"who", "that", "which", "this", "these", "those"}
_DASHES = ("-", "–", "—", "―")


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens lying wholly inside [start, end)."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _clause_after(doc: Doc, text: str, pos: int) -> tuple[int, int]:
    """Characters from ``pos`` to the end of the sentence (., !, ? or a line break)."""
    end = pos
    while end < len(text):
        c = text[end]
        if c == "." and _abbreviation_before(text, end):
            end += 1  # "Mrs. Clinton asked", "Gov. Ruiz said": no sentence end
            continue
        if c == "\n" or c in ".!?" or c in '“"‘':
            break
        end += 1
    return pos, end


# abbreviated titles written with a full stop before a name ("Mr.", "Gov.", "Sen.")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "sgt",
    "prof",
    "rev",
    "hon",
    "st",
    "jr",
    "sr",
    "adm",
    "capt",
    "maj",
    "cmdr",
    "pres",
    "supt",
}


def _abbreviation_before(text: str, dot: int) -> bool:
    m = re.search(r"(?<![\w.])(\w+)$", text[max(0, dot - 6) : dot])
    if not m:
        return False
    w = m.group(1)
    return w.lower() in _ABBREVIATIONS or len(w) == 1 and w.isupper()


def _clause_before(doc: Doc, text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0:
        c = text[start - 1]
        if c == "\n" or (c in ".!?" and text[start : start + 1].isspace()) or c in "”":
            break
        start -= 1
    return start, pos


def is_reporting(tok: Token, verbs: Iterable[str]) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in {
        "VBD",
        "VBZ",
        "VBP",
        "VBN",
        "VBG",
        "VB",
    }:
        return False
    lemma = tok.lemma_.lower()
    if lemma in verbs or tok.lower_ in verbs:
        return True
    # phrasal verbs are listed with their particle ("point out", "sum up")
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in verbs for c in tok.children)


def cue_text(verb: Token, *, lexicon: Lexicon | None = None) -> str:
    """The cue as written: the verb, its particle, and the person told ("told MEE"; the verbs
    that keep their hearer are ``lexicon.hearer_verbs``)."""
    hearer_verbs = (lexicon or default_lexicon()).hearer_verbs
    parts = [verb]
    for child in verb.rights:
        if child.dep_ == "prt":
            parts.append(child)
        elif verb.lemma_ in hearer_verbs and child.dep_ in {"dobj", "dative", "iobj"}:
            s, e = child.left_edge.i, child.i + 1
            if e - s <= 4 and not any(t.is_punct for t in verb.doc[s:e]):
                parts.extend(verb.doc[s:e])
    parts.sort(key=lambda t: t.i)
    doc = verb.doc
    return doc[parts[0].i : parts[-1].i + 1].text if len(parts) > 1 else verb.text


def subject_of(verb: Token) -> Token | None:
    """The token that names who speaks for ``verb``: its subject, the agent of a passive,
    or (for a verb in a conjunction or a participle) the subject of the verb it hangs on."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"} and not _across_mark(child, verb):
            subj = _within_paragraph(child, verb)
            if subj is None:
                return None
            subj = _appositive_name(subj)
            if not is_source_like(subj.doc[subj.i : subj.i + 1], subj):
                # "Addressing supporters in the capital, Tarkan, 67, said": the parse took a noun
                # of the opening phrase; the name just before the verb is the speaker
                alt = _noun_before(verb)
                if (
                    alt is not None
                    and alt.i > subj.i
                    and is_source_like(alt.doc[alt.i : alt.i + 1], alt)
                ):
                    return alt
            return subj
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    doc = verb.doc
    # "Ruiz continued by saying ...": a participle after a preposition takes its verb's subject
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and verb.head.head.pos_ in {"VERB", "AUX"}
    ):
        return subject_of(verb.head.head)
    # "..., adding that ...", "Writing on X, he said": a participle takes its clause's subject
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in {"advcl", "xcomp", "conj"}
        and verb.head.pos_ in {"VERB", "AUX"}
    ):
        return subject_of(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        between = doc[min(verb.i, verb.head.i) : max(verb.i, verb.head.i)]
        if not any("\n" in t.text or "\n" in t.whitespace_ for t in between):
            return subject_of(verb.head)
    # a finite verb right after a noun the parser attached elsewhere ("Rebel source accuses")
    # or a reduced relative clause ("a figure one senior officer dismissed as ...")
    finite = (
        verb.tag_ in {"VBZ", "VBD", "VBP"} or verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"}
    )
    if finite and not any(c.dep_ in {"auxpass", "nsubjpass", "aux"} for c in verb.children):
        # (past an apposition's closing comma: "Oduya's deputy, Grace Lamb, insisted")
        prev = _noun_before(verb)
        if prev is not None and (
            prev.i == verb.i - 1 or prev.dep_ == "appos" or doc[verb.i - 1].pos_ == "ADV"
        ):
            # (an object of a verb on an earlier line is the parse running across a break)
            lo, hi = sorted((prev.i, prev.head.i))
            across = any("\n" in t.text or "\n" in t.whitespace_ for t in doc[lo:hi])
            if prev.dep_ not in {"dobj", "nsubj", "nsubjpass"} or across and prev.dep_ == "dobj":
                return prev
    return None


def _up_from_pobj(tok: Token) -> Token:
    """``a spokesperson for the visitors said``: from the noun of a trailing "for/of" phrase up
    to the noun the phrase belongs to."""
    doc = tok.doc
    for _ in range(3):
        if (
            tok.dep_ == "pobj"
            and tok.head.dep_ == "prep"
            and tok.head.head.pos_ in {"NOUN", "PROPN"}
        ):
            up = tok.head.head
            # never across a line break: a headline glued by the parser to the next line
            # ("... town of X\n\nRebel source accuses") is not the noun the phrase belongs to
            if any(
                "\n" in t.text or "\n" in t.whitespace_
                for t in doc[min(up.i, tok.i) : max(up.i, tok.i)]
            ):
                break
            tok = up
        else:
            break
    return tok


def _noun_before(verb: Token) -> Token | None:
    """The noun right before a verb, past commas, adverbs and an age ("Tarkan, 67, said")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (
        doc[j].pos_ == "ADV"
        or doc[j].text == ","
        or doc[j].like_num
        and doc[j].dep_ in {"appos", "npadvmod"}
    ):
        j -= 1
    if j >= 0 and doc[j].pos_ in {"NOUN", "PROPN"} and not _across_mark(doc[j], verb):
        return _up_from_pobj(doc[j])
    return None


_MARK_CHARS = set("\"“”„«»‘’'‚‹›")


def _across_mark(a: Token, b: Token) -> bool:
    """True if a quote mark stands between ``a`` and ``b``: the parse ran from the quoted words
    to a verb outside them (``“Some villages we could not reach,” Varga told reporters``), and
    words inside a quotation are never the subject of the verb that introduces it."""
    doc = a.doc
    lo, hi = sorted((a.i, b.i))
    return any(_is_mark(t) for t in doc[lo + 1 : hi])


def _is_mark(t: Token) -> bool:
    """A quote mark token: one mark, or doubled straight ones ("''", "``"), not a possessive."""
    return bool(t.text) and all(c in _MARK_CHARS or c == "`" for c in t.text) and t.tag_ != "POS"


def _appositive_name(subj: Token) -> Token:
    """``The utility, Calvera Power, said``, ``Ohlin's brief, Sheila Brandt, insisted``, ``One of
    those removed, a retired driver, said``: a common noun (or "one", "another") with a name
    or a person noun in apposition speaks under that name or description."""
    if subj.pos_ == "PROPN" or subj.lower_ in PERSONAL_PRONOUNS:
        return subj
    for c in subj.children:
        if c.dep_ != "appos" or c.i < subj.i:
            continue
        if c.pos_ == "PROPN":
            return c
        if c.pos_ == "NOUN" and not is_source_like(subj.doc[subj.i : subj.i + 1], subj):
            if is_source_like(c.doc[c.i : c.i + 1], c):
                return c
    return subj


def _within_paragraph(subj: Token, verb: Token) -> Token | None:
    """The subject, or when the parse ran across a paragraph break (a credit line glued to the
    next paragraph), the noun that heads the verb's own paragraph up to the verb."""
    doc = verb.doc
    lo, hi = min(subj.i, verb.i), max(subj.i, verb.i)
    breaks = [t.i for t in doc[lo:hi] if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return subj
    if subj.i > verb.i:
        return None
    seg = doc[breaks[-1] + 1 : verb.i]
    for t in seg:
        if t.pos_ in {"NOUN", "PROPN", "PRON"} and not (seg.start <= t.head.i < seg.end):
            return t
    return None


def inverted_subject(verb: Token, limit: int, *, lexicon: Lexicon | None = None) -> Token | None:
    """``said one HTS militant``: a noun right after the verb (a parser may call it dobj).

    A verb that pins a judgement on its object (``lexicon.target_verbs``: accuse, blame,
    condemn, praise, urge ...) has the person it accuses, praises or urges after it, never the
    speaker: "X accuses the group of ...". Such a verb is inverted only straight after a
    quotation or a comma ("“...,” urged the mayor").
    """
    doc = verb.doc
    targets = (lexicon or default_lexicon()).target_verbs
    if verb.lemma_.lower() in targets or verb.lower_ in targets:
        prev = doc[verb.i - 1] if verb.i > 0 else None
        if prev is None or not (prev.text in _MARK_CHARS or prev.text == ","):
            return None
    for t in doc[verb.i + 1 : limit]:
        if t.is_punct or t.is_space:
            break
        if t.pos_ in {"NOUN", "PROPN", "PRON"}:
            h = t
            while (
                h.dep_ in {"compound", "amod", "nummod", "det", "poss", "flat"} and h.head.i > h.i
            ):
                h = h.head
            return h
    return None


class Resolver:
    """Keeps the mentions seen so far and resolves pronouns and definite descriptions."""

    def __init__(self, doc: Doc, verbs: frozenset[str], lexicon: Lexicon | None) -> None:
        self.lexicon = lexicon
        self.speakers: list[Mention] = []  # subjects of reporting verbs and quote speakers
        self.others: list[Mention] = []  # other people (PERSON names, person subjects)
        inside = SpanIndex(
            (q.inner_start, q.inner_end) for q in quoted_spans(doc_text(doc)) if q.kind == "quote"
        )
        for tok in doc:
            if tok.lower_ in PERSONAL_PRONOUNS:
                continue
            if inside.covers(tok.idx):
                continue  # people mentioned inside a quotation are the speaker's, not the report's
            if tok.dep_ in _SUBJ_DEPS | {"pobj"} and tok.pos_ in {"NOUN", "PROPN"}:
                if tok.dep_ == "pobj" and tok.head.dep_ != "agent":
                    continue
                m = make_mention(tok, lexicon=lexicon)
                if is_reporting(tok.head, verbs) and is_source_like(
                    doc[tok.i : tok.i + 1], tok, lexicon=lexicon
                ):
                    self.speakers.append(m)
                elif m.source_type in {"named_person", "anonymous_person"}:
                    self.others.append(m)
        # a name the model split ("Boss" + "Ana Duarte") is one person: an entity inside a
        # mention already found is not a second one
        covered = {c for x in self.speakers + self.others for c in range(x.start, x.end)}
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" and not inside.covers(ent.start_char):
                if ent.start_char in covered and ent.end_char - 1 in covered:
                    continue
                m = make_mention(ent.root, lexicon=lexicon)
                if m.source_type == "named_person":
                    self.others.append(m)
        self.doc = doc
        # full names by surname ("Osei" -> "kwame osei"), so that a surname alone is the person
        # named in full before it, and a father and a daughter who share it stay two people
        self.full_names: dict[str, list[tuple[int, str]]] = {}
        for m in sorted(self.speakers + self.others, key=lambda x: x.start):
            if m.source_type == "named_person":
                words = name_words(m, doc)
                if len(words) >= 2:
                    self.full_names.setdefault(words[-1], []).append((m.start, " ".join(words)))
        self.speakers = sorted((self.retype(m) for m in self.speakers), key=lambda m: m.start)
        self.others.sort(key=lambda m: m.start)
        self.mentions = sorted(self.speakers + self.others, key=lambda x: x.start)
        self.starts = [x.start for x in self.mentions]
        # what the text shows about each person's gender: their own words ("spokeswoman",
        # "Mr"), then every "he"/"she" subject read in order and resolved
        self.gender: dict[str, str] = {}
        for m in self.mentions:
            g = mention_gender(m, doc)
            if g:
                self.gender.setdefault(self.key(m), g)
        for tok in doc:
            if tok.lower_ in {"he", "she"} and tok.dep_ in {"nsubj", "nsubjpass"}:
                if not inside.covers(tok.idx):
                    self.resolve(make_mention(tok, lexicon=lexicon))

    def _earlier_full_name(self, surname: str, start: int) -> str | None:
        names = self.full_names.get(surname)
        if not names:
            return None
        k = bisect.bisect_left(names, (start, ""))
        return names[k - 1][1] if k > 0 else None

    def key(self, m: Mention) -> str:
        """Who a mention is, for gender: the full name ("teresa amato"), a surname alone taken
        as the latest full name with that surname before it, or ``identity``."""
        if m.source_type == "named_person" and not m.pronoun:
            words = name_words(m, self.doc)
            if len(words) >= 2:
                return " ".join(words)
            if words:
                return self._earlier_full_name(words[0], m.start) or words[0]
        return identity(m, self.doc)

    def _role_referent(self, m: Mention) -> Mention | None:
        """``the spokeswoman``, ``the coach``, ``the judge``: the latest person named earlier with
        that role, in the name's own words ("Harbour City coach Ana Duarte") or in apposition
        ("Nadia Brook, a spokeswoman for the port authority")."""
        words = m.text.lower().split()
        if m.pronoun or m.plural or m.named or len(words) < 2 or words[0] != "the":
            return None
        lex = self.lexicon or default_lexicon()
        role = words[-1]
        if role not in lex.titles and role not in lex.anonymous:
            return None
        k = bisect.bisect_left(self.starts, m.start)
        for prev in reversed(self.mentions[max(0, k - 60) : k]):
            if prev.pronoun:
                continue
            head = self.doc[prev.head]
            roles = set(prev.text.lower().replace(",", " ").split()) | set(
                person_roles(head, lexicon=lex)
            )
            if role in roles:
                return prev if prev.source_type == "named_person" else None
        return None

    def retype(self, m: Mention) -> Mention:
        """A surname alone ("Rourke", "Reyes-Ford") that repeats the surname of a person named in
        full earlier is that person, even when the model tagged it as an organisation."""
        if m.pronoun or m.source_type == "named_person" or " " in m.text.strip():
            return m
        if self.doc[m.head].pos_ != "PROPN" or not m.text[:1].isupper():
            return m
        if self._earlier_full_name(m.text.lower(), m.start) is None:
            return m
        return replace(m, source_type="named_person", named=True)

    def add(self, m: Mention) -> None:
        m = self.retype(m)
        if not m.pronoun and all(x.start != m.start for x in self.speakers):
            self.speakers.append(m)
            self.speakers.sort(key=lambda x: x.start)
            k = bisect.bisect_left(self.starts, m.start)
            self.mentions.insert(k, m)
            self.starts.insert(k, m.start)
            g = mention_gender(m, self.doc)
            if g:
                self.gender.setdefault(self.key(m), g)

    def _gender_of(self, m: Mention) -> str | None:
        return self.gender.get(self.key(m))

    def _antecedent(self, pron: Mention) -> Mention | None:
        """The latest earlier mention that fits the pronoun: number, person or body, and for
        he/she no gender the text has shown to be the other one."""
        kind = PERSONAL_PRONOUNS.get(pron.text.lower())
        want = PRONOUN_GENDER.get(pron.text.lower())
        k = bisect.bisect_left(self.starts, pron.start)
        for m in reversed(self.mentions[:k]):
            if m.pronoun:
                continue
            if kind == "person" and is_personlike(m):
                if want and self._gender_of(self.resolve(m)) not in {None, want}:
                    continue
                return m
            if resolve_pronoun(pron, [m]) is m:
                return m
        return None

    def resolve(self, m: Mention) -> Mention:
        """The mention to report for ``m`` (itself, or its antecedent).

        A pronoun goes to the latest fitting mention before it: a speaker, a subject or a
        named person. A definite description goes to the fuller earlier mention.
        """
        if m.pronoun:
            ante = self._antecedent(m)
            if ante is None:
                return m
            r = self.resolve(ante)
            want = PRONOUN_GENDER.get(m.text.lower())
            if want:
                self.gender.setdefault(self.key(r), want)
                self.gender.setdefault(self.key(ante), want)
            return r
        m = self.retype(m)
        named = self._role_referent(m)
        if named is not None:
            return named
        earlier = same_referent(m, self.speakers + self.others)
        if earlier is not None and earlier.start < m.start:
            return self.resolve(earlier)
        return m


def _pull_quote_speaker(
    doc: Doc, text: str, span: QuotedSpan, lexicon: Lexicon | None
) -> Mention | None:
    """A display quote alone on its line, followed by a line "- Speaker, role"."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    if (
        line_end < 0
        or text[line_start : span.start].strip()
        or text[span.end : line_end].strip(" .")
    ):
        return None
    rest = text[line_end:]
    m = re.match(r"\s*\n?\s*([-–—―])\s*([^\n]+)", rest)
    if not m or rest[: m.start(1)].count("\n") > 3:
        return None
    s = line_end + m.start(2)
    e = line_end + m.end(2)
    name = text[s:e].rstrip()
    # "Akram al-Masri, activist": the part before the comma names the speaker
    if "," in name:
        first = name.split(",", 1)[0]
        span_first = doc.char_span(s, s + len(first), alignment_mode="expand")
        if span_first is not None and any(
            t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in span_first
        ):
            name = first
    e = s + len(name)
    sp = doc.char_span(s, e, alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    # "- Omar Haddad told MEE": the credit names the speaker up to its verb
    verb_at = next((t for t in sp if t.pos_ in {"VERB", "AUX"} and t.i > sp.start), None)
    if verb_at is not None:
        e = max(s, verb_at.idx)
        name = text[s:e].rstrip(" ,")
        e = s + len(name)
        sp = doc.char_span(s, e, alignment_mode="expand")
        if not name or sp is None or not len(sp):
            return None
    head = sp.root
    stype, named = classify(sp, head, lexicon=lexicon)
    if stype == "unspecified":
        stype = "anonymous_person"
    return Mention(
        text=name,
        start=s,
        end=e,
        source_type=stype,
        named=named,
        head=head.i,
        confidence=type_confidence(sp, head, lexicon=lexicon),
    )


_CREDIT = re.compile(r"[ \t\xa0]*[-–—―][ \t\xa0]*([A-Z][^\n]{0,60}?)[ \t\xa0.]*(?=\n|$)")


def _credit_after(doc: Doc, text: str, span: QuotedSpan, lexicon: Lexicon | None) -> Mention | None:
    """A quote that opens its line and is followed on the same line by a dash and a name to the
    end of the line: ``“We ran out of water on the last climb.” ― Ines Moreau``."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if text[line_start : span.start].strip():
        return None
    m = _CREDIT.match(text, span.end)
    if not m:
        return None
    name = m.group(1).split(",", 1)[0].rstrip()
    s = m.start(1)
    sp = doc.char_span(s, s + len(name), alignment_mode="expand")
    if (
        sp is None
        or not len(sp)
        or len(sp) > 6
        or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in sp)
    ):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in sp):
        return None
    stype, named = classify(sp, sp.root, lexicon=lexicon)
    if stype == "unspecified":
        stype = "anonymous_person"
    return Mention(
        text=name,
        start=s,
        end=s + len(name),
        source_type=stype,
        named=named,
        head=sp.root.i,
        confidence=type_confidence(sp, sp.root, lexicon=lexicon),
    )


def _by_phrase(doc: Doc, start: int, end: int, lexicon: Lexicon | None) -> Token | None:
    for t in _tokens_between(doc, start, end):
        if t.lower_ == "by":
            for g in t.children:
                if g.dep_ == "pobj" and is_source_like(doc[g.i : g.i + 1], g, lexicon=lexicon):
                    return g
    return None


def _governing_cue(
    doc: Doc, span: QuotedSpan, verbs: frozenset[str], label_verbs: frozenset[str]
) -> Token | None:
    """The reporting verb the parse hangs the quoted words on, if any.

    ``the minister said the strike was "unjustified" and urged ...``: the quote's words hang on
    "was", which hangs on "said", so "said" is the cue (not "urged", nearer after the quote).
    A label verb counts when the quote is its "as" phrase or object predicate: ``dismissed it as
    "fantasy"``, ``called the plan "reckless"``.
    """
    toks = _tokens_between(doc, span.inner_start, span.inner_end)
    inside = {t.i for t in toks}
    for root in (t for t in toks if t.head.i not in inside):
        # "called the plan "reckless"": the quote is the verb's object predicate
        h, via_as = root, root.lower_ == "as" or root.dep_ == "oprd"
        for _ in range(6):
            if h.head is h:
                break
            h = h.head
            if h.i in inside:
                break
            lo, hi = sorted((h.idx, span.inner_start if h.idx < span.start else span.inner_end))
            if "\n" in doc_text(doc)[lo:hi]:
                break  # the parse ran across a paragraph break
            if is_reporting(h, verbs):
                return h
            if (
                h.i == root.head.i
                and root.dep_ in {"dobj", "oprd", "xcomp", "attr", "ccomp", "npadvmod"}
                and h.pos_ == "VERB"
                and h.lemma_.lower() in label_verbs
                and h.idx < span.start
                and any(
                    t.pos_ in {"NOUN", "PROPN", "PRON"}
                    for t in _tokens_between(doc, h.idx + len(h.text), span.start)
                )
            ):
                # "branded the scheme 'a business designed to fail'": a label verb with the
                # thing labelled, then the label in quote marks as a second object
                return h
            if h.lower_ == "as":
                via_as = True
            elif via_as and h.pos_ == "VERB" and h.lemma_.lower() in label_verbs:
                return h
    return None


def _frame_cue(
    doc: Doc, text: str, span: QuotedSpan, after: list[Token]
) -> tuple[Token, Token] | None:
    """``“...,” she sneered.`` / ``“...!” laughed Ortega.``: any verb in this frame is a cue.

    The frame: the quoted words end in a comma, ``!`` or ``?``, and the clause after the closing
    mark is just a subject and a verb (either order), optionally with more words after a comma.
    """
    inner = span.text.rstrip()
    if not inner.endswith((",", "!", "?")) and not text[span.end : span.end + 1] == ",":
        return None
    words = [t for t in after if not t.is_punct and not t.is_space][:4]
    if len(words) < 2:
        return None
    a, b = words[0], words[1]
    if a.lower_ in PERSONAL_PRONOUNS or a.pos_ == "PROPN":
        verb = next((t for t in words[1:] if t.pos_ == "VERB"), None)
        if verb is not None and verb.tag_ in {"VBD", "VBZ"}:
            subj = subject_of(verb)
            if subj is not None and subj.i < verb.i:
                return verb, subj
    if (
        a.pos_ == "VERB"
        and a.tag_ in {"VBD", "VBZ"}
        and (b.pos_ == "PROPN" or b.lower_ in {"the", "a", "an", "one"})
    ):
        subj = inverted_subject(a, after[-1].i + 1)
        if subj is not None:
            return a, subj
    return None


def find_cue(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    verbs: frozenset[str],
    lexicon: Lexicon | None,
    label_verbs: frozenset[str] = LABEL_VERBS,
) -> tuple[Token | None, Token | None, bool]:
    """(cue verb, speaker head token, cue_after) for a quoted span, or Nones. A speaker or a cue
    inside the quoted words themselves ("I will make this promise to you: we will ...") is
    never the one that introduces them."""
    verb, subj, after_ = _find_cue(doc, text, span, verbs, lexicon, label_verbs)
    if verb is not None and span.inner_start <= verb.idx < span.inner_end:
        return None, None, False
    if subj is not None and span.inner_start <= subj.idx < span.inner_end:
        # the parse ran into the quotation: the noun right before the verb after it
        alt = _noun_before(verb) if verb is not None and verb.idx >= span.end else None
        if (
            alt is not None
            and alt.idx >= span.end
            and is_source_like(doc[alt.i : alt.i + 1], alt, lexicon=lexicon)
        ):
            return verb, alt, after_
        return verb, None, after_
    return verb, subj, after_


def _find_cue(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    verbs: frozenset[str],
    lexicon: Lexicon | None,
    label_verbs: frozenset[str],
) -> tuple[Token | None, Token | None, bool]:
    a_start, a_end = _clause_after(doc, text, span.end)
    after = _tokens_between(doc, a_start, a_end)
    gov = _governing_cue(doc, span, verbs, label_verbs)
    if gov is not None:
        g_after = gov.idx >= span.end
        subj = subject_of(gov)
        if subj is None and g_after and after:
            subj = inverted_subject(gov, after[-1].i + 1, lexicon=lexicon)
        if subj is None and any(c.dep_ == "auxpass" for c in gov.children):
            subj = _by_phrase(doc, span.end, a_end, lexicon)
        inside = (
            span.inner_start <= gov.idx < span.inner_end
            or subj is not None
            and (span.inner_start <= subj.idx < span.inner_end)
        )
        if (
            subj is not None
            and not inside
            and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
        ):
            return gov, subj, g_after
    found = _find_cue_nearby(doc, text, span, verbs, lexicon, after, a_start, a_end)
    if found[0] is None:
        frame = _frame_cue(doc, text, span, after)
        if frame is not None:
            return frame[0], frame[1], True
        intro = _colon_intro(doc, text, span, verbs, lexicon)
        if intro is not None:
            return intro[0], intro[1], False
    return found


def _colon_intro(
    doc: Doc, text: str, span: QuotedSpan, verbs: frozenset[str], lexicon: Lexicon | None
) -> tuple[Token, Token] | None:
    """A quotation that opens its paragraph after a paragraph ending in a colon: ``Ruiz
    continued:`` / ``Said Ruiz:`` / ``In a statement, the club wrote:``. The short clause before
    the colon gives the speaker: its subject, or the name after a verb that opens it."""
    if text[text.rfind("\n", 0, span.start) + 1 : span.start].strip():
        return None  # the quote does not open its paragraph
    prev_end = len(text[: span.start].rstrip())
    if prev_end == 0 or text[prev_end - 1] != ":":
        return None
    line_start = text.rfind("\n", 0, prev_end - 1) + 1
    toks = [t for t in _tokens_between(doc, line_start, prev_end - 1) if not t.is_space]
    if not toks or len(toks) > 25 or any(_is_mark(t) for t in toks):
        return None
    verbs_in = [t for t in toks if t.pos_ in {"VERB", "AUX"}]
    for v in verbs_in:
        subj = subject_of(v)
        if (
            subj is not None
            and subj.i < v.i
            and toks[0].i <= subj.i
            and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
        ):
            return v, subj
    # "Said Ruiz:", "Continued the mayor:" (the model may tag an opening "Continued" as an
    # adjective)
    first = toks[0]
    if is_reporting(first, verbs | {"continue"}) or first.lower_ in _INVERTED_OPENERS:
        for t in toks[1:]:
            if t.pos_ in {"NOUN", "PROPN"}:
                h = t
                while h.dep_ in {"compound", "flat"} and h.head.i > h.i and h.head.i <= toks[-1].i:
                    h = h.head
                h = _appositive_name(h)
                if is_source_like(doc[h.i : h.i + 1], h, lexicon=lexicon):
                    return first, h
                break
    return None


# words that open an inverted introduction before a colon: "Said Ruiz:", "Continued Ruiz:"
_INVERTED_OPENERS = {
    "said",
    "added",
    "continued",
    "wrote",
    "concluded",
    "explained",
    "asked",
    "stated",
    "noted",
    "replied",
    "declared",
    "argued",
    "insisted",
    "recalled",
    "tweeted",
}


def _find_cue_nearby(
    doc: Doc,
    text: str,
    span: QuotedSpan,
    verbs: frozenset[str],
    lexicon: Lexicon | None,
    after: list[Token],
    a_start: int,
    a_end: int,
) -> tuple[Token | None, Token | None, bool]:
    """The cue by position: a reporting verb just after the quote, then before it."""
    for t in after[:8]:
        if is_reporting(t, verbs):
            subj = subject_of(t) or inverted_subject(t, after[-1].i + 1, lexicon=lexicon)
            if (
                subj is not None
                and subj.i > t.i
                and sum(not x.is_space for x in doc[t.i + 1 : subj.i]) > 7
            ):
                subj = None
            return t, subj, True
    # "“...,” Ana Ruiz, the mayor of a small town in the north, said": a long apposition
    # between the quote and its verb; the subject right after the quote names the speaker
    for t in after[8:24]:
        if is_reporting(t, verbs) and t.pos_ in {"VERB", "AUX"}:
            subj = subject_of(t)
            if (
                subj is not None
                and subj.i < t.i
                and subj.i <= after[0].i + 4
                and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
            ):
                return t, subj, True
            break
    # a headline: "'We were robbed': coach fumes" (the speaker is the subject after the colon)
    if text[a_start:a_end].lstrip().startswith(":"):
        for t in after[:6]:
            if t.dep_ == "nsubj" and is_source_like(doc[t.i : t.i + 1], t, lexicon=lexicon):
                return t.head, t, True
    b_start, b_end = _clause_before(doc, text, span.start)
    before = _tokens_between(doc, b_start, b_end)
    for t in reversed(before):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for g in doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return t, g, False
        if is_reporting(t, verbs):
            subj = subject_of(t)
            if subj is None and any(c.dep_ == "auxpass" for c in t.children):
                subj = _by_phrase(doc, span.end, a_end, lexicon)
            elif subj is None and before and t.i == before[0].i:
                # "Said Ellis: “...”": a verb opening the clause, its speaker after it
                subj = inverted_subject(t, before[-1].i + 1, lexicon=lexicon)
            return t, subj, False
    # "Skipper Jonas Weller summed it up: '...'": a clause ending in a colon introduces the
    # quote, and its subject (a person or a body) is the speaker, whatever the verb
    if text[b_start : span.start].rstrip().endswith(":") and not text[
        b_start : span.start
    ].rstrip()[:-1].rstrip().endswith(('"', "”", "'", "’")):
        for t in before:
            if t.pos_ in {"VERB", "AUX"} and (
                t.dep_ == "ROOT" or t.head.i < before[0].i or t.head.i > before[-1].i
            ):
                subj = subject_of(t)
                if (
                    subj is not None
                    and subj.i < t.i
                    and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
                ):
                    return t, subj, False
                break
    # "..., according to X." after the quote
    for t in after:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for g in doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return t, g, True
    return None, None, False


def _is_partial(text: str, span: QuotedSpan, cue_after: bool, doc: Doc) -> bool:
    inner = span.text.lstrip(" ….")
    first_alpha = next((c for c in inner if c.isalpha()), "")
    if first_alpha and first_alpha.islower():
        return True
    b_start, _ = _clause_before(doc, text, span.start)
    before = text[b_start : span.start].strip()
    # the quote sits in the middle of the reporter's sentence
    if before and not before.endswith((":", ",", "—", "–", "-")):
        return True
    a_start, a_end = _clause_after(doc, text, span.end)
    after = text[a_start:a_end].strip()
    if after and not cue_after and not after.startswith((",", "—", "-", ":")):
        return True
    return False


def quotes(
    doc: Doc,
    *,
    verbs: Iterable[str] = REPORTING_VERBS,
    lexicon: Lexicon | None = None,
    kinds: Mapping[str, str] | None = None,
) -> list[Quote]:
    """Every direct quotation in ``doc``, in order, with speaker, cue and speaker type.

    ``verbs`` are the lemmas of reporting verbs ("say", "warn"...); ``lexicon`` holds the
    nouns that decide a speaker's type (see ``speech.Lexicon``).
    """
    verbs = frozenset(v.lower() for v in verbs)
    lexicon = (lexicon or default_lexicon()).with_kinds(kinds)
    text = doc_text(doc)
    spans = _merge_paragraphs(
        text, [s for s in quoted_spans(text) if s.kind == "quote" and not _not_words(text, s)]
    )
    resolver = Resolver(doc, verbs, lexicon)
    found: list[dict] = []
    for span in spans:
        verb, subj, cue_after = find_cue(doc, text, span, verbs, lexicon)
        mention: Mention | None = None
        pull = False
        pm = _pull_quote_speaker(doc, text, span, lexicon)
        if pm is not None and verb is None:
            mention, pull = pm, True
        elif subj is not None and subj.lower_ in _RELATIVE_OR_DEMONSTRATIVE:
            # "Ruiz, who said ...": the noun a relative pronoun stands for; a demonstrative
            # ("That makes me smart," ...) is never a speaker
            ante = relative_antecedent(subj)
            mention = make_mention(ante, lexicon=lexicon) if ante is not None else None
        elif subj is not None:
            mention = make_mention(subj, lexicon=lexicon)
            if verb is not None and mention.start <= verb.idx < mention.end:
                # the model read the verb into a name ("Said Ellis:", "Ruiz told Radio One" as one
                # title): the speaker is the part on the subject's side of the verb
                if subj.i > verb.i:
                    cut = verb.idx + len(verb.text)
                    rest = text[cut : mention.end]
                    mention = replace(
                        mention, text=rest.strip(), start=mention.end - len(rest.lstrip())
                    )
                else:
                    mention = replace(
                        mention,
                        text=text[mention.start : verb.idx].rstrip(),
                        end=mention.start + len(text[mention.start : verb.idx].rstrip()),
                    )
        elif verb is None:
            mention = _credit_after(doc, text, span, lexicon)
        cue = None
        if verb is not None:
            cue = "according to" if verb.lower_ == "according" else cue_text(verb, lexicon=lexicon)
        found.append(
            {
                "span": span,
                "mention": mention,
                "cue": cue,
                "cue_after": cue_after,
                "pull": pull,
                "has_cue": verb is not None,
            }
        )
    # split and multi-paragraph quotes: a quote with no cue of its own joins its neighbour
    for i, f in enumerate(found):
        if f["mention"] is not None or f["has_cue"]:
            continue
        prev = found[i - 1] if i > 0 else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            prev is not None
            and prev["mention"] is not None
            and (
                _adjacent(text, prev["span"], f["span"])
                or _same_paragraph(text, prev["span"], f["span"])
            )
        ):
            f["mention"], f["cue"] = prev["mention"], prev["cue"]
        elif (
            nxt is not None
            and nxt["mention"] is not None
            and _adjacent(text, f["span"], nxt["span"], gap_words=0)
        ):
            f["mention"], f["cue"] = nxt["mention"], nxt["cue"]
        else:
            near = _speaker_in_paragraph(doc, text, f["span"], verbs, lexicon)
            if near is not None:
                f["mention"], f["cue"] = (
                    make_mention(near[1], lexicon=lexicon),
                    cue_text(near[0], lexicon=lexicon),
                )
            elif (
                prev is not None
                and prev["mention"] is not None
                and _whole_paragraph(text, f["span"])
                and _next_paragraph(text, prev["span"], f["span"])
            ):
                # a paragraph that is all quotation, straight after a paragraph holding a quote
                # of a known speaker, goes on with that speaker's words
                f["mention"], f["cue"] = prev["mention"], prev["cue"]
    # a quotation inside another one ("... prompt people to say, 'They know what they are
    # doing.'") is in the words of the outer quote's speaker, unless someone outside the outer
    # quote is named as saying it
    for f in found:
        outer = next(
            (
                g
                for g in found
                if g is not f
                and g["span"].inner_start <= f["span"].start
                and f["span"].end <= g["span"].inner_end
            ),
            None,
        )
        if outer is None or outer["mention"] is None:
            continue
        m = f["mention"]
        if m is None or outer["span"].inner_start <= m.start < outer["span"].inner_end:
            f["mention"], f["cue"] = outer["mention"], outer["cue"]
    out: list[Quote] = []
    for f in found:
        span = f["span"]
        m = f["mention"]
        speaker = speaker_type = None
        s_start = s_end = None
        confidence = "low"
        if m is not None:
            r = resolver.resolve(m) if not f["pull"] else m
            if not m.pronoun and not f["pull"]:
                resolver.add(m)
            speaker = r.text
            speaker_type = r.source_type if not r.pronoun else "unspecified"
            s_start, s_end = r.start, r.end
            confidence = r.confidence if not r.pronoun else "low"
        out.append(
            Quote(
                text=span.text,
                start=span.inner_start,
                end=span.inner_end,
                speaker=speaker,
                speaker_type=speaker_type or "unspecified",
                cue=f["cue"],
                partial=False if f["pull"] else _is_partial(text, span, f["cue_after"], doc),
                speaker_start=s_start,
                speaker_end=s_end,
                pull_quote=f["pull"],
                type_confidence=confidence,
            )
        )
    return out


def _reported_speaker(verb: Token, verbs: frozenset[str], lexicon: Lexicon | None) -> Token | None:
    if not is_reporting(verb, verbs) or any(c.dep_ in {"auxpass", "neg"} for c in verb.children):
        return None
    subj = subject_of(verb)
    if (
        subj is None
        or subj.i > verb.i
        or not is_source_like(verb.doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
    ):
        return None
    return subj


def _speaker_in_paragraph(
    doc: Doc, text: str, span: QuotedSpan, verbs: frozenset[str], lexicon: Lexicon | None
) -> tuple[Token, Token] | None:
    """(verb, speaker) for a whole-sentence quote with no cue of its own, from its paragraph:

    - ``Ashdown said the budget was rushed. "Nobody read the figures."``: the quote goes on
      from the last reported speech before it in the same paragraph;
    - ``“We have had no water for nine days.” Farmer Ruth Adeyemi said the well ran dry.``: a
      quote that opens its paragraph takes the speaker of the sentence right after it.
    Only a quote that is a sentence of its own counts (not words inside the reporter's
    sentence), and only the paragraph the quote stands in is read.
    """
    para_start = text.rfind("\n", 0, span.start) + 1
    para_end = text.find("\n", span.end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start : span.start].rstrip()
    if before and not before.endswith((".", "!", "?", "”", '"', "’", "'")):
        return None
    if not span.text.rstrip().endswith((".", "!", "?", "…")):
        return None
    if before:
        for t in reversed(_tokens_between(doc, para_start, span.start)):
            subj = _reported_speaker(t, verbs, None) if t.pos_ in {"VERB", "AUX"} else None
            if (
                subj is not None
                and subj.idx >= para_start
                and is_source_like(doc[subj.i : subj.i + 1], subj, lexicon=lexicon)
            ):
                return t, subj
        return None
    # the quote opens the paragraph: read the next sentence, if no quote mark is in it
    rest = _tokens_between(doc, span.end, para_end)
    if not rest:
        return None
    sent = rest[0].sent if not rest[0].is_space else rest[min(1, len(rest) - 1)].sent
    if (
        sent.start_char < span.end
        or sent.end_char > para_end + 1
        or any(c in sent.text for c in _MARK_CHARS - {"'", "’"})
    ):
        return None
    for t in sent:
        if t.pos_ in {"VERB", "AUX"}:
            subj = _reported_speaker(t, verbs, lexicon)
            if subj is not None:
                return t, subj
    return None


_TITLE_BEFORE = {"on", "in", "to", "at", "during", "from", "of", "with"}


def _not_words(text: str, span: QuotedSpan) -> bool:
    """Quote marks that hold no one's words:

    - a value in markup left in the text (``<tweet author="..." id="7834...">``): the mark
      comes straight after "=";
    - the title of a show, a book or a song after a preposition or a possessive (``said on
      "Meet the Press"``, ``told CBS's "Face the Nation,"``): up to seven words, each long word
      capitalised, with no ! or ?.
    """
    if text[max(0, span.start - 1) : span.start] == "=":
        return True
    inner = span.text.strip().rstrip(".,;:")
    words = inner.split()
    if not words or len(words) > 7 or "!" in inner or "?" in inner:
        return False
    if (
        not all(w[:1].isupper() or len(w) < 4 or not w[:1].isalpha() for w in words)
        or not words[0][:1].isupper()
    ):
        return False
    before = re.findall(r"[\w'’]+", text[max(0, span.start - 40) : span.start])
    if not before:
        return False
    prev = before[-1]
    return prev.lower() in _TITLE_BEFORE or prev.endswith(("'s", "’s"))


def _merge_paragraphs(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """A quotation that runs over several paragraphs (each opens with a mark, only the last one
    closes) is one quote: its paragraphs are joined, from the first opening mark to the last
    closing one, and its speaker is found from the cue after the last paragraph."""
    out: list[QuotedSpan] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == prev.inner_end  # no closing mark: the paragraph ended the quote
            and not text[prev.inner_end : sp.start].strip()
            and "\n" in text[prev.inner_end : sp.start]
        ):
            out[-1] = QuotedSpan(
                start=prev.start,
                end=sp.end,
                inner_start=prev.inner_start,
                inner_end=sp.inner_end,
                kind="quote",
                text=text[prev.inner_start : sp.inner_end],
            )
            continue
        out.append(sp)
    return out


def _whole_paragraph(text: str, span: QuotedSpan) -> bool:
    """True if the quotation fills its paragraph: only white space before it on its line, and
    at most closing punctuation after it."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    rest = text[span.end : len(text) if line_end < 0 else line_end]
    return not text[line_start : span.start].strip() and not rest.strip(" .,;…")


def _next_paragraph(text: str, a: QuotedSpan, b: QuotedSpan) -> bool:
    """True if ``b`` stands in the paragraph right after the one that holds ``a``."""
    between = text[a.end : b.start]
    return "\n" in between and not between[between.index("\n") :].strip()


def _same_paragraph(text: str, a: QuotedSpan, b: QuotedSpan) -> bool:
    """``“...,” said Marisol, a teacher who ..., as she waited ... “...”``: a quote with no cue
    of its own later in the same paragraph as another quote continues that speaker's words."""
    return "\n" not in text[a.end : b.start]


def _adjacent(text: str, a: QuotedSpan, b: QuotedSpan, *, gap_words: int = 12) -> bool:
    """True if quote ``b`` follows ``a`` with at most a short cue clause between them."""
    between = text[a.end : b.start]
    if between.count("\n") > 2 and gap_words:
        return False
    words = re.findall(r"\w+", between)
    return len(words) <= gap_words


def quote_spans_of(doc: Doc) -> list[Span]:
    """The quoted stretches of ``doc`` as spaCy spans (for other extractors)."""
    out = []
    for s in quoted_spans(doc_text(doc)):
        if s.kind == "quote":
            sp = doc.char_span(s.inner_start, s.inner_end, alignment_mode="expand")
            if sp is not None:
                out.append(sp)
    return out
