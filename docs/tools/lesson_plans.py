"""Timing plans, core/optional items and retrieval starters of the lessons: ONE source for the
notebooks' headers and the teacher guide.

Used by docs/tools/build_notebooks.py and docs/tools/build_teacher_guide.py; edit here, then run both.
Every plan has its discussion time in it; optional items are marked "(optional)" in the plan and
listed in OPTIONAL. Lesson 05 is planned over two periods (PLANS["05"] holds both; PERIODS says
where the second begins).
"""

PLANS: dict[str, list[tuple[str, int]]] = {
    "00": [
        ('Intro: the event, the map, what the course covers, content note (read aloud)', 5),
        ('Skim the five reports; first-impressions poll (ex_00_01–02)', 6),
        ('Who published what; who wrote it first (ex_00_03, 04; ex_00_06 optional)', 8),
        ('Reading laterally, in a new browser tab (ex_00_05)', 8),
        ('The machine makes mistakes (ex_00_07)', 6),
        ('Skills check, before the course (ex_00_08–11)', 6),
        ('Discussion (prompts in the guide)', 4),
        ('Recap', 2),
    ],
    "01": [
        ('Two-minute starter on lesson 00', 2),
        ('What a source is; reader on Sputnik and MEE (ex_01_01)', 7),
        ('Kinds of sources (ex_01_02, 03; ex_01_04 optional)', 9),
        ('Source explorer and chart (ex_01_05)', 8),
        ('Missing voices, free text (ex_01_06)', 6),
        ('Reading laterally about a cited source (ex_01_08)', 4),
        ('Correct the machine (ex_01_07); recap', 4),
        ('Discussion (prompts in the guide)', 5),
    ],
    "02": [
        ('Two-minute starter on lesson 01', 2),
        ('Direct and indirect speech (ex_02_01)', 6),
        ('Reporting verbs (ex_02_02; ex_02_05 optional)', 8),
        ("The quote tracer: the 'miracle' quote (ex_02_03, 04)", 12),
        ('Why the label matters, free text (ex_02_06)', 6),
        ('Correct the machine (ex_02_07); recap', 4),
        ('Discussion (prompts in the guide)', 7),
    ],
    "03": [
        ('Two-minute starter on lesson 02', 2),
        ('Finding figures (ex_03_02)', 6),
        ("Figures table: Sputnik's two 40s (ex_03_01)", 8),
        ("Whose numbers? The ministry's counts (ex_03_03, 05)", 9),
        ("Whose numbers? The monitoring group's figure (ex_03_08)", 4),
        ('A figure with its window (ex_03_04); vague amounts (ex_03_06 optional)', 6),
        ('Correct the machine (ex_03_07); recap', 4),
        ('Discussion (prompts in the guide)', 6),
    ],
    "04": [
        ('Two-minute starter on lesson 03', 2),
        ('One event, five verbs (ex_04_01, 02)', 8),
        ('Labels for each side: wording view and heat map (ex_04_03; ex_04_05 optional)', 9),
        ("Every outlet's words: Middle East Eye (ex_04_08)", 4),
        ('Hedges and scare quotes (ex_04_04)', 5),
        ('Neutral rewrite, free text (ex_04_06)', 7),
        ('Correct the machine (ex_04_07); recap', 4),
        ('Discussion (prompts in the guide)', 6),
    ],
    "05": [
        ('Period 1 · two-minute starter on lesson 04', 2),
        ('Period 1 · all layers; reuse and syndication (ex_05_04; ex_05_08 optional)', 10),
        ('Period 1 · headline versus body (ex_05_01)', 7),
        ('Period 1 · fact, claim or forecast (ex_05_02; ex_05_03 optional)', 9),
        ('Period 1 · wording that hardens, or events that moved on? (ex_05_05)', 8),
        ('Period 1 · discussion', 9),
        ('Period 2 · dating the reports from their own text (table, ex_05_09)', 10),
        ('Period 2 · confirmed elsewhere? (ex_05_10)', 7),
        ('Period 2 · find better coverage, free text (ex_05_11)', 8),
        ('Period 2 · your checklist, free text (ex_05_06)', 7),
        ('Period 2 · back to the first impression (ex_05_07); recap', 6),
        ('Period 2 · discussion', 7),
    ],
    "06": [
        ('What a case is', 5),
        ('Folder and case.toml (ex_06_01; ex_06_02–03 optional)', 13),
        ('Every view on the new case (ex_06_04)', 12),
        ('Check the machine; plan a lesson (ex_06_05–07)', 10),
        ('Discussion (prompts in the guide)', 5),
    ],
    "07": [
        ('A new, invented story; read the three reports', 7),
        ('Skills check, after the course (ex_07_01–04)', 6),
        ('Sources and quotes with the tools (ex_07_05)', 10),
        ('Figures; headline and wording (ex_07_06–08)', 12),
        ('Tell a friend, free text (ex_07_09); skills before and after; recap', 6),
        ('Discussion (prompts in the guide)', 4),
    ],
}

