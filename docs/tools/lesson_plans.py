"""Timing plans of the lessons: ONE source for the notebooks' headers and the teacher guide.

Used by docs/tools/build_notebooks.py and docs/tools/build_teacher_guide.py; edit here, then run both.
"""

PLANS: dict[str, list[tuple[str, int]]] = {
    "00": [
        ('Intro: the event (read aloud)', 5),
        ('Skim the five reports; first-impressions poll (ex_00_01–02)', 7),
        ('Who published what; who wrote it first (ex_00_03, 04, 06)', 13),
        ('Reading laterally, in a new browser tab (ex_00_05)', 12),
        ('The machine makes mistakes (ex_00_07); recap', 8),
    ],
    "01": [
        ('What a source is; reader on Sputnik and MEE (ex_01_01)', 10),
        ('Kinds of sources (ex_01_02–04)', 10),
        ('Source explorer and chart (ex_01_05)', 12),
        ('Missing voices, free text (ex_01_06)', 8),
        ('Correct the machine (ex_01_07); recap', 5),
    ],
    "02": [
        ('Direct and indirect speech (ex_02_01)', 8),
        ('Reporting verbs (ex_02_02, 05)', 10),
        ("The quote tracer: the 'miracle' quote (ex_02_03, 04)", 15),
        ('Why the label matters, free text (ex_02_06)', 7),
        ('Correct the machine (ex_02_07); recap', 5),
    ],
    "03": [
        ('Finding figures (ex_03_02)', 8),
        ("Figures table: Sputnik's two 40s (ex_03_01)", 10),
        ("One side's numbers (ex_03_03, 05)", 12),
        ('A figure with its window; vague amounts (ex_03_04, 06)', 10),
        ('Correct the machine (ex_03_07); recap', 5),
    ],
    "04": [
        ('One event, five verbs (ex_04_01, 02)', 10),
        ('Labels for each side: wording view and heat map (ex_04_03, 05)', 12),
        ('Hedges and scare quotes (ex_04_04)', 8),
        ('Neutral rewrite, free text (ex_04_06)', 10),
        ('Correct the machine (ex_04_07); recap', 5),
    ],
    "05": [
        ('All layers; reuse and syndication (ex_05_04, 08)', 10),
        ('Headline versus body (ex_05_01)', 6),
        ('A claim that hardens (ex_05_02, 03, 05)', 12),
        ('Checklist, free text (ex_05_06)', 8),
        ('Back to the first impression (ex_05_07); recap', 9),
    ],
    "06": [
        ('What a case is', 5),
        ('Folder and case.toml (ex_06_01–03)', 15),
        ('Every view on the new case (ex_06_04)', 15),
        ('Check the machine; plan a lesson (ex_06_05–07)', 10),
    ],
    "07": [
        ('A new, invented story; read the three reports', 7),
        ('Skills check, after (ex_07_01–04)', 6),
        ('Sources and quotes with the tools (ex_07_05)', 10),
        ('Figures; headline and wording (ex_07_06–08)', 12),
        ('Tell a friend, free text (ex_07_09); skills before and after; recap', 10),
    ],
}
