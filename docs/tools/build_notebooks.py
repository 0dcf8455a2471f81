"""Build notebooks/00..07 from the outlines below (stored without outputs, stable cell ids).

Run: .venv/bin/python docs/tools/build_notebooks.py   (then: pytest tests/test_notebooks.py)
Editing a notebook by hand in JupyterLab is fine too; then this script is out of date.
"""

import sys
from pathlib import Path

import nbformat as nbf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_plans import PERIODS, PLANS, STARTERS  # noqa: E402  (one source for notebooks and guide)

OUT = Path(__file__).resolve().parents[2] / "notebooks"

HOW = (
    "**How to use this notebook.** In JupyterLab: choose *Run → Run All Cells* once at the start "
    "(or press Shift+Enter in each cell, from the top); the grey code cells only call the kit, so "
    "you can read past them. As a web page without code (Voilà): everything has already run; "
    "just read, choose and click. Your answers are saved each time you press *Check* or *Save*; "
    "the box under the first cell says where. Words you may not know are explained in the "
    "[glossary](../docs/glossary.md)."
)

START = 'from mediakit import lesson, views, plots\nanalysis = lesson.start(case="maarat-al-numan")'


def md(s):
    return nbf.v4.new_markdown_cell(s.strip("\n"))


def code(s):
    return nbf.v4.new_code_cell(s.strip("\n"))


def ex(i):
    return code(f'lesson.exercise("{i}")')


def header(num, title, minutes, objectives):
    obj = "\n".join(f"- {o}" for o in objectives)
    pl = "\n".join(f"| {a} | {b} |" for a, b in PLANS[num])  # the teacher guide shows the same
    periods = PERIODS.get(num, 1)
    when = (f"About {minutes} minutes." if periods == 1 else
            f"About {minutes} minutes: two class periods of {minutes // periods}.")
    return md(
        f"# {num} · {title}\n\n*{when}*\n\n**By the end of this lesson you can:**\n"
        f"{obj}\n\n| part | minutes |\n|---|---|\n{pl}\n\n{HOW}"
    )


def starter(num, previous):
    """The two-minute retrieval starter: questions on the previous lesson (answers in the guide)."""
    qs = "\n".join(f"{i}. {q}" for i, (q, _) in enumerate(STARTERS[num], 1))
    return md(
        f"## Two-minute starter\n\nFrom lesson {previous}, without looking back: answer in your head "
        f"or on paper, then compare with a neighbour.\n\n{qs}"
    )


def recap(num, points, nxt):
    p = "\n".join(f"- {x}" for x in points)
    return [
        md(f"## Recap\n\n{p}\n\n{nxt}\n\nWhere you stand on this lesson's exercises:"),
        code(f'lesson.summary("{num}")'),
    ]


def save(name, cells):
    nb = nbf.v4.new_notebook()
    nb.cells = cells
    for i, cell in enumerate(cells):  # stable ids: rebuilding gives no spurious diff
        cell.id = f"lesson{name[:2]}-{i:02d}"
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "pygments_lexer": "ipython3"},
    }
    nbf.validate(nb)
    nbf.write(nb, OUT / name)


SKILLS_BEFORE = """
## Skills check (before)

Four short questions, one for each skill of the next lessons: who says so, who said it, what a
number counts, and which word judges. They are about short invented snippets, not about the five
reports. Answer each once, without looking anything up: only your **first** try counts, and nobody
grades it. Lesson 07 asks four matching questions on a new story, so that you (and your teacher)
can see what changed.
"""


SKILLS_AFTER = """
## Skills check (after)

Four short questions that match the four of lesson 00, skill for skill, on this new story. Answer
each once, from the reports above, before using the tools below: only your **first** try counts.
"""

# --------------------------------------------------------------------------- 00

