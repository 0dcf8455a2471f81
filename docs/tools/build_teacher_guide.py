"""Write docs/teacher-guide.md: hand-written lesson notes plus answer keys drawn from exercises/*.toml.

Run after changing an exercise: .venv/bin/python docs/tools/build_teacher_guide.py
"""

from pathlib import Path

from lesson_plans import PLANS

from mediakit.lessons.exercises import load_lessons

ROOT = Path(__file__).resolve().parents[2]

LESSONS = {
    "00": dict(
        nb="00_start_here.ipynb",
        objectives=[
            "describe the event neutrally, without taking any report's side",
            "say who published each of the five reports and who wrote it first (three are South Front's text)",
            "treat an outlet's description of itself as a claim, and check it by reading laterally",
            "say that the kit makes measurable mistakes, and check one of them",
        ],
        timing=PLANS["00"],
        prompts=[
            "Before looking at the evidence: what made you pick the report you trust most? Was it the outlet's name, the headline, the look of the page?",
            "Three of five 'different' reports come from one author. What does that do to the idea that 'many sources say so'?",
            "Every outlet that describes itself calls itself independent or good. How would you find out what others say about it, and whose account of an outlet would you trust?",
            "The kit is wrong some of the time. Is a tool that is wrong 1 time in 10 useless? What should you do with its highlights?",
        ],
        notes="Do not tell the class what to think of any outlet: the lesson's point is the method (read laterally), not a verdict. If a learner asks 'so is X propaganda?', turn it back: 'What did you find when you read about X in other sources, and who were those sources?' The first-impressions poll is private and ungraded; lesson 05 returns to it.",
    ),
    "01": dict(
        nb="01_sourcing.ipynb",
        objectives=[
            "find the sources in a report (whoever a claim is pinned on)",
            "sort sources by kind: named person, anonymous person, official body, media outlet, NGO, unnamed side, unspecified",
            "say which side of the conflict a source is on, where the text says so",
            "notice whose voices are missing",
        ],
        timing=PLANS["01"],
        prompts=[
            "Sputnik's sources about the fighting are all on the government's side; MEE's are rebels, civilians and a monitoring group. Does that make either report false? What does it make it?",
            "When is an anonymous source acceptable? What does the reporter owe the reader in exchange (MEE says 'on condition of anonymity')?",
            "'A Sputnik photojournalist embedded with Syrian troops confirmed the information.' What does 'embedded' tell you about what he could and could not see?",
            "If you could add one source to each report, who would it be?",
        ],
        notes="The chart and explorer count what the kit found; counts on a five-report case are small, so read them as patterns to check in the text, not as statistics.",
    ),
    "02": dict(
        nb="02_attribution.ipynb",
        objectives=[
            "tell direct speech from indirect speech",
            "say what a reporting verb adds (said / claimed / warned / accused)",
            "trace a quote back to where it first appeared and who is said to have said it there",
            "explain what changes when a quote is lifted, relabelled and left uncredited",
        ],
        timing=PLANS["02"],
        prompts=[
            "Middle East Eye's 'one rebel fighter, speaking to Middle East Eye' becomes 'one HTS militant' in 21st Century Wire, with no credit. What does a reader of 21st Century Wire now believe about who is desperate?",
            "MEE's standfirst says the rebel source 'accuses militant group HTS of holding back its firepower'. What does that suggest about the new label?",
            "Can the texts alone prove who copied whom? What would you need to check (dates, archives, the outlets' own statements)?",
            "'claimed' versus 'said': find one of each in the reports. Which sources get which verb?",
        ],
        notes="This is the lesson the browser test walks. The central example: 21st Century Wire's opening quotes 'one HTS militant speaking on condition of anonymity' with the words that Middle East Eye attributes to 'one rebel fighter, speaking to Middle East Eye on condition of anonymity'; two of MEE's quotes are joined with '….'. Keep the claim careful: only MEE says it spoke to him; the texts alone do not prove the copying route.",
    ),
    "03": dict(
        nb="03_figures.ipynb",
        objectives=[
            "find counts and amounts and tell them from dates, names and ordinals",
            "say what a figure counts, over what time, and who gives it",
            "tell figures that agree from figures that only look alike",
            "notice figures from one side only, or from no source",
        ],
        timing=PLANS["03"],
        prompts=[
            "Sputnik's two 40s count different things. Where else have you seen the same number mean different things in a news story?",
            "The vehicle counts come from the Russian Defense Ministry, and South Front itself says they 'seem to be overestimated'. Why might a report print numbers it doubts?",
            "Is a figure from one party to a war worthless? What would make you more confident in it?",
            "'some 120,000 … in the past 12 days' and 'hundreds of thousands … in recent weeks' in the same report: contradiction or not?",
        ],
        notes="The figures table groups figures by what they count and gives a verdict (agree / disagree / only look alike) only where the text supports it. Ask learners to check one verdict in the text.",
    ),
    "04": dict(
        nb="04_wording.ipynb",
        objectives=[
            "compare the labels each report uses for each side",
            "compare the verbs for taking the town (liberate, enter, regain, capture, fall)",
            "spot hedges and scare quotes",
            "rewrite a loaded headline in words neither side would object to",
        ],
        timing=PLANS["04"],
        prompts=[
            "'Liberates', 'enter', 'regained control', 'captured', 'fall': rank them from most to least judgement. Do you all agree on the order?",
            "Is 'terrorist' ever the neutral word? Who decides which groups are terrorist, and does a report tell you whose designation it uses?",
            "Sputnik writes ‘moderate’ in scare quotes; South Front writes 'so-called'. What argument is being made without being stated?",
            "Is a fully neutral headline possible? Compare your rewrites.",
        ],
        notes="Some words are genuinely debatable (is 'key' an intensifier?). The correct-the-machine exercise accepts such words either way; use them for discussion rather than marking.",
    ),
    "05": dict(
        nb="05_putting_it_together.ipynb",
        objectives=[
            "find shared text and tell copying from quoting one statement or sharing boilerplate",
            "compare a headline with the body beneath it",
            "follow a claim from forecast to claim to fact across reports",
            "write a personal checklist, and test the first impression against the evidence",
        ],
        timing=PLANS["05"],
        prompts=[
            "21st Century Wire's headline says 'Liberates'; the South Front text on the same page says 'government sources claimed' the army had entered and still had to remove IEDs. Who writes headlines, and when?",
            "Across the reports the capture goes from forecast to claim to fact. What new evidence appeared along the way?",
            "Sputnik and MEE both quote Turkey's defence ministry word for word, with credit. Why is that not the same as the lifted 'miracle' quote?",
            "Did anyone change their first impression? What evidence did it, and what would have to be true for your first impression to be right after all?",
        ],
        notes="Invite, do not require, learners to share how their first impression changed; keeping a view for better reasons is as good an outcome as changing it.",
    ),
    "06": dict(
        nb="06_bring_your_own_case.ipynb",
        objectives=[
            "make a case from a folder of reports and a small case.toml",
            "record only what each copy says about itself",
            "run every view of lessons 00–05 on the new case",
            "check the kit's output on a new text before teaching with it",
        ],
        timing=PLANS["06"],
        prompts=[
            "What stories in your area are told by several outlets this week? Which would make a good case?",
            "What metadata were you tempted to guess? Why does 'unknown stays unknown' matter for learners?",
            "What did the kit miss on your reports? How will you tell your class?",
        ],
        notes="The notebook writes two invented reports into a temporary folder so it runs anywhere. From a terminal: `mediakit new-case FOLDER` writes the case.toml template; `mediakit analyze FOLDER --json -` prints everything the kit found. To use your case in another lesson, change the first code cell to `lesson.start(case=\"/path/to/folder\")`, or set `MEDIAKIT_LESSON_CASE` to the folder before starting Jupyter.",
    ),
}

