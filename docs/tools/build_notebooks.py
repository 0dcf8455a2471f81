"""Build notebooks/00..06 from the outlines below (stored without outputs, stable cell ids).

Run: .venv/bin/python docs/tools/build_notebooks.py   (then: pytest tests/test_notebooks.py)
Editing a notebook by hand in JupyterLab is fine too; then this script is out of date.
"""

import sys
from pathlib import Path

import nbformat as nbf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lesson_plans import PLANS  # noqa: E402  (one timing source for notebooks and guide)

OUT = Path(__file__).resolve().parents[2] / "notebooks"

HOW = (
    "**How to use this notebook.** In JupyterLab: choose *Run → Run All Cells* once at the start "
    "(or press Shift+Enter in each cell, from the top); the grey code cells only call the kit, so "
    "you can read past them. As a web page without code (Voilà): everything has already run; "
    "just read, choose and click. Your answers are saved each time you press *Check* or *Save*; "
    "the box under the first cell says where."
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
    return md(
        f"# {num} · {title}\n\n*About {minutes} minutes.*\n\n**By the end of this lesson you can:**\n"
        f"{obj}\n\n| part | minutes |\n|---|---|\n{pl}\n\n{HOW}"
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
town of **Maarat al-Numan** on the M5 highway, the road between Aleppo and Damascus. The reports say
the town was liberated, entered, regained or about to fall at the end of January, and some say
Russian air power backed the advance. When and how it happened, and on whose word, is what these
lessons examine.

Five reports from four outlets told this story. You will spend the next lessons comparing them:
who they cite, whose words they quote, which numbers they give, which words they choose. This kit
never tells you which report or outlet is good or bad. It shows evidence and asks questions; the
judgement is yours.

Run the next cell: it loads the five reports and lets the kit read them.
"""),
    code(START),
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

Every outlet describes itself in flattering words. That is a claim, not evidence, and the way to
check it is not to read the outlet's own pages more closely. Professional fact-checkers do the
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
person's careful marking of the same texts (and of reports about other events):
"""),
    code("lesson.accuracy()"),
    md("""
So every highlight in this course is a suggestion to check, not a fact. Each lesson has one
**Correct the machine** exercise: you see what the kit marked, compare it with the text, and mark
what it missed or got wrong. The answer is worked out when you run the notebook, from what the kit
found today.
"""),
    ex("ex_00_07"),
    *recap("00", [
        "One event, five reports, four outlets: and three of the five copies say South Front wrote the text first.",
        "What an outlet says about itself ('independent', 'unrivalled') is a claim; check it by reading laterally, in other sources.",
        "The kit shows evidence and makes measurable mistakes; you check it.",
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
| media outlet | "Middle East Eye", "South Front reports" | we can look it up |
| NGO / monitoring group | "the Syrian Observatory for Human Rights" | we can look it up |
| unnamed side | "pro-government sources", "pro-opposition sources" | no; we only know the side |
| unspecified | "according to reports", "some sources" | no |

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
    code("plots.plot_source_mix(analysis);"),
    code("plots.plot_source_mix(analysis, per_100_words=True);  # per 100 words, like wording"),
    ex("ex_01_05"),
    ex("ex_01_06"),
    md("""
## Correct the machine

The explorer and the chart are only as good as the kit's reading. Check one passage yourself.
"""),
    ex("ex_01_07"),
    *recap("01", [
        "A source is whoever a claim is pinned on. Ask of each claim: who says so?",
        "Sort sources by kind and by side; a named source can be looked up, an anonymous one cannot.",
        "Sputnik's sources about the fighting are on the government's side; Middle East Eye's are rebels, civilians and a monitoring group. Each report lets you hear mostly one side.",
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

Quotes are hard for a machine: mixed quotation marks, a quote split by "he said", a quote in the
headline. Check one passage.
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
    code("plots.plot_figures(analysis);"),
    ex("ex_03_01"),
    md("""
## Whose numbers?

In a war, each side has reasons to count its enemy's losses high and its own low. A figure from one
party, or its ally, is a claim by that party. It may be right, but it needs another source before it
can stand as fact.
"""),
    ex("ex_03_03"),
    ex("ex_03_05"),
    ex("ex_03_04"),
    ex("ex_03_06"),
    md("## Correct the machine"),
    ex("ex_03_07"),
    *recap("03", [
        "For every figure: what is counted, over what time, who says so.",
        "Sputnik's two 40s count different things (servicemen killed; villages taken), from different sources and times.",
        "The vehicle counts come from Russia's Defence Ministry alone, and South Front itself writes that they 'seem to be overestimated'.",
        "Vague amounts ('over 3 dozens', 'hundreds of thousands') give a size, not a count.",
    ], "**Next:** lesson 04, *Wording*: the words each report chooses for the same things."),
    md("### Under the hood (optional)\n\nThe kit's figure records for Sputnik: the words, the value, what is counted and the source."),
    code('rid = lesson.pick_one(analysis, "sputnik")\nlesson.table(analysis.records_for(rid).figures, ["text", "value", "what", "source"])'),
])

# --------------------------------------------------------------------------- 04

save("04_wording.ipynb", [
    header("04", "Wording: labels, verbs, hedges and scare quotes", 45, [
        "compare the labels each report uses for each side",
        "compare the verbs for taking the town: liberate, enter, regain, capture, fall",
        "spot hedges ('it appears', 'reportedly') and scare quotes (‘moderate’)",
        "rewrite a loaded sentence in words neither side would object to",
    ]),
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
*radicals*; the other side is *the Syrian Army*, *government forces*, *Assad's troops*, *the regime*.
The wording view counts each report's labels for each side, and its loaded terms by category; the
heat map shows the categories per report (the numbers are printed in the cells).
"""),
    code("views.wording_view(analysis)"),
    code("plots.plot_loaded_terms(analysis);"),
    ex("ex_04_03"),
    ex("ex_04_05"),
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
        "The verb for taking a town (liberate, enter, regain, capture) is already an interpretation.",
        "Labels for each side differ by report; counting them shows a pattern that one sentence does not.",
        "Hedges and scare quotes shape belief without an argument.",
        "A neutral rewrite says what happened and pins judgements on whoever makes them.",
    ], "**Next:** lesson 05, *Putting it together*."),
    md("### Under the hood (optional)\n\nThe kit's loaded-term records for 21st Century Wire: the words and their category."),
    code('rid = lesson.pick_one(analysis, "21wire")\nlesson.table(analysis.records_for(rid).loaded_terms, ["text", "category"])'),
])

# --------------------------------------------------------------------------- 05

save("05_putting_it_together.ipynb", [
    header("05", "Putting it together: reuse, headlines, and a claim that hardens", 45, [
        "find text that reports share, and tell copying from quoting the same statement",
        "compare a headline with the body beneath it",
        "follow a claim from forecast to claim to fact across reports",
        "write your own checklist, and test your first impression against the evidence",
    ]),
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

Three of the five copies are South Front's text; one copies a quote from another outlet without
credit; two quote the same ministry statement. Shared text can be legitimate republication, quoting
one source, boilerplate, or uncredited copying: look at what each copy says about where it came from.
"""),
    ex("ex_05_04"),
    ex("ex_05_08"),
    md("""
## Headline versus body

Headlines are short, are often written by someone else, and are often surer than the text below them.
"""),
    ex("ex_05_01"),
    md("""
## How a claim hardens

Follow the capture across the reports: a forecast, then a claim pinned on a source, then a fact in
the writer's own voice. The evidence does not grow along the way; the doubt simply drops out of the
wording.
"""),
    ex("ex_05_02"),
    ex("ex_05_03"),
    ex("ex_05_05"),
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
        "21st Century Wire's headline says 'Liberates'; the South Front text below it says 'government sources claimed' the army had entered.",
        "Across the reports the capture hardens from forecast to claim to fact.",
        "Your checklist: sources, quotes, figures, wording, headline, and the outlet read laterally.",
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
    code("plots.plot_source_mix(own);"),
    md("Quotes traced across reports (lesson 02): is Jane Okafor still Jane Okafor in report B?"),
    code("views.quote_tracer(own)"),
    md("Figures (lesson 03): 'About 300' against 'hundreds'."),
    code("views.figures_table(own)"),
    code("plots.plot_figures(own);"),
    md("Wording (lesson 04): 'devastated', 'certain', 'are said to be'."),
    code("views.wording_view(own)"),
    code("plots.plot_loaded_terms(own);"),
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
print("ok")