save("00_start_here.ipynb", [
    header("00", "Start here: one event, five reports", 45, [
        "say in plain words what happened, without taking any report's side",
        "tell who published each report and who wrote it first",
        "treat what an outlet says about itself as a claim, and check it by reading laterally",
        "say how often this kit's machine is wrong, and check it yourself",
    ]),
    md("""
## The event

In late January 2020 the Syrian army and allied forces were advancing in southern Idlib province,
the last large area held by armed opposition groups led by Hayat Tahrir al-Sham (HTS), towards the
town of **Maarat al-Numan** on the M5 highway, the road between Aleppo and Damascus. In their own
words, the reports say the town was 'liberated', 'entered', 'regained' or 'About to Fall' at the end
of January, and some say Russian air power backed the advance. When and how it happened, and on
whose word, is what these lessons examine.

Five reports from four outlets told this story. You will spend the next lessons comparing them:
who they cite, whose words they quote, which numbers they give, which words they choose. This kit
never tells you which report or outlet is good or bad. It shows evidence and asks questions; the
judgement is yours.

### Before you start

- **Content note.** These reports are about a war. They tell of people killed and wounded, of
  bombing, and of families forced from their homes. The kit shows no photos or video. If this is
  hard for you, for any reason, tell your teacher: you can step out of a discussion, or work on
  another case.
- **Who the course is for.** Learners of about 14 and over (upper secondary school) and adults.
  No knowledge of Syria is needed; the [glossary](../docs/glossary.md) explains the names and words.
- **How the five reports were chosen.** As a teaching set, not as a fair sample of the coverage:
  five English-language reports of the same capture which, between them, show republished copies,
  a quote passed on without credit, figures from one side, and opposing words for the same
  events. International news agencies, and Syrian, Turkish, Russian or Arabic-language media, are
  not among them; neither are the armed groups' own statements. What the five say is not
  everything that was said.
- **What the kit does not analyse.** It reads the text only. It does not look at the videos two
  pages announce ('Video: …'), nor at photos; photo captions are read as ordinary text, and the
  kit does not check who took a photo or when. It does not explain the asterisks Sputnik puts
  after some group names ('Hayat Tahrir al-Sham*', 'al-Qaeda*'): the copy gives no footnote for
  them, so we cannot say from the text what they mean. Links, page layout and readers' comments
  are not analysed either.

Run the next cell: it loads the five reports and lets the kit read them.
"""),
    code(START),
    md("""
## Where it happened

A simple map, drawn by the kit from approximate coordinates entered by hand (no map service is
used). Filled dots are places the reports name, with how many of the five name each; the two
highways are sketched as straight lines. Use it to follow the reports' place names.
"""),
    code("plots.chart(plots.plot_place_map, analysis)"),
    md("""
## First look

Here are the reports side by side, exactly as they were saved. Text in grey is **boilerplate**:
what the website put around the article (appeals, disclaimers, links). Scroll through them quickly,
the way you would on your phone. Do not study them yet.
"""),
    code('views.reader(analysis, layers=["boilerplate"])'),
    md("""
### Your first impression

Answer quickly and honestly. There are no wrong answers here, and nobody grades them. Lesson 05
shows you what you said and asks whether the evidence changed your mind.
"""),
    ex("ex_00_01"),
    ex("ex_00_02"),
    md("""
## Who published what, and who wrote it first?

Five reports are not always five witnesses. A page tells you who published *this copy*; sometimes it
also says who wrote the text first. Below, for each report: the outlet, the original author where the
copy says so, the date where the copy gives one, and **everything the page says about itself**, word
for word, as the kit set it aside from the article.
"""),
    code("lesson.outlets(analysis)"),
    ex("ex_00_03"),
    ex("ex_00_04"),
    ex("ex_00_06"),
    md("""
## Reading laterally

Two of these pages praise their own outlet ('independent', 'unrivalled'); Global Research's carries
a disclaimer and a 'fair use' notice instead, and Sputnik's copy says nothing about itself. Praise
an outlet gives itself is a claim, not evidence, and the way to check it is not to read the
outlet's own pages more closely. Professional fact-checkers do the
opposite: they **leave the site** and read *across* the web about it, before reading the article
closely. This is called **reading laterally**.

Try it now for one or two of the outlets above (21st Century Wire, Global Research, South Front,
Sputnik, Middle East Eye). Open a new browser tab and look for:

| question | where to look |
|---|---|
| Who owns and funds it? | the outlet's name plus "owner" or "funding"; company registers; encyclopedias and *their* sources |
| What do other newsrooms and journalism reviews say about it? | news articles about the outlet (not by it); media-watch and press-freedom organisations |
| Has it been the subject of corrections, rulings or bans, and by whom? | press councils, regulators, and who criticises the ruling |
| Does what others say agree? | compare at least two sources that are independent of each other |

Write down what you find and where you found it. Then come back: the rest of the course looks at the
**texts** themselves, which is evidence of a different kind.
"""),
    ex("ex_00_05"),
    md("""
## The machine makes mistakes

The kit reads the reports with a language model and word lists. It finds quotes, sources, figures and
loaded words, and it is sometimes wrong. Its makers measure how often, by comparing its output with a
person's careful marking of the same texts, of invented reports about other events written for
testing by someone who had not seen the kit's rules, and of real news articles marked by trained
annotators. The next cell reads the latest measured numbers (they are not typed into this page, so
they stay up to date):
"""),
    code("lesson.accuracy()"),
    md("""
**Read the numbers for these five reports as a best case.** The kit's rules were written while
reading them, so it does unusually well on them, and still not perfectly: the correct-the-machine
exercises show its mistakes on these same reports. The numbers for other reports are closer to
how often it is wrong on a report it has never seen, and on real news marked by trained annotators
it does worse still, above all at finding sources and loaded words.

So every highlight in this course is a suggestion to check, not a fact. Each lesson has one
**Correct the machine** exercise: you see what the kit marked, compare it with the text, and mark
what it missed or got wrong. The answer is worked out when you run the notebook, from what the kit
found today.
"""),
    ex("ex_00_07"),
    md(SKILLS_BEFORE),
    *[ex(f"ex_00_{n:02d}") for n in range(8, 12)],
    *recap("00", [
        "One event, five reports, four outlets: and three of the five copies say South Front wrote all or part of their text.",
        "What an outlet says about itself ('independent', 'unrivalled') is a claim; check it by reading laterally, in other sources.",
        "The kit shows evidence and makes measurable mistakes, more of them on news it was not tuned on; you check it.",
    ], "**Next:** lesson 01, *Sourcing*: who do the reports let speak?"),
    md("""
---
### Under the hood (optional)

The kit's record of one report: the stretches it set aside as boilerplate, with their kind, as a
table. In JupyterLab you can change `"mee"` to another id (`21wire`, `sputnik`, `globalresearch-sf-jan26`,
`globalresearch-sf-jan31`) and run the cell again. (`lesson.pick_one` gives that id if the case has
it, else the case's first report, so the cell also runs on a case of your own.)
"""),
    code('report = analysis.report(lesson.pick_one(analysis, "mee"))\nlesson.table(report.boilerplate, ["kind", "text"], report=report)'),
])