TYPE_NAMES = {"choice": "multiple choice", "multi": "tick all that apply", "number": "number",
              "text": "short free text", "poll": "poll (no wrong answer)", "select_words": "select the words in the text"}


def key_lines(ex):
    out = []
    if ex.type == "choice":
        out.append(f"**Answer:** {ex.correct_options[0]}")
    elif ex.type == "multi":
        out.append("**Answer:** " + "; ".join(ex.correct_options))
        wrong = [o for o in ex.options if not o.correct]
        out.append("**Not:** " + "; ".join(o.text for o in wrong))
    elif ex.type == "number":
        out.append(f"**Answer:** {ex.answer:,}" + (f" {ex.unit}" if ex.unit else "") +
                   (f" (± {ex.tolerance:g})" if ex.tolerance else ""))
    elif ex.type == "poll":
        out.append("**Answer:** none; the answer is saved and lesson 05 shows it to the learner again.")
    elif ex.type == "select_words":
        where = f"report `{ex.report}`" if ex.report else "a text in the exercise"
        if ex.corrects_machine:
            out.append(f"**Correct the machine** ({ex.machine}, {where}). The key is computed when the notebook runs: "
                       "what a person marked, compared with what the kit found today. A person's marks: "
                       + "; ".join(f"“{a}”" for a in ex.answer) + ".")
            if ex.accept:
                out.append("Accepted either way: " + "; ".join(f"“{a}”" for a in ex.accept) + ".")
        else:
            out.append(f"**Answer** (in {where}): " + "; ".join(f"“{a}”" for a in ex.answer)
                       + (" (any one)" if ex.match == "any" else ""))
            if ex.accept:
                out.append("Also accepted: " + "; ".join(f"“{a}”" for a in ex.accept) + ".")
    elif ex.type == "text":
        out.append(f"**Model answer:** {ex.model_answer}")
    if ex.explanation:
        out.append(f"**Why:** {ex.explanation}")
    if ex.type == "text":
        out.append(f"**Rubric** (the notebook's automatic check only looks for key words; at least {ex.min_words} words, "
                   f"{ex.min_criteria} point(s) seen; you judge the rest):")
        out.append("")
        out.append("| point | 0 | 1 | 2 |")
        out.append("|---|---|---|---|")
        for c in ex.rubric:
            out.append(f"| {c.criterion} | missing | mentioned | explained with an example from the reports |")
    return out


