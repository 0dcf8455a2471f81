"""The pipeline, the gazetteer and the parse cache."""

from __future__ import annotations

import os

import pytest

from mediakit.cases import GazetteerEntry
from mediakit.nlp import load_pipeline, parse


def test_gazetteer_variants_become_entities():
    gz = (
        GazetteerEntry(
            name="Maarat al-Numan", label="GPE", variants=("Maaret al-Numan", "Ma'arat al-Numan")
        ),
    )
    nlp = load_pipeline(gazetteer=gz)
    doc = nlp("Fighters left Maaret al-Numan and Ma'arat al-Numan on Monday.")
    ents = [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.label_ == "GPE"]
    assert ("Maaret al-Numan", "GPE", "Maarat al-Numan") in ents
    assert ("Ma'arat al-Numan", "GPE", "Maarat al-Numan") in ents


def test_model_facts_the_lessons_rely_on(nlp):
    # Pinned so that a model upgrade which changes what the lessons show fails loudly.
    doc = nlp("The Russian Defense Ministry said that 40 Syrian Army servicemen were killed.")
    said = [t for t in doc if t.lemma_ == "say"][0]
    assert said.dep_ == "ROOT"
    assert any(c.dep_ == "nsubj" and c.text == "Ministry" for c in said.children)
    assert any(e.label_ == "CARDINAL" and e.text == "40" for e in doc.ents)


def test_second_parse_comes_from_the_cache(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    texts = ["The council met on Monday.", "Officials said 300 people left."]
    first = parse(texts, nlp)
    assert len(list(tmp_path.rglob("*.spacy"))) == 2

    def boom(*a, **k):
        raise AssertionError("parsed again instead of using the cache")

    monkeypatch.setattr(nlp, "pipe", boom)
    second = parse(texts, nlp)
    assert [d.text for d in second] == texts
    assert [t.dep_ for t in second[1]] == [t.dep_ for t in first[1]]


def test_damaged_cache_file_is_parsed_again(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    parse(["A short text."], nlp)
    (f,) = tmp_path.rglob("*.spacy")
    f.write_bytes(b"garbage")
    (doc,) = parse(["A short text."], nlp)
    assert doc.text == "A short text." and len(doc) == 4


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch, nlp):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MEDIAKIT_CACHE", str(blocker / "sub"))
    (doc,) = parse(["Still parsed."], nlp)
    assert doc.text == "Still parsed."


@pytest.mark.parametrize("name", ["MEDIAKIT_MODEL"])
def test_model_can_be_overridden_by_environment(monkeypatch, name):
    from mediakit.errors import ModelError

    monkeypatch.setenv(name, "en_core_web_md_not_here")
    with pytest.raises(ModelError, match="en_core_web_md_not_here"):
        load_pipeline()


def test_shipped_parses_of_the_seed_case_are_current(tmp_path, monkeypatch, seed_case):
    """The seed case's parses ship with the kit so a first lesson starts fast; they must match
    the current model and gazetteer (else: run tools/ship_parse_cache.py)."""
    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))  # an empty user cache
    nlp = load_pipeline(gazetteer=seed_case.gazetteer)

    def boom(*a, **k):
        raise AssertionError("the shipped parses are stale: run tools/ship_parse_cache.py")

    monkeypatch.setattr(nlp, "pipe", boom)
    docs = parse([r.text for r in seed_case.reports], nlp)
    assert [d.text for d in docs] == [r.text for r in seed_case.reports]
    assert any(e.label_ == "GPE" for e in docs[0].ents)


def test_a_cached_parse_with_altered_annotations_is_parsed_again(tmp_path, monkeypatch, nlp):
    """A cache entry whose annotations were changed (here: every entity removed) is not used:
    its checksum no longer matches, so the text is parsed again."""
    from spacy.tokens import Doc

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    text = "Officials in Damascus said 300 people left Idlib on Monday."
    (first,) = parse([text], nlp)
    assert first.ents
    (f,) = tmp_path.rglob("*.spacy")
    data = f.read_bytes()
    altered = Doc(nlp.vocab).from_bytes(first.to_bytes(exclude=["tensor"]))
    altered.ents = []
    payload = altered.to_bytes(exclude=["tensor"])
    for forged in (payload, data[: len(data) - len(first.to_bytes(exclude=["tensor"]))] + payload):
        f.write_bytes(forged)  # a bare Doc, and a Doc behind the old checksum
        (doc,) = parse([text], nlp)
        assert [e.text for e in doc.ents] == [e.text for e in first.ents]
        assert f.read_bytes() != forged  # the entry was rewritten