# --------------------------------------------------------------------------- 01

save("01_sourcing.ipynb", [
    header("01", "Sourcing: who is cited, and who is not", 45, [
        "find the sources in a report: whoever a claim is pinned on",
        "sort sources by kind: named person, anonymous person, official body, media outlet, NGO, partisan group",
        "say which side of the conflict a source is on, when the text tells you",
        "notice whose voices are missing from a report",
    ]),
    starter("01", "00"),
    code(START),
    md("""
## What is a source?

A **source** is whoever a claim is pinned on: "a Syrian military source has said", "according to
pro-government sources", "the Russian Defence Ministry warned". A report that pins nothing on anyone
asks you to take the reporter's word for it.

The reader below shows Sputnik and Middle East Eye with their sources marked. Pick a source in the
list under the toggles to see what kind the kit thinks it is, and why.
"""),
    code('views.reader(analysis, reports=lesson.pick(analysis, "sputnik", "mee"), layers=["sources"])'),
    ex("ex_01_01"),
    md("""
## Kinds of sources

| kind | example from these reports | can a reader check it? |
|---|---|---|
| named person | "displaced activist Akram al-Masri" | partly: we know who |
| anonymous person | "a Syrian military source", "one rebel fighter" | no |
| official body | "the Russian Defence Ministry", "Turkey's Defence Ministry" | we know who; they speak for a party |
| media outlet | "South Front reports…" (in 21st Century Wire) | we can look it up |
| NGO / monitoring group | "the Syrian Observatory for Human Rights" | we can look it up |
| unnamed side | "pro-government sources", "pro-opposition sources" | no; we only know the side |
| unspecified | named only vaguely: "according to reports", "some sources" | no |

A claim with nobody behind it at all ("50 jihadists were also reported killed", with no "by…")
has **no source**: that is a missing source, not a kind of source. The kit sometimes marks such
words as an unspecified source; this lesson's correct-the-machine exercise shows one.

None of these is automatically good or bad. Anonymous sources can be brave and right; official bodies
can be wrong. What matters is that you *notice* who is speaking, and who is not.
"""),
    ex("ex_01_02"),
    ex("ex_01_03"),
    ex("ex_01_04"),
    md("""
## Sources report by report

The explorer lists every source the kit found. Choose a report, a side or a kind. The chart shows the
mix of source kinds in each report (patterns, not only colours, tell the kinds apart).
"""),
    code("views.source_explorer(analysis)"),
    code("plots.chart(plots.plot_source_mix, analysis)"),
    code("plots.chart(plots.plot_source_mix, analysis, per_100_words=True)  # per 100 words, like wording"),
    ex("ex_01_05"),
    ex("ex_01_06"),
    md("""
## Reading laterally about a cited source

In lesson 00 you read laterally about the outlets. Do the same for the sources they cite: a
monitoring group, a ministry's centre, a news agency. Who runs it? Who funds it? How does it get
its information or count its numbers? What do independent sources say about it? A source is not
trustworthy because an outlet you like cites it, nor untrustworthy because one you dislike does.
"""),
    ex("ex_01_08"),
    md("""
## Correct the machine

The explorer and the chart are only as good as the kit's reading. Check one passage yourself.
"""),
    ex("ex_01_07"),
    *recap("01", [
        "A source is whoever a claim is pinned on. Ask of each claim: who says so?",
        "Sort sources by kind and by side; a named source can be looked up, an anonymous one cannot.",
        "Sputnik's sources about the fighting are on the government's side; Middle East Eye's are an opposition fighter, civilians and a monitoring group. Each report lets you hear mostly one side.",
        "Read laterally about a cited source, as about an outlet.",
        "The kit's source list is a starting point; check it.",
    ], "**Next:** lesson 02, *Attribution*: whose words, exactly, and where did they first appear?"),
    md("### Under the hood (optional)\n\nThe kit's source records for one report: who, what kind, and the word that pins the claim on them."),
    code('rid = lesson.pick_one(analysis, "sputnik")\nlesson.table(analysis.records_for(rid).attributions, ["source", "source_type", "cue"])'),
])