def main():
    lessons = load_lessons()
    L = []
    L.append("""# Teacher guide

*mediakit: seven lessons on reading the news closely, built on one event told five ways (the capture of
Maarat al-Numan, Syria, January 2020) and usable on any case you build.*

This guide gives, per lesson: objectives, a timing plan for a 45-minute period, discussion prompts, the
answer key with explanations, and a rubric for the free-text answers. The end of the guide says how to run
the lessons on a classroom JupyterHub or in Voilà (for a class that should not see code), and how to add
exercises. A printable one-page handout per lesson is in [handouts/](handouts/).

**The stance of the course.** The kit shows evidence and asks questions; it never labels an outlet good or
bad, and neither does this guide. When learners ask for a verdict on an outlet, send them to read laterally
(lesson 00) and to the evidence in the texts (lessons 01–05).

**How exercises behave.** Every exercise checks itself: a wrong answer gets a hint (a different hint on the
next try), a right one gets the explanation. Free-text answers are saved, shown against a short checklist
and a model answer; the automatic check only looks for key words, so read them yourself. Answers are saved
as learners go, in `.mediakit-progress.json` beside the notebooks; a kernel restart does not lose them, and
a damaged progress file is kept aside (as `.mediakit-progress.json.corrupt-<time>`) rather than deleted.

**Correct-the-machine exercises.** One per lesson. The learner sees what the kit marked in a passage and
marks what it missed or got wrong. The right answer is computed when the notebook runs, by comparing the
kit's output with a person's marks (listed below), so it stays right when the kit changes. If the kit gets the
passage right, the right answer is to tick "the kit got this passage right". A kit mark counts as correct
when it overlaps a person's mark.

## The lessons at a glance

| lesson | what it teaches | minutes |
|---|---|---|""")
    for lid, info in LESSONS.items():
        L.append(f"| {lid} · {lessons[lid].title} | {'; '.join(info['objectives'][:2])} | 45 |")
    L.append("")
    for lid, info in LESSONS.items():
        les = lessons[lid]
        L.append(f"## Lesson {lid} · {les.title}\n")
        L.append(f"Notebook: `notebooks/{info['nb']}` · handout: [handouts/{info['nb'].replace('.ipynb', '.md')}](handouts/{info['nb'].replace('.ipynb', '.md')})\n")
        L.append("**Objectives.** Learners can:\n")
        L += [f"- {o}" for o in info["objectives"]]
        L.append("\n**Timing (45 minutes).**\n\n| part | minutes |\n|---|---|")
        L += [f"| {a} | {b} |" for a, b in info["timing"]]
        L.append("\n**Discussion prompts.**\n")
        L += [f"{i}. {p}" for i, p in enumerate(info["prompts"], 1)]
        L.append(f"\n**Notes.** {info['notes']}\n")
        L.append("**Answer key.**\n")
        for ex in les.exercises:
            L.append(f"- **{ex.id}** · {ex.title} · *{TYPE_NAMES[ex.type]}*")
            L.append("  - *Prompt:* " + " ".join(ex.prompt.split()).replace("**", ""))
            for line in key_lines(ex):
                if line.startswith("|"):
                    L.append(f"    {line}")
                elif line:
                    L.append(f"  - {line}")
                else:
                    L.append("")
            if ex.teacher_note:
                L.append(f"  - *Teacher note:* {ex.teacher_note}")
            L.append("")
    L.append(RUNNING)
    (ROOT / "docs" / "teacher-guide.md").write_text("\n".join(L).rstrip() + "\n", encoding="utf-8")


