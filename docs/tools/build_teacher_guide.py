"""Write docs/teacher-guide.md: hand-written lesson notes plus answer keys drawn from exercises/*.toml.

Run after changing an exercise: .venv/bin/python docs/tools/build_teacher_guide.py
"""

from pathlib import Path

from lesson_plans import OPTIONAL, PERIODS, PLANS, SIXTY, STARTERS

from mediakit.lessons.exercises import load_lessons

ROOT = Path(__file__).resolve().parents[2]

LESSONS = {
    "00": dict(
        nb="00_start_here.ipynb",
        objectives=[
            "describe the event neutrally, without taking any report's side",
            "say who published each of the five reports and who wrote it first (three carry South Front's text)",
            "treat an outlet's description of itself as a claim, and check it by reading laterally",
            "say that the kit makes measurable mistakes, and check one of them",
        ],
        timing=PLANS["00"],
        prompts=[
            "Before looking at the evidence: what made you pick the report you trust most? Was it the outlet's name, the headline, the look of the page?",
            "Three of five 'different' reports carry one author's text. What does that do to the idea that 'many sources say so'?",
            "Two outlets call themselves independent. How would you find out what others say about an outlet, and whose account of an outlet would you trust?",
            "The kit is wrong some of the time, and more often on news it was not tuned on. Is a tool that is wrong 1 time in 10 useless? What should you do with its highlights?",
        ],
        notes="Read the content note aloud, and let learners who find the subject hard step out of a discussion or work on another case. Do not tell the class what to think of any outlet: the lesson's point is the method (read laterally), not a verdict. If a learner asks 'so is X propaganda?', turn it back: 'What did you find when you read about X in other sources, and who were those sources?' The first-impressions poll is private and ungraded; lesson 05 returns to it. The error rates come from the kit's measurements (mediakit.accuracy_summary), not from the page: the numbers on the five seed reports are a best case, because the rules were written while reading them; the numbers on news nobody here wrote are the honest estimate.",
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
            "Sputnik's sources about the fighting are all on the government's side; MEE's are an opposition fighter, civilians and a monitoring group. Does that make either report false? What does it make it?",
            "When is an anonymous source acceptable? What does the reporter owe the reader in exchange (MEE says 'on condition of anonymity')?",
            "'A Sputnik photojournalist embedded with Syrian troops confirmed the information.' What does 'embedded' tell you about what he could and could not see?",
            "If you could add one source to each report, who would it be?",
            "What did you find when you read laterally about the Observatory or the ministry's centre? Did your sources agree?",
        ],
        notes="The chart and explorer count what the kit found; counts on a five-report case are small, so read them as patterns to check in the text, not as statistics. The source kind 'unspecified' is a source named only vaguely ('according to reports'); a passive with nobody behind it ('were also reported') is no source at all (ex_01_07).",
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
            "MEE's standfirst says the 'Rebel source' 'accuses militant group HTS of holding back its firepower'. What does that suggest about the new label?",
            "Can the texts alone prove who copied whom? What would you need to check (dates, archives, the outlets' own statements)?",
            "'claimed' versus 'said': find one of each in the reports. Which sources get which verb?",
        ],
        notes="The central example: 21st Century Wire's opening quotes 'one HTS militant speaking on condition of anonymity' with the words that Middle East Eye attributes to 'one rebel fighter, speaking to Middle East Eye on condition of anonymity'; two of MEE's quotes are joined with '….'. Keep the claim careful: only MEE says it spoke to him; the texts alone do not prove the copying route.",
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
            "compare the verbs for taking the town ('liberate', 'enter', 'regain', 'capture', 'fall')",
            "spot hedges and scare quotes",
            "rewrite a loaded headline in words neither side would object to",
        ],
        timing=PLANS["04"],
        prompts=[
            "'Liberates', 'enter', 'regained control', 'captured', 'fall': rank them from most to least judgement. Do you all agree on the order?",
            "Is 'terrorist' ever the neutral word? Who decides which groups are called 'terrorist', and does a report tell you whose designation it uses?",
            "Middle East Eye writes 'Assad's troops' and 'Assad's assault'. Which words would the other outlets object to in MEE's report, and why?",
            "Sputnik writes ‘moderate’ in scare quotes; South Front writes 'so-called'. What argument is being made without being stated?",
            "Is a fully neutral headline possible? Compare your rewrites.",
        ],
        notes="Some words are genuinely debatable (is 'key' an intensifier? is 'regained control' a claim of rightful ownership?). The correct-the-machine exercise accepts such words either way, and ex_04_02 leaves 'regained control' out; use them for discussion rather than marking. Keep the course's own voice neutral in class too: 'armed opposition groups', 'government forces', and any other label in quotation marks, as a report's word. The only 'regime' in the reports is Sputnik's 'ceasefire regime', an arrangement: the kit's wording view does not count it as a label.",
    ),
    "05": dict(
        nb="05_putting_it_together.ipynb",
        objectives=[
            "find shared text and tell copying from quoting one statement or sharing boilerplate",
            "compare a headline with the body beneath it",
            "tell wording that hardens from events that moved on, by dating each report from its own text",
            "look for confirmation by another author, and say what better coverage would settle a disputed point",
            "write a personal checklist, and test the first impression against the evidence",
        ],
        timing=PLANS["05"],
        prompts=[
            "21st Century Wire's headline says 'Liberates'; the South Front text on the same page says 'government sources claimed' the army had entered and still had to remove IEDs. Who writes headlines, and when?",
            "South Front's 'About to Fall' became 'liberated' five days later. Which part of that change is news (events that moved on), and which is wording? Where in the reports does the wording harden with no new events?",
            "Only one copy gives a date. How sure can you be of when the others were written, and why must you not write a date the copy does not give?",
            "Sputnik and MEE both quote Turkey's defence ministry word for word, with credit. Why is that not the same as the lifted 'miracle' quote?",
            "Did anyone change their first impression? What evidence did it, and what would have to be true for your first impression to be right after all?",
        ],
        notes="Planned over two periods (the plan marks where period 2 begins; learners run the first code cell again). In one period, do period 1 and the checklist, and set the dating table as homework. Keep the two kinds of change apart: South Front's 'About to Fall' (events up to 26 January) and 'liberated' (31 January) are days apart and the later report tells of later events (news); 21st Century Wire's 'Liberates' over 'government sources claimed' on one page is wording that hardens. Never let a date a copy lacks into the class's notes: only the 31 January report carries dates of its own. Invite, do not require, learners to share how their first impression changed; keeping a view for better reasons is as good an outcome as changing it.",
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
    "07": dict(
        nb="07_transfer.ipynb",
        objectives=[
            "use the moves of lessons 01–05 on an unseen story in another genre (an invented factory closure)",
            "find who is cited, trace a quote, weigh figures and spot loaded words without help",
            "compare a headline with its body",
            "see their growth on the skills check (lesson 00 before, lesson 07 after)",
        ],
        timing=PLANS["07"],
        prompts=[
            "The Herald gives the company's figure and the union's; the Ledger calls the union's figure a claim 'the company disputes'; the blog gives 600 with no source. Which would you print, and how?",
            "The Ledger's headline says 'streamlines', the blog's says 'Betrayed'. Is each true? What does each leave out?",
            "The machinist's words appear on the blog as 'one union activist said', with no credit. What would you need, beyond the texts, to know how the blog came by them?",
            "Which of the moves from lessons 01–05 was hardest to do without the kit's highlights?",
        ],
        notes="The case is invented and says so everywhere (the case file, each report's notes, the lesson): no real company, outlet, town or person. Use it as a transfer task: the skills check (ex_07_01–04) comes before the tools, and only first tries count. For each learner, `mediakit.lessons.skills.skills_check(progress_file)` returns the before (ex_00_08–11) and after (ex_07_01–04) scores, skill by skill, right at the first try; the notebook's last cell shows the learner their own. A small before/after sample is not a grade: read it as a sign of which moves need another lesson.",
    ),
}