# --------------------------------------------------------------------------- 02

save("02_attribution.ipynb", [
    header("02", "Attribution: who said it, and where it first appeared", 45, [
        "tell direct speech (quoted words) from indirect speech (the reporter's summary)",
        "notice what a reporting verb adds: said, claimed, warned, accused",
        "trace a quote back to the report where it first appeared and check who said it there",
        "explain what changes when a quote is lifted, relabelled and left uncredited",
    ]),
    starter("02", "01"),
    code(START),
    md("""
## Direct and indirect speech

**Direct speech** puts a speaker's exact words inside quotation marks: *“We are in a very desperate
position and we need a miracle,” he said.* **Indirect speech** is the reporter's summary: *he said a
miracle was needed.* With indirect speech the reporter chooses the words.

The reader shows 21st Century Wire and Middle East Eye with quotes and sources marked. Choose a quote
in the list to see who the kit thinks said it and which word introduces it.
"""),
    code('views.reader(analysis, reports=lesson.pick(analysis, "21wire", "mee"), layers=["quotes", "sources"])'),
    ex("ex_02_01"),
    md("""
## Reporting verbs

*Said* is neutral. *Claimed* casts doubt. *Warned* suggests danger; *admitted* suggests a confession;
*accused* sets one party against another. The verb is the reporter's choice, and it tells the reader
how to take what follows.
"""),
    ex("ex_02_02"),
    ex("ex_02_05"),
    md("""
## Tracing a quote

Quotes travel: one outlet reports them, others copy them. A copy may keep the words and change
everything around them. The quote tracer follows one quote across all five reports and shows who each
report says spoke it.
"""),
    code("views.quote_tracer(analysis)"),
    ex("ex_02_03"),
    ex("ex_02_04"),
    ex("ex_02_06"),
    md("""
## Correct the machine

Quotes are hard for a machine: mixed quotation marks, a quote split by "he said", a line repeated
in large type as page design (a pull quote). Check one passage.
"""),
    ex("ex_02_07"),
    *recap("02", [
        "Direct speech claims to give exact words; indirect speech is the reporter's summary.",
        "The reporting verb (said, claimed, warned, accused) carries a judgement.",
        "21st Century Wire prints the words of Middle East Eye's 'one rebel fighter', calls him 'one HTS militant' and does not credit Middle East Eye.",
        "To check a quote: find where it first appeared, and who is said to have said it there.",
    ], "**Next:** lesson 03, *Figures*: what is counted, and who says so?"),
    md("### Under the hood (optional)\n\nThe kit's quote records for Middle East Eye: the speaker as the report describes them, the cue word, and the first words of the quote."),
    code('rid = lesson.pick_one(analysis, "mee")\nlesson.table(analysis.records_for(rid).quotes, ["speaker", "cue", "text"])'),
])

# --------------------------------------------------------------------------- 03

save("03_figures.ipynb", [
    header("03", "Figures: what is counted, and who says so", 45, [
        "find the counts and amounts in a report, and tell them from dates and names",
        "say what a figure counts, over what time, and who gives it",
        "tell figures that agree from figures that only look alike",
        "notice figures that come from one side only, or from no source at all",
    ]),
    starter("03", "02"),
    code(START),
    md("""
## Finding figures

A **figure** is a count or an amount: people killed, people displaced, vehicles, villages,
airstrikes, money. Dates ("January 29"), names with numbers ("the M5 highway", "25th Special Mission
Forces Division") and ordinals are not figures. For each figure, ask three questions: *what exactly
is counted? over what time? who says so?*
"""),
    code('views.reader(analysis, reports=lesson.pick(analysis, "sputnik", "globalresearch-sf-jan31"),\n             layers=["figures", "sources"])'),
    ex("ex_03_02"),
    md("""
## The same number, different things

The figures table groups the figures of all five reports by what they count, with the source of each
and whether the reports agree, disagree, or only look alike.
"""),
    code("views.figures_table(analysis)"),
    code("plots.chart(plots.plot_figures, analysis)"),
    ex("ex_03_01"),
    md("""
## Whose numbers?

In a war, each side has reasons to count its enemy's losses high and its own low. A figure from one
party, or its ally, is a claim by that party. It may be right, but it needs another source before it
can stand as fact.
"""),
    ex("ex_03_03"),
    ex("ex_03_05"),
    md("""
### The same question for every figure

Ask "whose numbers?" of every figure, not only of those from a side you distrust. Middle East
Eye's figure for people fleeing comes from a monitoring group: ask of it what you asked of the
ministry's counts.
"""),
    ex("ex_03_08"),
    ex("ex_03_04"),
    ex("ex_03_06"),
    md("## Correct the machine"),
    ex("ex_03_07"),
    *recap("03", [
        "For every figure: what is counted, over what time, who says so.",
        "Sputnik's two 40s count different things (servicemen killed; villages taken), from different sources and times.",
        "The vehicle counts come from Russia's Defence Ministry alone, and South Front itself writes that they 'seem to be overestimated'.",
        "Ask 'whose numbers?' of every figure: a monitoring group's estimate needs a second source as much as a ministry's count.",
        "Vague amounts ('over 3 dozens', 'hundreds of thousands') give a size, not a count.",
    ], "**Next:** lesson 04, *Wording*: the words each report chooses for the same things."),
    md("### Under the hood (optional)\n\nThe kit's figure records for Sputnik: the words, the value, what is counted and the source."),
    code('rid = lesson.pick_one(analysis, "sputnik")\nlesson.table(analysis.records_for(rid).figures, ["text", "value", "what", "source"])'),
])