RUNNING = """## Running the lessons

### On one computer

`python3 kit.py lab` sets everything up the first time and opens JupyterLab on `notebooks/`. Open
`00_start_here.ipynb` and choose *Run → Run All Cells*. Nothing is downloaded while the lessons run.

### On a classroom JupyterHub

1. Install the kit once into the hub's user environment (the image or the shared conda/venv):
   `pip install /path/to/mediakit` (the English language model is an ordinary dependency).
2. Give each learner their own copy of `notebooks/` and `exercises/` (e.g. with nbgitpuller, or by copying
   the folder into each home directory). Keep them side by side: the lessons find `exercises/` next to the
   package or through the `MEDIAKIT_EXERCISES` environment variable.
3. Name each learner in their server's environment: `MEDIAKIT_LEARNER` (their name or class code) and
   `MEDIAKIT_ANSWERS` (their answers folder). Their answers then go to one file,
   `learner-<name>-<hash>.json` in that folder, the same in JupyterLab and Voilà; without them, answers
   are saved in `.mediakit-progress.json` beside the notebooks in each home folder. To see the class, run
   `mediakit class-report FOLDER --html report.html --csv grades.csv` on a folder holding the files (any
   depth): per exercise the share right at the first try and the common wrong first answers, per learner
   their progress and the skills check. It only reads; damaged files are listed and skipped.
   Put `mediakit/jupyter_config` on `JUPYTER_CONFIG_PATH` so that closed Voilà pages give their kernels
   back and idle kernels are culled.
4. The first run of a lesson parses the five reports (a few seconds) and caches the result
   (`MEDIAKIT_CACHE` chooses where); later runs are instant.
5. To run the lessons on a case of your own without editing any notebook, set
   `MEDIAKIT_LESSON_CASE=/path/to/case-folder` in the hub's environment: every lesson's `lesson.start`
   then loads that case, the views and charts follow it, and code cells that name a seed report use the
   case's own reports instead. The prose and the exercises stay about the seed case, and say so.
6. If a lesson's first cell cannot load the case (a wrong folder, a broken `case.toml`), it says what is
   wrong in one plain sentence, and every later view says "Run the lesson.start(...) cell first; it
   reported a problem above." instead of showing a traceback.

### In Voilà, for a class that should not see code

Voilà shows a notebook as a web page, with code hidden and widgets working:

    voila notebooks/02_attribution.ipynb

or, on a hub with the Voilà server extension, open `…/voila/render/notebooks/02_attribution.ipynb`. Every
lesson works this way: the text, the views and the exercises (with hints and explanations) are all widgets
or prose, and the optional "Under the hood" cells show the kit's records as small tables.

**Answers in Voilà last once the learner gives a name.** Every visitor of a Voilà page shares the served
folder, so until a learner types a name or class code in the box under the first cell, their answers are
kept for their own page only. Once they type it (letters, digits, spaces and dashes; the browser remembers
it), answers go to their own file in `mediakit-answers/` (or `MEDIAKIT_ANSWERS`) and come back after a
reload, in later lessons (lesson 05 shows the lesson-00 first impression) and on other days. On a shared
computer, "Not you? Change" forgets the name. On a hub that sets `MEDIAKIT_LEARNER`, no box is shown.

How the kit knows it runs in Voilà: Voilà starts each visitor's kernel with environment variables of its own
(`VOILA_KERNEL_ID`, `VOILA_BASE_URL`, `VOILA_SERVER_URL`, `VOILA_REQUEST_URL`, …), as the stand-alone
`voila` command and as a hub's `/voila/render/` page alike; a JupyterLab kernel has none. If your setup
hides them, set `MEDIAKIT_VOILA=1` in the server's environment (or `MEDIAKIT_VOILA=0` to switch the
behaviour off). Lesson 06 is meant for teachers in JupyterLab.

### Printing

The handouts in `docs/handouts/` are one page each in Markdown; open them in any Markdown viewer, or convert
them (e.g. `pandoc handouts/02_attribution.md -o 02.pdf`).

## Adding an exercise

Exercises live in `exercises/NN_name.toml`, one file per lesson, one `[[exercise]]` table per exercise, and
a notebook shows one with `lesson.exercise("ex_NN_MM")`. Fields: `id`, `type` (`choice`, `multi`, `number`,
`text`, `poll`, `select_words`), `title`, `prompt`, `hints` (the first wrong try shows the first hint, and so
on), `explanation` (shown once right); `[[exercise.option]]` tables with `text`, `correct`, `feedback` for
choice and multi; `answer` and `tolerance` for number; `rubric` tables (`criterion`, `keywords`),
`model_answer`, `min_words` for text; `report`, `passage` and `answer` (the words to mark, as they appear in
the passage) for select_words, or `text` for a passage that belongs to no case. Add `machine = "quotes"`
(or `attributions`, `figures`, `loaded_terms`, `boilerplate`, `quote_speakers`, `shared_passages`) and
`mode = "both"` (or `missed`, `wrong`) to make it a correct-the-machine exercise; `accept` lists words that
count neither way. `python3 kit.py test` checks that every key passes and wrong answers fail.
"""

main()
print("ok")
