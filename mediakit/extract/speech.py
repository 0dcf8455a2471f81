"""Shared helpers for quotes and attributions: word lists, source mentions, source types.

Word lists live in ``mediakit/data/speech/`` (see the README there for where each came from).
Every list is loaded once, as a frozenset, and every function that uses one takes it as a
keyword argument so an exercise can hand in a learner's own list.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..records import SOURCE_TYPES
from ._doc import ent_of, ents_within, widen_to_ents

if TYPE_CHECKING:  # spaCy is imported only where a text is parsed
    from spacy.tokens import Doc, Span, Token


def load_list(name: str) -> frozenset[str]:
    """A word list from ``mediakit/data/speech/<name>.txt``: one entry a line, # comments."""
    text = resources.files("mediakit").joinpath("data", "speech", f"{name}.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, list[str]]:
    text = (
        resources.files("mediakit")
        .joinpath("data", "speech", "word_classes.toml")
        .read_text("utf-8")
    )
    return tomllib.loads(text)


def load_words(key: str) -> frozenset[str]:
    """A named list from ``mediakit/data/speech/word_classes.toml``, lower-cased."""
    return frozenset(w.lower() for w in _word_classes()[key])


def load_patterns(key: str) -> tuple[str, ...]:
    """A named list of regular expressions from ``word_classes.toml``, as written."""
    return tuple(_word_classes()[key])


REPORTING_VERBS: frozenset[str] = load_list("reporting_verbs")
LABEL_VERBS: frozenset[str] = load_list("label_verbs")


def load_gendered(name: str = "gendered") -> dict[str, str]:
    """``{word: "f" | "m"}`` from ``mediakit/data/speech/gendered.txt`` (lines "f spokeswoman")."""
    out: dict[str, str] = {}
    for line in load_list(name):
        g, _, word = line.partition(" ")
        if g in {"f", "m"} and word.strip():
            out[word.strip()] = g
    return out


GENDERED: Mapping[str, str] = load_gendered()
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@dataclass(frozen=True)
class Lexicon:
    """The nouns that decide a source's type. Build your own with ``Lexicon(officials=...)``."""

    officials: frozenset[str] = field(default_factory=lambda: load_list("officials"))
    anonymous: frozenset[str] = field(default_factory=lambda: load_list("anonymous"))
    media: frozenset[str] = field(default_factory=lambda: load_list("media"))
    media_names: frozenset[str] = field(default_factory=lambda: load_list("media_names"))
    ngo: frozenset[str] = field(default_factory=lambda: load_list("ngo"))
    ngo_names: frozenset[str] = field(default_factory=lambda: load_list("ngo_names"))
    partisan: frozenset[str] = field(default_factory=lambda: load_list("partisan"))
    generic: frozenset[str] = field(default_factory=lambda: load_list("generic_sources"))
    org_words: frozenset[str] = field(default_factory=lambda: load_list("organisation_words"))
    titles: frozenset[str] = field(default_factory=lambda: load_list("titles"))
    # rule words from word_classes.toml (see the README for each)
    group_heads: frozenset[str] = field(default_factory=lambda: load_words("group_heads"))
    ngo_institution_heads: frozenset[str] = field(
        default_factory=lambda: load_words("ngo_institution_heads")
    )
    off_record_heads: frozenset[str] = field(default_factory=lambda: load_words("off_record_heads"))
    side_heads: frozenset[str] = field(default_factory=lambda: load_words("side_heads"))
    side_prefixes: frozenset[str] = field(default_factory=lambda: load_words("side_prefixes"))
    source_pronouns: frozenset[str] = field(default_factory=lambda: load_words("source_pronouns"))
    anonymity_patterns: tuple[str, ...] = field(
        default_factory=lambda: load_patterns("anonymity_patterns")
    )
    passive_hearsay: frozenset[str] = field(default_factory=lambda: load_words("passive_hearsay"))
    needs_complement: frozenset[str] = field(default_factory=lambda: load_words("needs_complement"))
    needs_clause: frozenset[str] = field(default_factory=lambda: load_words("needs_clause"))
    report_nouns: frozenset[str] = field(default_factory=lambda: load_words("report_nouns"))
    report_noun_verbs: frozenset[str] = field(
        default_factory=lambda: load_words("report_noun_verbs")
    )
    hedge_sources: frozenset[str] = field(default_factory=lambda: load_words("hedge_sources"))
    belief_verbs: frozenset[str] = field(default_factory=lambda: load_words("belief_verbs"))
    act_verbs: frozenset[str] = field(default_factory=lambda: load_words("act_verbs"))
    object_act_verbs: frozenset[str] = field(default_factory=lambda: load_words("object_act_verbs"))
    speech_objects: frozenset[str] = field(default_factory=lambda: load_words("speech_objects"))
    belief_phrases: frozenset[str] = field(default_factory=lambda: load_words("belief_phrases"))
    continue_verbs: frozenset[str] = field(default_factory=lambda: load_words("continue_verbs"))
    refusal_verbs: frozenset[str] = field(default_factory=lambda: load_words("refusal_verbs"))
    act_verb_phrases: frozenset[str] = field(default_factory=lambda: load_words("act_verb_phrases"))
    colon_non_sources: frozenset[str] = field(
        default_factory=lambda: load_words("colon_non_sources")
    )
    evidence_verbs: frozenset[str] = field(default_factory=lambda: load_words("evidence_verbs"))
    document_nouns: frozenset[str] = field(default_factory=lambda: load_words("document_nouns"))
    say_verbs: frozenset[str] = field(default_factory=lambda: load_words("say_verbs"))
    hearer_verbs: frozenset[str] = field(default_factory=lambda: load_words("hearer_verbs"))
    target_verbs: frozenset[str] = field(default_factory=lambda: load_words("target_verbs"))
    # gazetteer entity id -> kind ("media_outlet", "ngo", ...), from the case's gazetteer
    kinds: Mapping[str, str] = field(default_factory=dict)

    def with_kinds(self, kinds: Mapping[str, str] | None) -> Lexicon:
        return replace(self, kinds=dict(kinds)) if kinds else self

    @property
    def ngo_eligible(self) -> frozenset[str]:
        """Heads that name an NGO when an NGO modifier comes with them."""
        return self.group_heads | self.ngo_institution_heads

    @property
    def anonymity(self) -> re.Pattern[str] | None:
        """ "speaking on condition of anonymity", "asked not to be named"; None if no pattern."""
        return _compile_any(tuple(self.anonymity_patterns))

    @property
    def ngo_heads(self) -> frozenset[str]:
        return frozenset(w for w in self.ngo if not w.startswith("+"))

    @property
    def ngo_modifiers(self) -> frozenset[str]:
        return frozenset(w[1:] for w in self.ngo if w.startswith("+"))


@lru_cache(maxsize=32)
def _compile_any(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(patterns), re.I) if patterns else None


def _says_anonymous(lex: Lexicon, text: str) -> bool:
    pat = lex.anonymity
    return pat is not None and pat.search(text) is not None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()


PERSONAL_PRONOUNS = {
    "he": "person",
    "him": "person",
    "she": "person",
    "her": "person",
    "they": "plural",
    "them": "plural",
    "it": "thing",
    "i": "self",
    "we": "self",
}

# Left modifiers kept in a minimal source mention ("one rebel fighter", "Turkey's ministry").
_LEFT_DEPS = {
    "det",
    "amod",
    "compound",
    "nummod",
    "poss",
    "nmod",
    "quantmod",
    "npadvmod",
    "advmod",
    "case",
    "predet",
}
_PERSON_ENTS = {"PERSON"}
_ORG_ENTS = {"ORG", "GPE", "NORP", "FAC"}
_NAMED_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# people in the plural who speak only as a crowd: "residents", "witnesses", "experts" are an
# unspecified group, not one anonymous person (see classify)
_PEOPLE_GROUP_TYPE = "unspecified"
# The head nouns of groups, of people who speak for a side or off the record, and the
# anonymity phrases are Lexicon fields (data/speech/word_classes.toml).


@dataclass(frozen=True)
class Mention:
    """A source mention: the minimal noun phrase naming who says something."""

    text: str
    start: int
    end: int
    source_type: str
    named: bool
    head: int  # token index of the head
    pronoun: bool = False
    plural: bool = False
    # how sure the source type is: "high" when a word list, a title, an apposition or the
    # gazetteer decided it, "low" when only the language model's entity label (or nothing) did
    confidence: str = "high"

    def key(self) -> str:
        return self.text.lower()


def _ent_span(tok: Token) -> Span | None:
    return ent_of(tok) if tok.ent_type_ else None


def mention_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the minimal noun phrase around ``head``.

    Keeps determiners, adjectives, compounds, numbers and possessives on the left (each with
    its own subtree, so "Turkey's" and "the Syrian Observatory for Human Rights" stay whole),
    the whole named entity the head belongs to, and a post-nominal adjective phrase ("forces
    loyal to X"). Relative clauses, appositions and prepositional phrases are left out.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS or child.dep_ == "prep" and child.i < head.i:
            sub = list(child.subtree)
            # never reach back across a line break (a headline glued to the next line)
            breaks = [k for k, t in enumerate(sub) if "\n" in t.text or "\n" in t.whitespace_]
            if breaks:
                sub = sub[breaks[-1] + 1 :]
                if child not in sub:
                    continue
            # do not swallow punctuation or a clause to the left
            if any(t.text in {",", ";", ":"} for t in sub):
                continue
            start = min(start, sub[0].i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "amod" and child.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ in {"compound", "flat", "nmod"} and child.i == end:
            end = child.right_edge.i + 1
    ent = _ent_span(head)
    if ent is not None:
        start = min(start, ent.start)
        end = max(end, ent.end)
    elif head.pos_ == "NOUN":
        # "The defence lawyer, Paul Grant, said": keep the name the description is given
        for child in head.rights:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                name = _ent_span(child)
                end = max(end, name.end if name is not None else child.i + 1)
                break
    # expand to cover any entity cut in half
    doc = head.doc
    start, end = widen_to_ents(doc, start, end)
    # trim punctuation and line breaks at the edges
    while (
        start < end
        and (doc[start].is_punct or doc[start].is_space)
        and doc[start].text not in {"'", "’"}
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # a mention never runs across a line break
    for i in range(start, end):
        if "\n" in doc[i].whitespace_ or "\n" in doc[i].text:
            if i < head.i:
                start = i + 1
            else:
                end = i + 1
                break
    return start, end


def _words_lower(span: Span) -> list[str]:
    return [t.lower_ for t in span]


# gazetteer kinds (case authors' own words) mapped to source types
KIND_TYPES = {
    "media_outlet": "media_outlet",
    "media": "media_outlet",
    "ngo": "ngo",
    "official_body": "official_body",
    "armed_forces": "official_body",
    "armed_group": "official_body",
    "government": "official_body",
    "person": "named_person",
}


def classify(
    span: Span,
    head: Token,
    *,
    lexicon: Lexicon | None = None,
    kinds: Mapping[str, str] | None = None,
) -> tuple[str, bool]:
    """(source_type, named) for a mention ``span`` whose head token is ``head``.

    ``kinds`` maps a gazetteer entity id (``ent_id_``, the entry's name) to its ``kind``
    ("media_outlet", "ngo", "official_body", ...); a known kind wins over the word lists.
    """
    lex = lexicon or default_lexicon()
    kinds = kinds or lex.kinds
    if kinds:
        ent = _ent_span(head)
        if ent is not None and ent.ent_id_ and kinds.get(ent.ent_id_) in KIND_TYPES:
            return KIND_TYPES[kinds[ent.ent_id_]], True
    words = _words_lower(span)
    text_low = span.text.lower()
    head_low = head.lower_
    head_lemma = head.lemma_.lower()
    # a "person" the model found in lower-case words ("retired lorry driver") is no name
    ents = [e for e in ents_within(span.doc, span.start, span.end) if _is_name(e)]
    ent_labels = {e.label_ for e in ents}
    head_ent = _ent_span(head)
    if head_ent is not None and not _is_name(head_ent):
        head_ent = None
    has_person = "PERSON" in ent_labels or (
        head.pos_ == "PROPN"
        and head_ent is None
        and head_low not in lex.officials | lex.media | lex.ngo_heads
    )
    # well-known news organisations, or a named entity whose words say "news"
    single_names = [
        t
        for t in span
        if t.lower_ in lex.media_names and (t.i == head.i or (t.text.isupper() and len(t.text) > 1))
    ]
    if any(n in text_low for n in lex.media_names if " " in n) or single_names:
        if head_low in lex.anonymous and head_low not in {"source", "sources"}:
            return "anonymous_person", False  # "a Reuters photographer"
        return "media_outlet", True
    if any(n in text_low for n in lex.ngo_names):
        return "ngo", True
    # "Meridian Rail", "Acme Foods": a name holding a company or union word is a body, even
    # when the model tagged it as a person
    org_named = [
        e
        for e in ents
        if e.label_ in {"PERSON", "ORG"}
        and any(t.lower_ in lex.org_words and t.text[:1].isupper() and t.i > e.start for t in e)
    ]
    if org_named and (head_ent in org_named or head_low not in lex.anonymous):
        return "official_body", True
    if head_ent is not None and head_ent.label_ == "PERSON":
        return "named_person", True
    if titled_name(span, head, lexicon=lex) or _role_in_apposition(head, lex):
        return "named_person", True
    # "displaced activist Akram al-Masri": a person name inside the mention
    if "PERSON" in ent_labels and (head_low in lex.anonymous or head.pos_ == "PROPN"):
        return "named_person", True
    # "Human Rights Centre", "Election Monitoring Network": an NGO modifier makes these NGOs
    if head_low in lex.ngo_eligible and any(w in lex.ngo_modifiers for w in words):
        return "ngo", bool(ent_labels & _NAMED_ENTS) or any(t.pos_ == "PROPN" for t in span)
    # "Fire service spokeswoman Dana Ortiz", "the bank's governor, Ilya Mertens": a role
    # with the person's name is that named person
    if (
        "PERSON" in ent_labels
        and (head_low in lex.officials or head_lemma in lex.officials)
        and any(
            e.label_ == "PERSON"
            and (
                e.start <= head.i < e.end
                or e.root.head.i == head.i
                or head.head.i in range(e.start, e.end)
            )
            for e in ents
        )
    ):
        return "named_person", True
    # "State broadcaster VTV": a name with an outlet noun before it
    if head.pos_ == "PROPN" and any(
        t.i < head.i and t.pos_ == "NOUN" and t.lower_ in lex.media for t in span
    ):
        return "media_outlet", True
    if head_low in lex.media or head_lemma in lex.media:
        named = bool(ent_labels & {"ORG"}) or any(t.pos_ == "PROPN" for t in span)
        return "media_outlet", named
    if head_low in lex.ngo_heads or head_lemma in lex.ngo_heads:
        return "ngo", bool(ent_labels & _NAMED_ENTS) or any(t.pos_ == "PROPN" for t in span)
    if head_low in lex.group_heads and any(w in lex.ngo_modifiers for w in words):
        return "ngo", bool(ent_labels & _NAMED_ENTS) or any(t.pos_ == "PROPN" for t in span)
    # "the U.S. Geological Survey": a capitalised generic word inside an organisation's name is
    # that organisation, not "a survey"
    proper_generic = (
        head.text[:1].isupper()
        and head.i > span.start
        and head_ent is not None
        and head_ent.label_ == "ORG"
    )
    if (
        head_low in lex.generic or head_lemma in lex.generic and head_low != "source"
    ) and not proper_generic:
        if _partisan(span, head, lex) or head_low == "sources" and _close_to(head):
            return "partisan_unnamed", False
        if head_low == "source" and any(
            t.dep_ in {"amod", "compound"} and t.head == head for t in span
        ):
            return "anonymous_person", False  # "a military source": one unnamed person
        return "unspecified", False  # "reports", "some sources", "local sources", "others"
    if head_low in lex.anonymous or head_lemma in lex.anonymous:
        if has_person:
            return "named_person", True
        plural = head.tag_ in {"NNS", "NNPS"} and head_low != head_lemma
        if plural and head_lemma in lex.side_heads and _partisan(span, head, lex):
            return "partisan_unnamed", False  # "union leaders", "opposition sources"
        if plural and head_lemma in {"source", "insider"} and _close_to(head):
            return "partisan_unnamed", False  # "sources close to the company"
        if plural and head_lemma == "official" and not _says_anonymous(lex, head.sent.text):
            return "official_body", False  # "officials", "fire officials": they speak for a body
        if (
            plural
            and head_lemma not in lex.off_record_heads
            and not _says_anonymous(lex, head.sent.text)
            and not any(t.dep_ == "nummod" for t in span)
        ):
            return _PEOPLE_GROUP_TYPE, False  # "residents", "witnesses", "experts"
        return "anonymous_person", False
    if head_low in lex.officials or head_lemma in lex.officials:
        named = bool(ent_labels & _NAMED_ENTS) or any(t.pos_ == "PROPN" for t in span)
        return "official_body", named
    if head_ent is not None:
        if head_ent.label_ == "ORG":
            if any(w in lex.media for w in _words_lower(head_ent)):
                return "media_outlet", True
            if any(w in lex.ngo_heads for w in _words_lower(head_ent)):
                return "ngo", True
            return "official_body", True
        if head_ent.label_ in {"GPE", "NORP"}:
            # a capital or a country standing for its government ("Damascus said")
            return "official_body", True
    if has_person:
        return "named_person", True
    return "unspecified", False


def person_roles(head: Token, *, lexicon: Lexicon | None = None) -> list[str]:
    """Person nouns set beside a name in apposition: "Nadia Brook, a spokeswoman for the port"
    -> ["spokeswoman"]; "A spokeswoman for the port, Nadia Brook" -> ["spokeswoman"]."""
    lex = lexicon or default_lexicon()
    near = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        near.append(head.head)
    return [
        t.lower_
        for t in near
        if t.pos_ == "NOUN"
        and (t.lower_ in lex.titles or t.lower_ in lex.anonymous and t.tag_ == "NN")
    ]


def _role_in_apposition(head: Token, lex: Lexicon) -> bool:
    """``Nadia Brook, a spokeswoman for the port authority``: a name with a person noun in
    apposition is a person, whatever the model tagged the name as."""
    return (
        head.pos_ == "PROPN" and head.text[:1].isupper() and bool(person_roles(head, lexicon=lex))
    )


def _is_name(ent: Span) -> bool:
    return ent.label_ != "PERSON" or any(t.text[:1].isupper() for t in ent)


def titled_name(span: Span, head: Token, *, lexicon: Lexicon | None = None) -> bool:
    """True if ``span`` is a person's name with a title or role noun straight before it
    ("Interior Minister Lidia Varga", "retired nurse Olive Mensah", "Ms Kemp"): a person even
    when the model tags the name as an organisation or a place. The name is one to three
    capitalised words, none of them a company or union word."""
    lex = lexicon or default_lexicon()
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    k = head.i
    doc = head.doc
    while k - 1 >= span.start and (
        doc[k - 1].pos_ == "PROPN"
        and doc[k - 1].text[:1].isupper()
        and doc[k - 1].lower_.rstrip(".") not in lex.titles
        or doc[k - 1].text in {"-", "‐"}
    ):
        k -= 1
    name = [t for t in doc[k : head.i + 1] if t.text not in {"-", "‐"}]
    if not name or len(name) > 3 or k - 1 < span.start:
        return False
    if any(
        t.lower_ in lex.org_words or t.lower_ in lex.media or t.lower_ in lex.officials
        for t in name
    ):
        return False
    title = doc[k - 1].lower_.rstrip(".")
    return title in lex.titles or title in lex.anonymous and not title.endswith("s")


def _close_to(head: Token) -> bool:
    """``sources close to the company``: a side named after the noun."""
    return any(
        c.dep_ == "amod" and c.lower_ == "close" and any(g.lower_ == "to" for g in c.children)
        for c in head.rights
    )


def _partisan(span: Span, head: Token, lex: Lexicon) -> bool:
    for t in span:
        if t.i == head.i:
            continue
        low = t.lower_
        if low.startswith(tuple(lex.side_prefixes)) or low in {
            p.rstrip("-") for p in lex.side_prefixes
        }:
            return True
        if low in lex.partisan:
            return True
        if t.ent_type_ in {"NORP", "GPE", "ORG"}:
            return True
        if "-" in low and low.split("-")[-1] in lex.partisan:  # "Turkish-backed", "anti-government"
            return True
    return False


def is_source_like(span: Span, head: Token, *, lexicon: Lexicon | None = None) -> bool:
    """True if the mention can be a source of words: a person, body, outlet, or 'reports'."""
    lex = lexicon or default_lexicon()
    low = head.lower_
    if low in PERSONAL_PRONOUNS or low in lex.source_pronouns:
        return True
    if head.ent_type_ in _NAMED_ENTS:
        return True
    if head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    vocab = (
        lex.officials | lex.anonymous | lex.media | lex.ngo_heads | lex.generic | lex.group_heads
    )
    return low in vocab or lemma in vocab


def make_mention(
    head: Token, *, lexicon: Lexicon | None = None, kinds: Mapping[str, str] | None = None
) -> Mention:
    doc = head.doc
    if head.lower_ in PERSONAL_PRONOUNS:
        return Mention(
            text=head.text,
            start=head.idx,
            end=head.idx + len(head.text),
            source_type="unspecified",
            named=False,
            head=head.i,
            pronoun=True,
            plural=head.lower_ in {"they", "them", "we"},
            confidence="low",
        )
    s, e = mention_tokens(head)
    span = doc[s:e]
    stype, named = classify(span, head, lexicon=lexicon, kinds=kinds)
    assert stype in SOURCE_TYPES
    plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"others"}
    return Mention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        source_type=stype,
        named=named,
        head=head.i,
        plural=plural,
        confidence=type_confidence(span, head, lexicon=lexicon, kinds=kinds),
    )


def type_confidence(
    span: Span,
    head: Token,
    *,
    lexicon: Lexicon | None = None,
    kinds: Mapping[str, str] | None = None,
) -> str:
    """ "high" when a rule decided the mention's source type (a word of the lists: "ministry",
    "spokeswoman", "newspaper", "Reuters", "sources"; a title before a name; a role in
    apposition; the case's gazetteer), "low" when only the language model's entity label did
    ("Okafor" tagged PERSON, "Calvera" tagged ORG) or nothing did. The reader shows it, so a
    learner knows which types to check first."""
    lex = lexicon or default_lexicon()
    kinds = kinds or lex.kinds
    if kinds:
        ent = _ent_span(head)
        if ent is not None and ent.ent_id_ and kinds.get(ent.ent_id_) in KIND_TYPES:
            return "high"
    vocab = (
        lex.officials
        | lex.anonymous
        | lex.media
        | lex.ngo_heads
        | lex.generic
        | lex.group_heads
        | lex.titles
        | lex.org_words
        | lex.media_names
        | lex.partisan
    )
    for t in span:
        if t.lower_.rstrip(".") in vocab or t.lemma_.lower() in vocab:
            return "high"
    text_low = span.text.lower()
    if any(n in text_low for n in lex.ngo_names) or any(
        " " in n and n in text_low for n in lex.media_names
    ):
        return "high"
    if person_roles(head, lexicon=lex):
        return "high"
    return "low"


def mention_gender(m: Mention, doc: Doc, *, gendered: Mapping[str, str] = GENDERED) -> str | None:
    """ "f" or "m" when the mention's own words show it ("Ms Ortiz", "spokeswoman", "her
    husband" -> m), else None. A possessive's words do not count ("the mayor's wife" -> f)."""
    if m.pronoun:
        return PRONOUN_GENDER.get(m.text.lower())
    head = doc[m.head]
    words = [t for t in doc[head.i : head.i + 1]]
    for t in doc[max(0, head.i - 6) : head.i]:
        if (
            t.idx >= m.start
            and t.head.i == head.i
            and t.dep_ in {"compound", "amod", "nmod", "appos"}
        ):
            words.append(t)
    for c in head.rights:
        if c.dep_ == "appos" and c.idx < m.end + 40:
            words.append(c)
    if head.dep_ == "appos":
        words.append(head.head)
    for t in words:
        g = gendered.get(t.lower_.rstrip("."))
        if g:
            return g
    return None


def name_words(m: Mention, doc: Doc) -> list[str]:
    """The words of a named person's name as written, without titles ("Interior Minister
    Lidia Varga" -> ["lidia", "varga"], "Reyes-Ford" -> ["reyes-ford"]); [] if none."""
    if m.pronoun:
        return []
    head = doc[m.head]
    if head.pos_ != "PROPN":
        names = [
            t
            for t in doc[max(0, head.i - 1) : head.i + 3]
            if t.dep_ == "appos" and t.head.i == head.i
        ]
        if not names or names[0].pos_ != "PROPN":
            return []
        head = names[0]
    k = head.i
    titles = default_lexicon().titles
    while k - 1 >= 0 and (
        doc[k - 1].pos_ == "PROPN"
        and doc[k - 1].idx >= m.start - 1
        and doc[k - 1].lower_.rstrip(".") not in titles
        or doc[k - 1].text in {"-", "‐"}
        and not doc[k - 1].whitespace_
    ):
        k -= 1
    text = doc[k : head.i + 1].text.lower()
    return text.split()


def identity(m: Mention, doc: Doc) -> str:
    """A key shared by the mentions of one person: a named person's surname ("Maria Okafor",
    "Okafor" -> "okafor"); otherwise the mention's position. (The resolver also tells apart two
    people who share a surname, such as a father and a daughter: see ``quotes.Resolver``.)"""
    if m.source_type == "named_person" and not m.pronoun:
        words = name_words(m, doc)
        if words:
            return words[-1]
        names = [t for t in doc[m.head : m.head + 1] if t.pos_ == "PROPN"]
        if names:
            return names[-1].lower_
    return f"@{m.start}"


def is_personlike(m: Mention) -> bool:
    return m.source_type in {"named_person", "anonymous_person"} and not m.plural


def resolve_pronoun(pron: Mention, history: Iterable[Mention]) -> Mention | None:
    """The antecedent of a pronoun among earlier mentions (latest first).

    he/she -> the latest single person (named or not); they -> the latest plural source or
    body; it -> the latest body, outlet or NGO. Antecedents that are themselves pronouns were
    already resolved by the caller.
    """
    kind = PERSONAL_PRONOUNS.get(pron.text.lower())
    for m in reversed(list(history)):
        if m.pronoun or m.start >= pron.start:
            continue
        if kind == "person" and is_personlike(m):
            return m
        if kind == "plural" and (
            m.plural or m.source_type in {"official_body", "media_outlet", "ngo"}
        ):
            return m
        if (
            kind == "thing"
            and m.source_type in {"official_body", "media_outlet", "ngo"}
            and not m.plural
        ):
            return m
    return None


def same_referent(m: Mention, history: Iterable[Mention]) -> Mention | None:
    """A definite description ("the fighter") that repeats an earlier mention's head noun
    ("one rebel fighter"): the earlier, fuller mention."""
    words = m.text.lower().split()
    if not words or words[0] not in {"the", "this", "that"} or m.named:
        return None
    head = words[-1]
    for prev in reversed(list(history)):
        if prev.pronoun or prev.start >= m.start:
            continue
        prev_words = prev.text.lower().replace(",", " ").split()
        compatible = prev.source_type == m.source_type or (
            m.source_type == "anonymous_person" and prev.source_type == "named_person"
        )
        if head in prev_words and compatible and prev.text.lower() != m.text.lower():
            return prev
    return None


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0]


def relative_antecedent(tok: Token) -> Token | None:
    """``Clinton, who wants ...``, ``voters who say ...``: the noun a relative pronoun stands for
    (``Lena Ortiz, an architect who said``: the name the described noun stands beside)."""
    if (
        tok.lower_ in {"who", "that", "which"}
        and tok.dep_ in {"nsubj", "nsubjpass"}
        and tok.head.dep_ == "relcl"
        and tok.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        noun = tok.head.head
        if noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head
        return noun
    return None