# --------------------------------------------------------------------------- 04

save("04_wording.ipynb", [
    header("04", "Wording: labels, verbs, hedges and scare quotes", 45, [
        "compare the labels each report uses for each side",
        "compare the verbs for taking the town: 'liberate', 'enter', 'regain', 'capture', 'fall'",
        "spot hedges ('it appears', 'reportedly') and scare quotes (‘moderate’)",
        "rewrite a loaded sentence in words neither side would object to",
    ]),
    starter("04", "03"),
    code(START),
    md("""
## One event, five verbs

*Liberates*, *enter*, *regained control over*, *about to fall*, *captured*. Each verb tells the same
event as a different story. The reader marks loaded terms; pick one in the list to see its category.
"""),
    code('views.reader(analysis, reports=lesson.pick(analysis, "21wire", "mee", "sputnik"), layers=["terms"])'),
    ex("ex_04_01"),
    ex("ex_04_02"),
    md("""
## Labels for each side

The same armed groups are called *rebels*, *the opposition*, *militants*, *terrorists*, *jihadists*,
*radicals*; the other side is *the Syrian Army*, *government forces*, *Assad's troops*, *pro-Assad
forces*, *Damascus*. (The word *regime* appears once in these reports, in Sputnik's "a new ceasefire
regime": an arrangement, not a name for a side. The kit checks the grammar, so it does not count
it as one.) In its own voice this course writes "armed opposition groups" and "government forces",
and puts any other label in quotation marks.

The wording view counts each report's labels for each side, and its loaded terms by category; the
heat map shows the categories per report (the numbers are printed in the cells).
"""),
    code("views.wording_view(analysis)"),
    code("plots.chart(plots.plot_loaded_terms, analysis)"),
    ex("ex_04_03"),
    ex("ex_04_05"),
    md("""
### Every outlet chooses its words

It is easy to spot loaded words in a report you already distrust. Do the same for each outlet:
21st Century Wire, South Front, Sputnik, and Middle East Eye too.
"""),
    ex("ex_04_08"),
    md("""
## Hedges and scare quotes

A **hedge** softens a claim: *it appears*, *reportedly*, *seem to be*. A **scare quote** holds a word
at arm's length without saying who used it: *‘moderate’ militia forces*, *the so-called Idlib
opposition*. Both are legitimate tools, and both shape what the reader believes.
"""),
    ex("ex_04_04"),
    ex("ex_04_06"),
    md("## Correct the machine"),
    ex("ex_04_07"),
    *recap("04", [
        "The verb for taking a town ('liberate', 'enter', 'regain', 'capture') is already an interpretation.",
        "Every outlet chooses its words, including the ones you trust.",
        "Labels for each side differ by report; counting them shows a pattern that one sentence does not.",
        "Hedges and scare quotes shape belief without an argument.",
        "A neutral rewrite says what happened and pins judgements on whoever makes them.",
    ], "**Next:** lesson 05, *Putting it together*."),
    md("### Under the hood (optional)\n\nThe kit's loaded-term records for 21st Century Wire: the words and their category."),
    code('rid = lesson.pick_one(analysis, "21wire")\nlesson.table(analysis.records_for(rid).loaded_terms, ["text", "category"])'),
])

# --------------------------------------------------------------------------- 05