def test_a_full_disk_leaves_no_partial_cache_file(tmp_path, monkeypatch, nlp):
    import errno

    import mediakit.nlp as m

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:100])  # part of it reached the disk
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(m.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    (doc,) = parse(["Still parsed when the disk is full."], nlp)
    assert doc.text == "Still parsed when the disk is full."
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_long_text_is_parsed_in_pieces_into_one_doc(nlp, monkeypatch):
    """A report of 300,000 characters is not handed to the parser whole (several GB, minutes):
    it is parsed in pieces cut at line breaks and joined into one Doc with the same text."""
    import mediakit.nlp as m

    text = "Officials said 300 people left Idlib on Monday, the ministry said.\n" * 600
    assert len(text) > m.LONG_TEXT
    sizes = []
    real_pipe = nlp.pipe

    def pipe(texts, **kw):
        texts = list(texts)
        sizes.extend(len(t) for t in texts)
        return real_pipe(texts, **kw)

    monkeypatch.setattr(nlp, "pipe", pipe)
    (doc,) = parse([text], nlp, cache=False)
    assert doc.text == text
    assert max(sizes) <= m.PIECE and sum(sizes) == len(text)
    assert doc[-3].lemma_ == "say" and any(e.label_ == "GPE" for e in doc.ents)
    assert len(list(doc.sents)) >= 600


READ_CACHED = """
import json, sys
from mediakit.cases import load_case
from mediakit import nlp as N
case = load_case("maarat-al-numan")
p = N.pipeline(gazetteer=case.gazetteer)
docs = N.parse([r.text for r in case.reports], p)
print(json.dumps({"loaded": p.loaded, "key": p.key,
                  "ents": [[(e.text, e.label_, e.ent_id_) for e in d.ents] for d in docs],
                  "tags": [[(t.tag_, t.dep_, t.head.i, t.lemma_, t.is_stop, t.like_num) for t in d]
                           for d in docs]}))
"""


def test_cached_parses_are_read_without_loading_the_models(tmp_path, seed_case):
    """A lesson whose parses are cached must not load the tagger, parser and NER (seconds and
    hundreds of MB per learner), and must see exactly what the full pipeline gives."""
    import json
    import os
    import subprocess
    import sys

    from mediakit.nlp import pipeline, pipeline_key

    nlp = load_pipeline(gazetteer=seed_case.gazetteer)
    assert pipeline(gazetteer=seed_case.gazetteer).key == pipeline_key(nlp)
    full = parse([r.text for r in seed_case.reports], nlp, cache=False)
    env = dict(os.environ, MEDIAKIT_CACHE=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", READ_CACHED], env=env, capture_output=True, text=True, check=True
    ).stdout
    got = json.loads(out)
    assert got["loaded"] is False
    assert got["key"] == pipeline_key(nlp)
    assert got["ents"] == [
        [list(x) for x in ((e.text, e.label_, e.ent_id_) for e in d.ents)] for d in full
    ]
    assert got["tags"] == [
        [list(x) for x in ((t.tag_, t.dep_, t.head.i, t.lemma_, t.is_stop, t.like_num) for t in d)]
        for d in full
    ]


def test_a_text_not_in_the_cache_is_parsed_with_the_full_pipeline(tmp_path, monkeypatch):
    from mediakit.nlp import pipeline

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))
    p = pipeline()
    docs = parse(["The mayor said on Monday that 40 people had left the town."], p)
    assert any(t.dep_ == "ROOT" and t.lemma_ == "say" for t in docs[0])
    assert p.loaded


def test_lesson_06_example_and_exercise_texts_ship_their_parses(tmp_path, monkeypatch):
    """Lesson 06 builds a case from notebooks/example_case and one exercise runs the kit on a
    short text of its own; their parses ship too, so no lesson as shipped waits for the models
    (else: run tools/ship_parse_cache.py)."""
    from pathlib import Path

    import mediakit.nlp as m
    from mediakit.cases import load_case
    from mediakit.lessons.exercises import load_lessons
    from mediakit.nlp import Pipeline, pipeline

    monkeypatch.setenv("MEDIAKIT_CACHE", str(tmp_path))  # an empty user cache
    monkeypatch.setattr(m, "_LOADED", set())  # as in a fresh kernel, whatever ran before

    def boom(self):
        raise AssertionError("a shipped parse is stale: run tools/ship_parse_cache.py")

    import mediakit.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "_LOADED", set())  # as in a fresh kernel: models not loaded
    monkeypatch.setattr(Pipeline, "nlp", property(boom))
    example = load_case(Path(__file__).resolve().parent.parent / "notebooks" / "example_case")
    docs = parse([r.text for r in example.reports], pipeline(gazetteer=example.gazetteer))
    assert [d.text for d in docs] == [r.text for r in example.reports]
    inline = [
        ex.text
        for les in load_lessons().values()
        for ex in les.exercises
        if ex.text is not None and ex.machine
    ]
    assert inline, "no exercise runs the kit on a text of its own any more: drop this test"
    assert [d.text for d in parse(inline, pipeline())] == inline