# answers to the questions on each lesson's handout (docs/handouts/)
HANDOUT_KEYS = {
    "00": [
        ("2. Who published what?",
         "1 · 21st Century Wire · South Front, for the part after 'South Front reports…' · 'SUPPORT OUR INDEPENDENT MEDIA PLATFORM', 'STAY TUNED FOR MORE UPDATES', 'READ MORE SYRIA NEWS AT…'. "
         "2 · Global Research (events to 26 January) · South Front ('Articles by: South Front') · a disclaimer, a 'fair use' notice, South Front's appeal for support. "
         "3 · Sputnik · not said · nothing about itself. "
         "4 · Global Research (31 January) · South Front ('The original source of this article is South Front') · the same disclaimer and notice, 'Become a Member of Global Research'. "
         "5 · Middle East Eye · not said (it presents the report as its own) · 'delivers independent and unrivalled coverage', a newsletter sign-up. "
         "No copy but the 31 January one gives a date."),
        ("How many of the five are really independent of each other?",
         "At most three authors: South Front (three copies), Sputnik, Middle East Eye; and 21st Century Wire's own opening shares the fighter's words with Middle East Eye."),
        ("3. Read laterally.",
         "Answers vary. Judge the method: the learner left the outlet's site and names at least two sources that are independent of the outlet and of each other."),
        ("4. The machine makes mistakes.",
         "The two numbers lesson 00 shows (from the kit's measurements): the five seed reports (a best case) and news about other events. Every highlight is a suggestion to check."),
    ],
    "01": [
        ("1. In Sputnik, who says the town was taken?", "'a Syrian military source': an anonymous person, on the government's side."),
        ("2. Sources in Middle East Eye that are not named.", "'One rebel fighter' (anonymous), 'Some sources' and 'others' (unspecified)."),
        ("3. How many people does Middle East Eye quote by name?", "Two: Akram al-Masri and Anas al-Swadi."),
        ("4. Sources by side.",
         "Sputnik: government side: a Syrian military source, a Sputnik photojournalist embedded with Syrian troops, the Russian Defence Ministry and its Centre for Syrian Reconciliation; opposition: none; civilians: none; others: Turkey's Defence Ministry. "
         "Middle East Eye: government side: none about the town; opposition: 'one rebel fighter'; civilians: Akram al-Masri (a displaced activist), Anas al-Swadi; others: the Syrian Observatory for Human Rights, Turkey's defence ministry, 'some sources', 'others'."),
        ("5. Whose voice is missing?", "Sputnik: any opposition or civilian voice. Middle East Eye: any Syrian government or Russian source about the town."),
        ("6. Read laterally about a cited source.", "Answers vary; judge the method as in lesson 00: independent sources named, not the organisation's own pages."),
    ],
    "02": [
        ("Trace the quote: who is said to have said it?", "21st Century Wire: 'one HTS militant'. Middle East Eye: 'one rebel fighter'."),
        ("Does the report say it spoke to him?", "21st Century Wire: no ('said', 'he added', but not to whom). Middle East Eye: yes ('speaking to Middle East Eye')."),
        ("Does it credit another outlet?", "21st Century Wire: no. Middle East Eye: no other outlet is involved."),
        ("Anything joined, cut or changed?", "21st Century Wire joins two of his quotes with '….', dropping 'he said', and changes the label; the quoted words are the same."),
        ("The standfirst ('accuses').", "A source who accuses HTS of holding back is unlikely to be an HTS member: the label 'one HTS militant' is doubtful."),
        ("Mark the reporting words.", "'blame', 'According to', 'claim'."),
        ("One 'said' and one 'claimed'.",
         "'a Syrian military source has said' (Sputnik); 'government sources claimed' and 'They also claim' (pro-opposition sources), both in South Front's text on 21st Century Wire: there, both sides' sources get 'claim'."),
    ],
    "03": [
        ("1. Sputnik's two 40s.",
         "First: Syrian Army servicemen killed; the Russian Defence Ministry's Centre for Syrian Reconciliation; 'last week'. Second: villages 'liberated'; no source; by 24 December."),
        ("2. The vehicle counts.", "The Russian Defense Ministry; the next sentence: 'These numbers have not been confirmed by visual evidence and seem to be overestimated.'"),
        ("3. Middle East Eye, people who fled.", "'some 120,000' in the past 12 days, according to the Syrian Observatory for Human Rights ('activist group'): one organisation's estimate."),
        ("4. Which side, or no source?",
         "over 200 airstrikes: 'reports by pro-militant sources' (one side's supporters); 40 servicemen killed: a Russian Defence Ministry centre (an ally of one side); some 3.5 million refugees in Turkey: no source."),
        ("5. What kind of figure?", "Vague amounts: they give a size, not a count."),
    ],
    "04": [
        ("One event, five verbs: what each suggests.",
         "'Liberates': a freeing. 'enter': a movement, not even full control. 'regained control over': a return to a former holder. 'About to Fall': a forecast. 'liberated': a freeing, stated as fact."),
        ("Labels for each side.",
         "Sputnik: 'terrorist militants', ‘moderate’ militia forces, 'extremists', 'jihadists', 'terrorists', 'Idlib militants' / 'Syrian troops', 'Syrian Army', 'government forces', 'government troops'. "
         "Middle East Eye: 'rebel forces', 'rebel groups', 'the opposition', for HTS 'the militant group' / 'Pro-Syrian government forces', 'forces loyal to President Bashar al-Assad', 'Assad's troops', 'pro-Assad forces', 'Damascus'. "
         "21st Century Wire's own part: 'Militant' and 'militants' (four times), 'HTS/Al-Nusra terrorist brigades' / 'Syrian Army forces', 'Damascus'."),
        ("Middle East Eye's 'Assad's troops'.", "It makes the advance one man's campaign rather than a state army's: a choice of words, like the other outlets' labels."),
        ("A hedge; a scare quote.",
         "Hedges: 'it appears', 'seem to be', 'reportedly', 'appeared to be unable'. Scare quotes: Sputnik's ‘chemical weapons attack’ and ‘observation posts’, South Front's 'humanitarian ceasefire' and 'the so-called Syrian revolution'."),
        ("My neutral version.", "For example: 'Syrian government forces take the town of Maarat al-Numan in Idlib' (a plain verb; no label for the town; or 'army says it took…')."),
    ],
    "05": [
        ("Shared text.",
         "21st Century Wire · Middle East Eye: the fighter's words; not credited; a lifted quote (who took it from whom cannot be proved from the texts). "
         "Sputnik · Middle East Eye: Turkey's warning, 'in the strongest way, without hesitation'; credited to the ministry; the same statement. "
         "Global Research · Global Research: the donation appeal and disclaimer; boilerplate."),
        ("Headline versus body.", "'On January 28, government sources claimed that the Syrian Army had already entered Maarat al-Numan. However, government forces still have to remove IEDs and fortify their new positions.'"),
        ("Fact, claim or forecast?",
         "Forecast: 'Is About to Fall' (South Front, earlier). Claimed by a source: 'a Syrian military source has said' (Sputnik), 'government sources claimed' (South Front on 21st Century Wire). "
         "Disputed: 'Some sources have reported … others suggest' (Middle East Eye). Fact in the writer's own voice: 'they liberated the key town' (South Front, 31 January), 'saw a key militant stronghold fall yesterday' (21st Century Wire's opening)."),
        ("Wording, or events?", "Events moved on: the earlier report's latest events are of 26 January ('Currently' working to cut off the M5); the later one tells of 27 to 31 January, including an advance from the town on 30 January."),
        ("When was each report written?",
         "21st Century Wire: January 26, 'January 27 evening', January 28 (South Front's part), 'yesterday' (its own opening); latest: 28 January; no date in the copy. "
         "South Front, earlier: January 24, 25, 'Late on January 25', 26, 'Currently'; latest: 26 January, before the town was entered; no date in the copy. "
         "Sputnik: December 19 and 24, 'earlier this month', 'Last week', 'on Monday', 'On Tuesday'; latest: a Tuesday (Turkey's warning); no date in the copy (a calendar shows 27 January 2020 was a Monday: worked out, not given). "
         "South Front, 31 January: January 27 to 31; latest: 31 January; the copy gives 'South Front 31 January 2020' and 'Global Research, February 03, 2020'. "
         "Middle East Eye: 'On Monday', 'Early on Tuesday', 'In the past 12 days', a photo caption 'after fleeing on 28 January'; latest: early Tuesday; no date in the copy."),
        ("Confirmed elsewhere?",
         "Turkey's warning: Sputnik and Middle East Eye (different authors). The ring round the town: Sputnik ('encircled … on Monday') and South Front on 21st Century Wire ('fully besieged'), different authors. "
         "Entering the town: South Front (twice: one author), Sputnik, Middle East Eye. The advance towards Saraqib: only South Front's 31 January report."),
        ("Find better coverage.", "For example: a news agency with named reporters quoting both sides; UN or aid agency updates on people leaving the town; satellite images or photos and videos checked and dated by others; residents' dated accounts."),
        ("My checklist.", "Answers vary; see the model answer of ex_05_06."),
    ],
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
        out.append(f"**Rubric** (the notebook's automatic check only looks for key words, in sentences of the learner's own, one piece of evidence per point; a rewritten headline is read for what it dropped and kept; at least {ex.min_words} words, "
                   f"{ex.min_criteria} point(s) seen; you judge the rest):")
        out.append("")
        out.append("| point | 0 | 1 | 2 |")
        out.append("|---|---|---|---|")
        for c in ex.rubric:
            levels = c.levels or ("missing", "mentioned", "explained with an example from the reports")
            out.append(f"| {c.criterion} | " + " | ".join(levels) + " |")
        out += sample_lines(ex)
    return out


LEVEL_NAMES = {0: "level 0 (not yet)", 1: "level 1 (partly)", 2: "level 2 (secure)"}


def sample_lines(ex):
    """A sample answer at each level, with what the notebook's automatic check says of it."""
    from mediakit.lessons.exercises import check

    if not ex.samples:
        return []
    out = ["", "**Sample answers at each level** (and what the notebook's automatic check says):", ""]
    for smp in sorted(ex.samples, key=lambda x: x.level):
        verdict = "counts as done" if check(ex, smp.text).correct else "asks for more"
        text = smp.text.replace("\n", " / ")
        out.append(f"- *{LEVEL_NAMES[smp.level]}:* “{text}” (automatic check: {verdict})")
    return out


def main():
    lessons = load_lessons()
    L = []
    L.append("""# Teacher guide

*mediakit: eight lessons on reading the news closely, built on one event told five ways (the capture of
Maarat al-Numan, Syria, January 2020) and usable on any case you build.*

This guide gives, per lesson: objectives, a timing plan for a 45-minute period (lesson 05: two periods)
with discussion time in it, what to add in a 60-minute period, a two-minute retrieval starter with answers,
discussion prompts, the answer key with explanations (each exercise marked **core** or **optional**), a rubric
for the free-text answers, and the answers to the handout's questions. The end of the guide says how to run
the lessons on a classroom JupyterHub or in Voilà (for a class that should not see code), and how to add
exercises. A printable one-page handout per lesson is in [handouts/](handouts/); the words learners may not
know are in the [glossary](glossary.md).

**Who it is for.** Learners of about 14 and over (upper secondary school) and adults; no knowledge of Syria is
needed. **Content note:** the reports tell of a war: people killed and wounded, bombing, families forced from
their homes. No photos or video are shown. Say so before lesson 00, and let a learner who finds it hard step
out of a discussion or work on another case (lesson 06 shows how to make one).

**How the five reports were chosen.** As a teaching set, not as a fair sample of the coverage: five
English-language reports of the same capture which, between them, show republished copies, a quote passed on
without credit, figures from one side, and opposing words for the same events. International news agencies,
Syrian, Turkish, Russian or Arabic-language media and the armed groups' own statements are not among them; say
so when learners generalise from the five.

**What the kit does not analyse.** Text only: not the videos two pages announce, not photos (captions are read
as ordinary text; the kit does not check who took a photo or when), not the asterisks Sputnik puts after some
group names (the copy gives no footnote for them), not links, layout or readers' comments.

**Core and optional.** Core exercises carry a lesson's objectives; optional ones deepen them and can be left out
of a short period or set as homework. Every plan below already holds discussion time.

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
        L.append(f"| {lid} · {lessons[lid].title} | {'; '.join(info['objectives'][:2])} | {45 * PERIODS[lid]} |")
    L.append("")
    for lid, info in LESSONS.items():
        les = lessons[lid]
        L.append(f"## Lesson {lid} · {les.title}\n")
        L.append(f"Notebook: `notebooks/{info['nb']}` · handout: [handouts/{info['nb'].replace('.ipynb', '.md')}](handouts/{info['nb'].replace('.ipynb', '.md')})\n")
        L.append("**Objectives.** Learners can:\n")
        L += [f"- {o}" for o in info["objectives"]]
        periods = PERIODS[lid]
        L.append(f"\n**Timing ({45 * periods} minutes{': two periods of 45' if periods > 1 else ''}).**\n\n"
                 "| part | minutes |\n|---|---|")
        L += [f"| {a} | {b} |" for a, b in info["timing"]]
        L.append(f"\n**In a 60-minute period.** {SIXTY[lid]}")
        if lid in STARTERS:
            prev = f"{int(lid) - 1:02d}"
            L.append(f"\n**Two-minute starter** (on lesson {prev}; the questions open the notebook):\n")
            L += [f"{i}. {q} *Answer:* {a}" for i, (q, a) in enumerate(STARTERS[lid], 1)]
        L.append("\n**Discussion prompts.**\n")
        L += [f"{i}. {p}" for i, p in enumerate(info["prompts"], 1)]
        L.append(f"\n**Notes.** {info['notes']}\n")
        L.append("**Answer key.**\n")
        for ex in les.exercises:
            core = "optional" if ex.id in OPTIONAL else "core"
            L.append(f"- **{ex.id}** · {ex.title} · *{TYPE_NAMES[ex.type]}* · **{core}**")
            L.append("  - *Prompt:* " + " ".join(ex.prompt.split()).replace("**", ""))
            for line in key_lines(ex):
                if line.startswith("|") or line.startswith("- *level"):
                    L.append(f"    {line}")
                elif line:
                    L.append(f"  - {line}")
                else:
                    L.append("")
            if ex.teacher_note:
                L.append(f"  - *Teacher note:* {ex.teacher_note}")
            L.append("")
        if lid in HANDOUT_KEYS:
            L.append(f"**Handout answers** ([handouts/{info['nb'].replace('.ipynb', '.md')}]"
                     f"(handouts/{info['nb'].replace('.ipynb', '.md')})).\n")
            L += [f"- *{q}* {a}" for q, a in HANDOUT_KEYS[lid]]
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
3. Each learner's answers are saved in `notebooks/.mediakit-progress.json` in their own home folder (learners
   are told only "in this folder"). To
   collect them, copy these files; they are plain JSON (exercise id → answer, status, tries, time). To keep
   them elsewhere, set `MEDIAKIT_PROGRESS=/path/to/file.json` in the hub's environment.
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

**Answers in Voilà are private and temporary.** Every visitor of a Voilà page shares the served folder, so
the kit does not save answers there: it keeps each visitor's answers for their own page only (in a file
named by a random session id in the server's temporary folder), and the box under the first cell says
"Your answers are kept while this page is open". Closing or reloading the page starts afresh, and lesson 05
then asks the first-impressions poll again. For progress that lasts, use JupyterLab (each learner's own
folder) or set `MEDIAKIT_PROGRESS` per learner.

If the lessons do not notice that they run in Voilà (the box under the first cell does not say "Your answers
are kept while this page is open"), ask whoever runs the server to set `MEDIAKIT_VOILA=1` in its environment.
Lesson 06 is meant for teachers in JupyterLab.

### Printing

The handouts in `docs/handouts/` are one page each in Markdown; open them in any Markdown viewer, or convert
them (e.g. `pandoc handouts/02_attribution.md -o 02.pdf`).

## Adding an exercise

Exercises live in `exercises/NN_name.toml`, one file per lesson, one `[[exercise]]` table per exercise, and
a notebook shows one with `lesson.exercise("ex_NN_MM")`. Fields: `id`, `type` (`choice`, `multi`, `number`,
`text`, `poll`, `select_words`), `title`, `prompt`, `hints` (the first wrong try shows the first hint, and so
on), `explanation` (shown once right); `[[exercise.option]]` tables with `text`, `correct`, `feedback` for
choice and multi; `answer` and `tolerance` for number; `rubric` tables (`criterion`, `keywords`),
`model_answer`, `min_words` for text (each rubric table may give `levels = ["…", "…", "…"]`, what an answer at 0, 1
and 2 looks like on that point, and `[[exercise.sample]]` tables with `level` and `text` give the sample answers
this guide shows); `report`, `passage` and `answer` (the words to mark, as they appear in
the passage) for select_words, or `text` for a passage that belongs to no case. Add `machine = "quotes"`
(or `attributions`, `figures`, `loaded_terms`, `boilerplate`, `quote_speakers`, `shared_passages`) and
`mode = "both"` (or `missed`, `wrong`) to make it a correct-the-machine exercise; `accept` lists words that
count neither way. `python3 kit.py test` checks that every key passes and wrong answers fail.
"""

main()
print("ok")