save("05_putting_it_together.ipynb", [
    header("05", "Putting it together: reuse, headlines, and a claim that hardens", 90, [
        "find text that reports share, and tell copying from quoting the same statement",
        "compare a headline with the body beneath it",
        "tell wording that hardens from events that moved on, by dating each report from its own text",
        "look for confirmation by another author, and say what better coverage would look like",
        "write your own checklist, and test your first impression against the evidence",
    ]),
    starter("05", "04"),
    code(START),
    md("""
## All layers at once

Everything from lessons 00–04, in one reader: boilerplate, sources, quotes, figures, loaded terms,
and the passages that two reports share. Choose a shared passage in the list to see it highlighted
in both reports.
"""),
    code("views.reader(analysis)"),
    md("""
## Reuse and syndication

Three of the five copies say they carry South Front's text (21st Century Wire only after its own
opening). 21st Century Wire prints, without credit, a fighter's words that Middle East Eye says
were spoken to it; the texts alone cannot prove who took them from whom. Two reports quote the same
ministry statement, with credit. Shared text can be legitimate republication, quoting one source,
boilerplate, or uncredited copying: look at what each copy says about where it came from.
"""),
    ex("ex_05_04"),
    ex("ex_05_08"),
    md("""
## Headline versus body

Headlines are short, are often written by someone else, and are often surer than the text below them.
"""),
    ex("ex_05_01"),
    md("""
## Fact, claim or forecast?

Each report tells the capture in one of three ways: as a **forecast** ('About to Fall'), as a
**claim** pinned on a source ('government sources claimed', 'a Syrian military source has said'), or
as a **fact** in the writer's own voice ('they liberated the key town').
"""),
    ex("ex_05_02"),
    ex("ex_05_03"),
    md("""
## Wording that hardens, or events that moved on?

Two different things can turn a forecast into a fact, and a careful reader keeps them apart.

- **Events move on.** A report written later can tell of things that had not happened when an
  earlier one was written. South Front's earlier report tells of events up to 26 January; its
  31 January report tells of the entry on 28 January and of an advance *from* the town on
  30 January. That is news, not only wording.
- **Wording hardens.** Texts from the same moment tell the same events with more or less doubt:
  21st Century Wire's headline says 'Liberates' over South Front's 'government sources claimed',
  on one page. Here the doubt drops out of the wording with no new evidence.

To tell the two apart you need to know when each report was written, and most copies do not say.
"""),
    ex("ex_05_05"),
    md("""
---
## Period 2: when was each report written?

*If you start a new class period here, run the first code cell of this notebook again.*

Only one copy gives dates ('Global Research, February 03, 2020' and 'South Front 31 January
2020'). The others give none, but their own texts hold clues: the latest date they tell of, day
names ('on Monday', 'Early on Tuesday'), and words like 'yesterday', 'Currently', 'last week'.
Fill in the table on the handout, report by report, from the report's own text only:

| report | dates and days it tells of | the latest moment it tells of | date the copy itself gives |
|---|---|---|---|
| 21st Century Wire | | | |
| South Front, earlier (Global Research) | | | |
| Sputnik | | | |
| South Front, 31 January (Global Research) | | | |
| Middle East Eye | | | |

A clue gives you *on or after*: a report that tells of 26 January was written on or after 26 January.
**Never write down a publication date the copy does not give**; a calendar can tell you which date a
day name falls on, but say that you worked it out.
"""),
    ex("ex_05_09"),
    md("""
## Confirmed elsewhere?

A report's claim gains weight when a report by **another author** tells of the same event. Two
South Front texts agreeing is one author twice. Check each event against the other reports.
"""),
    ex("ex_05_10"),
    md("""
## Find better coverage

Some questions these five reports cannot settle: was the whole town taken on 28 January, or was
fighting still going on in its western outskirts, as 'others suggest' in Middle East Eye? When the
reports in front of you disagree, or all rest on one side's word, the last move of a fact-checker
is to **find better coverage**: other kinds of source that do not depend on the same side.
"""),
    ex("ex_05_11"),
    md("""
## Your checklist

Turn what you practised into questions you will ask of the next report you read.
"""),
    ex("ex_05_06"),
    md("""
## Back to your first impression

In lesson 00 you said which report you would trust most at first sight, and why.
"""),
    code("lesson.first_impression()"),
    ex("ex_05_07"),
    *recap("05", [
        "Shared text can be republication, quoting the same statement, boilerplate or uncredited copying: check what each copy says about its origin.",
        "21st Century Wire's headline says 'Liberates'; the South Front text below it says 'government sources claimed' the army had entered: wording that hardens.",
        "South Front's 'About to Fall' became 'liberated' in a report written days later, with later events in it: events that moved on.",
        "Date a report from its own text (on or after the latest moment it tells of); never supply a date the copy lacks.",
        "Look for confirmation by another author, and for better coverage where the reports cannot settle a point.",
        "Your checklist: sources, quotes, figures, wording, headline, dates, and the outlet read laterally.",
    ], "**Next:** lesson 06 shows a teacher how to make a case of their own."),
])