# how many class periods of 45 minutes each lesson takes
PERIODS: dict[str, int] = {lid: (2 if lid == "05" else 1) for lid in PLANS}

# exercises a short period can leave out; every other exercise is core
OPTIONAL: frozenset[str] = frozenset({
    "ex_00_06", "ex_01_04", "ex_02_05", "ex_03_06", "ex_04_05", "ex_05_03", "ex_05_08",
    "ex_06_02", "ex_06_03",
})

# what to add in a 60-minute period (15 more minutes)
SIXTY: dict[str, str] = {
    "00": "Give reading laterally 8 more minutes (two outlets, compared in pairs) and discussion 7 more.",
    "01": "Do ex_01_04; give the lateral reading about a cited source 6 more minutes, in pairs, and discussion 5 more.",
    "02": "Do ex_02_05; let pairs trace a second quote (Turkey's warning, in Sputnik and Middle East Eye) and report back.",
    "03": "Do ex_03_06; let pairs read laterally about one figure's source (the Observatory or the ministry's centre) and report back.",
    "04": "Do ex_04_05; compare the neutral rewrites in pairs and vote on the most neutral one, with reasons.",
    "05": "Taught in one 60-minute period: period 1 in full, then the dating table and ex_05_06 (checklist); leave ex_05_10 and ex_05_11 as homework. Two periods are better.",
    "06": "Let teachers start a case of their own and run the reader on it.",
    "07": "Let pairs compare their skills check before and after and explain one item they now read differently.",
}

# two-minute retrieval starters: questions on the previous lesson, with answers for the guide
STARTERS: dict[str, list[tuple[str, str]]] = {
    "01": [
        ("How many of the five copies say that South Front wrote all or part of their text? How can you tell?",
         "Three: 21st Century Wire ('South Front reports…', 'Continue this story at South Front') and both Global Research copies ('Articles by: South Front')."),
        ("An outlet calls itself 'independent'. What do you do with that claim?",
         "Treat it as a claim and read laterally: leave the site and see what other, independent sources say about the outlet."),
        ("Is every highlight the kit makes right?",
         "No: the kit makes measurable mistakes, more on news it was not tuned on; every highlight is a suggestion to check."),
    ],
    "02": [
        ("What is a source?", "Whoever a claim is pinned on: a person, a body, an outlet, even a vague 'some sources'."),
        ("Name one source in Sputnik's report and say what kind it is.",
         "'a Syrian military source' (an anonymous person on one side), 'the Russian Defence Ministry' (an official body), 'a Sputnik photojournalist' (an anonymous person, the outlet's own)."),
        ("Whose voices were missing from Sputnik's report, and from Middle East Eye's?",
         "Sputnik: no opposition or civilian voice. Middle East Eye: no Syrian government or Russian source about the town."),
    ],
    "03": [
        ("What is the difference between direct and indirect speech?",
         "Direct speech gives the speaker's words in quotation marks; indirect speech is the reporter's summary, in the reporter's words."),
        ("Which report says the man who 'needs a miracle' spoke to it, and what does it call him?",
         "Middle East Eye: 'one rebel fighter, speaking to Middle East Eye'. 21st Century Wire calls him 'one HTS militant' and does not credit MEE."),
        ("What does the verb 'claimed' add that 'said' does not?", "Doubt: it signals that the writer does not vouch for the claim."),
    ],
    "04": [
        ("Name the three questions to ask of every figure.", "What exactly is counted? Over what time? Who says so?"),
        ("Sputnik writes 40 twice. Do the two 40s confirm each other?",
         "No: one counts servicemen killed (per a Russian Defence Ministry centre), the other villages taken by 24 December (no source)."),
        ("What does South Front itself say about the Russian Defense Ministry's vehicle counts?",
         "That they 'have not been confirmed by visual evidence and seem to be overestimated'."),
    ],
    "05": [
        ("Give two verbs the reports use for the taking of the town, and say what each suggests.",
         "'Liberates' (a freeing), 'enter' (a movement), 'regained control over' (a return to a former holder), 'About to Fall' (a forecast), 'captured' (a military description)."),
        ("What is a scare quote? Give an example from the reports.",
         "Quotation marks that hold a word at arm's length without quoting anyone: Sputnik's ‘moderate’ militia forces."),
        ("What does a neutral headline do with a judgement such as 'liberates'?",
         "Leaves it out, or pins it on whoever makes it ('army says it liberated…')."),
    ],
    "07": [
        ('A new, invented story; read the three reports', 7),
        ('Skills check, after (ex_07_01–04)', 6),
        ('Sources and quotes with the tools (ex_07_05)', 10),
        ('Figures; headline and wording (ex_07_06–08)', 12),
        ('Tell a friend, free text (ex_07_09); skills before and after; recap', 10),
    ],
}