# --------------------------------------------------------------------------- 06

REPORT_A = '''River Brindle bursts its banks in Millford

Floodwater entered the lower streets of Millford on Sunday night after the River Brindle rose above its banks, the county council said.

About 300 people were moved to the sports hall overnight, according to the council. Two people were taken to hospital with minor injuries, a spokesperson for the ambulance service said.

“The water came up faster than anyone expected,” said Jane Okafor, a shop owner on Mill Lane, speaking to the Valley Courier. “We had twenty minutes to get out.”

The Environment Office warned that more rain is expected on Tuesday and said the river could rise again.

Sign up for our newsletter to get local news every morning.
'''

REPORT_B = '''Millford devastated as river floods town

Millford was devastated on Sunday as the River Brindle flooded the town, forcing hundreds from their homes.

“The water came up faster than anyone expected,” said one resident. “We had twenty minutes to get out.”

Officials are said to be struggling to cope, and more flooding is certain this week.
'''

CASE_TOML = '''id = "millford-flood"
title = "A flood in Millford (an invented example)"
summary = "The River Brindle flooded part of the town of Millford on a Sunday night. Two invented reports."
language = "en"

[[reports]]
file = "a_valley_courier.txt"
id = "courier"
outlet = "Valley Courier (invented)"
notes = "No date in the copy."

[[reports]]
file = "b_daily_roundup.txt"
id = "roundup"
outlet = "Daily Roundup (invented)"
notes = "No date or byline in the copy."
'''

EXAMPLE = OUT / "example_case"
EXAMPLE.mkdir(exist_ok=True)
for _name, _text in (("a_valley_courier.txt", REPORT_A), ("b_daily_roundup.txt", REPORT_B),
                     ("case.toml", CASE_TOML)):
    (EXAMPLE / _name).write_text(_text, encoding="utf-8")

save("06_bring_your_own_case.ipynb", [
    header("06", "Bring your own case", 45, [
        "make a case from a folder of reports: the files, and a small case.toml",
        "record only what each copy says about itself (unknown stays unknown)",
        "run every view of lessons 00–05 on the new case",
        "check the kit's output on a new text before teaching with it",
    ]),
    md("""
## What a case is

A **case** is a folder: one file per report (`.txt`, `.md` or a saved `.html` page), kept **exactly
as published**, plus an optional `case.toml` that says who published each copy. That is all. Every
lesson and view of this kit works on any case.

This lesson is for teachers, so it shows a little more code than the others; each cell is short, and
you can run them all without changing anything. We make a small example case with two invented
reports about a flood (no real event, outlet or person), in a temporary folder.

**Step 1: a folder of reports.** In real life: make a folder, save each report into it as a text
file, and name the files so you can tell them apart.
"""),
    code('''import shutil
import tempfile
from pathlib import Path
from mediakit import lesson, views, plots'''),
    code('''example = Path("example_case")   # two short invented reports, shipped beside this notebook
folder = Path(tempfile.mkdtemp()) / "millford-flood"
folder.mkdir()
for name in ("a_valley_courier.txt", "b_daily_roundup.txt"):
    shutil.copy(example / name, folder / name)
sorted(p.name for p in folder.iterdir())'''),
    md("Here is report B, as saved (open the files in `example_case/` to read both):"),
    code('print((folder / "b_daily_roundup.txt").read_text(encoding="utf-8"))'),
    md("""
**Step 2: a `case.toml`.** The kit writes a template listing every report; you fill in what each copy
says about itself. From a terminal the same is `mediakit new-case FOLDER`.
"""),
    code('from mediakit.cases import case_template\nprint(case_template(folder, title="A flood in Millford"))'),
    md("""
Fill it in and save it as `case.toml` in the folder (here we copy a filled-in one). Leave out what the copy does not tell you: here,
neither report gives a date, so there is no `date` line. If a copy says it first appeared elsewhere
("This article originally appeared on…"), write that outlet as `original_author`.
"""),
    code('shutil.copy(example / "case.toml", folder / "case.toml")\nprint((folder / "case.toml").read_text(encoding="utf-8"))'),
    ex("ex_06_01"),
    ex("ex_06_02"),
    ex("ex_06_03"),
    md("""
**Step 3: load and analyse it.** The same call as every lesson, with the folder instead of the seed
case's id. If something is wrong with the folder or the file, you get one plain sentence saying what
and where.
"""),
    code("own = lesson.start(folder)"),
    md("## Step 4: every view, on the new case\n\nThe reader (lessons 00–05):"),
    code("views.reader(own)"),
    md("Sources (lesson 01):"),
    code("views.source_explorer(own)"),
    code("plots.chart(plots.plot_source_mix, own)"),
    md("Quotes traced across reports (lesson 02): is Jane Okafor still Jane Okafor in report B?"),
    code("views.quote_tracer(own)"),
    md("Figures (lesson 03): 'About 300' against 'hundreds'."),
    code("views.figures_table(own)"),
    code("plots.chart(plots.plot_figures, own)"),
    md("Wording (lesson 04): 'devastated', 'certain', 'are said to be'."),
    code("views.wording_view(own)"),
    code("plots.chart(plots.plot_loaded_terms, own)"),
    ex("ex_06_04"),
    md("""
## Step 5: check the machine before you teach

The kit has never seen your reports. Before class, check its marks on a few passages, the way learners
do in every lesson's *Correct the machine* exercise, and note what it missed so you can say so to your
class.
"""),
    ex("ex_06_05"),
    ex("ex_06_06"),
    md("""
## Using your case in the other lessons

Open any lesson, and in its first code cell replace `case="maarat-al-numan"` with the path of your
folder, e.g. `lesson.start(case="/home/me/cases/millford-flood")`. Or, without editing any notebook,
set the environment variable `MEDIAKIT_LESSON_CASE` to the folder before starting Jupyter (on a hub,
in the server's environment): every lesson's `lesson.start` then loads your case. The views follow
your case, and cells that name a seed report fall back on your case's own reports. The prose and
the exercises stay about the seed case (each exercise says so); write your own in a new file under
`exercises/` (the teacher guide shows how), one exercise per id, and show each with
`lesson.exercise("ex_…")`.
"""),
    ex("ex_06_07"),
    *recap("06", [
        "A case is a folder of reports kept exactly as published, plus a small case.toml.",
        "Record only what each copy says about itself; unknown stays unknown.",
        "Every view works on the new case; check the kit's marks before teaching with it.",
    ], "That is the course. The teacher guide (docs/teacher-guide.md) has answer keys, timings and ways to run it for a class."),
])

# --------------------------------------------------------------------------- 07

save("07_transfer.ipynb", [
    header("07", "Transfer: the same moves on a new story", 45, [
        "use the moves of lessons 01–05 on a story you have not seen, in another genre",
        "find who is cited, trace a quote, weigh figures, and spot loaded words without help",
        "compare a headline with its body",
        "see how your skills check changed since lesson 00",
    ]),
    md("""
## A new story

**This case is invented.** The company, the town, the three outlets and every person in them were
made up for this lesson, so that you can practise on a story nobody has told you about. The reports
are written the way real ones often are, and they disagree on purpose.

An invented maker of parts, **Ardley Components**, says it will close its plant in the invented
town of **Brennick** and move the work to another site. Three invented outlets report it: a local
paper (the *Brennick Herald*), a business news site (the *Business Ledger*) and a campaigners'
blog (*Voice of the Valley*).

Nothing here is about war, and that is the point: the moves you learned work on any story. Run the
next cell: it loads the three reports.
"""),
    code('from mediakit import lesson, views, plots\nanalysis = lesson.start(case="ardley-plant-closure")'),
    md("""
## Read first

Read the three reports, without any highlights. They are short.
"""),
    code("views.reader(analysis)"),
    md(SKILLS_AFTER),
    *[ex(f"ex_07_{n:02d}") for n in range(1, 5)],
    md("""
## Sources: who says so?

Now with the kit's help. The source explorer lists whoever each claim is pinned on, by kind. Which
report lets workers speak, which lets the company speak, and which cites someone from outside?
Where do words like *it is understood* or *reportedly* stand in for a source?
"""),
    code("views.source_explorer(analysis)"),
    ex("ex_07_05"),
    md("""
## Quotes: where did they first appear?

The quote tracer finds words that appear in more than one report. Who is the speaker in each?
"""),
    code("views.quote_tracer(analysis)"),
    md("""
## Figures: what is counted, and who says so?

Jobs, people, families: the three reports give different numbers. Before you call them a
contradiction, ask what each one counts and who gives it.
"""),
    code("views.figures_table(analysis)"),
    ex("ex_07_06"),
    md("""
## Wording and headlines

*Streamlines*, *to close*, *Betrayed*: three headlines for one closure. The wording view shows the
words the kit marks as loaded in each report.
"""),
    code("views.wording_view(analysis)"),
    ex("ex_07_07"),
    ex("ex_07_08"),
    md("""
## Put it together

Tell a friend who has seen only one of the reports what the three agree on and where they differ.
"""),
    ex("ex_07_09"),
    md("""
## Your skills check, before and after

Your first tries in lesson 00 and in this lesson, skill by skill (run the cell again after you
answer the four questions above):
"""),
    code("lesson.skills()"),
    *recap("07", [
        "The same four moves work on any story: who is cited, who said it first, what a figure counts, which words judge.",
        "A headline can be true and still leave out what matters most to some readers.",
        "A number without a source, or a source replaced by 'it is understood', is a claim to check, whoever prints it.",
    ], "That is the course. Try the moves on today's news."),
])
print("ok")
