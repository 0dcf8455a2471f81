"""A static page of a case: one self-contained HTML file (no network, inline CSS, JS and SVG).

``mediakit export CASE --html page.html`` writes it. The page holds the side-by-side reader
with its layer toggles and explanations, the sources, figures and wording tables, and the charts
as inline SVG. It is made of the views' own renderers (:mod:`mediakit.views.render`), the
reader's own explanations (:func:`mediakit.views.widgets.reader`) and the reader's own script
(``static/reader.js``, driven by a small stand-in for the widget model), so it shows what a
lesson shows. Every piece of report text is escaped in Python, as in the notebook; the script
only ever inserts that HTML. A Content-Security-Policy forbids every request.
"""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import TYPE_CHECKING

from .common import LAYER_NAMES, LAYERS, NOT_A_VERDICT, css, esc, review_summary, row_labels

if TYPE_CHECKING:
    from ..analysis import CaseAnalysis

# nothing may be fetched: no scripts, styles, images, fonts or connections from anywhere
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# a layer switched off keeps its words and loses its marks (the page has every layer in it)
_OFF_CSS = """
.mk-page { max-width: 1400px; margin: 0 auto; padding: 0 1em 3em; font-family: system-ui, sans-serif; }
.mk-page h1, .mk-page h2 { font-family: system-ui, sans-serif; }
.mk-page nav a { margin-right: 1em; }
.mk-toggles { position: sticky; top: 0; z-index: 2; background: #fff; padding: 0.4em 0; display: flex; flex-wrap: wrap; gap: 0.4em 1em; border-bottom: 1px solid #999; }
.mk-toggles label { white-space: nowrap; cursor: pointer; }
.mk-chart svg { max-width: 100%; height: auto; }
.mk-off-quotes .mk-quote { background: none; border-left: 0; padding-left: 0; }
.mk-off-quotes .mk-note-quote { display: none; }
.mk-off-sources .mk-src { text-decoration: none; }
.mk-off-figures .mk-fig { outline: none; font-weight: inherit; }
.mk-off-terms .mk-term { background: none; border-bottom: 0; }
.mk-off-boilerplate .mk-boiler { color: inherit; font-style: inherit; background: none; }
.mk-off-boilerplate .mk-note-boiler { display: none; }
"""
_LAYER_OF_TAG = {"quotes": "q", "sources": "s", "figures": "f", "terms": "t", "boilerplate": "b"}
_TAG_CSS = "".join(
    f'.mk-off-{layer} .mk-tag[data-for^="{k}"] {{ display: none; }}'
    f'.mk-off-{layer} [data-mk^="{k}"] {{ cursor: default; }}'
    for layer, k in _LAYER_OF_TAG.items()
)


def _reader_js() -> str:
    """The reader's own script, as a plain function ``render`` (its module export removed)."""
    js = (resources.files("mediakit.views") / "static" / "reader.js").read_text("utf-8")
    return js.replace("export default { render };", "")


# a stand-in for the widget model: the page's HTML is fixed; choosing a mark shows its
# explanation (made in Python) and jumps to the same words in another report, as in a lesson
_PAGE_JS = """
(function () {
  const data = JSON.parse(document.getElementById("mk-data").textContent);
  const state = { value: data.reader, selected: "", scroll_to: "" };
  const handlers = {};
  const detail = document.getElementById("mk-detail");
  const root = document.getElementById("mk-reader-root");
  const LAYER_OF = { q: "quotes", s: "sources", f: "figures", t: "terms", b: "boilerplate" };
  const model = {
    get: (k) => state[k],
    set: (k, v) => { state[k] = v; },
    on: (ev, f) => { (handlers[ev] = handlers[ev] || []).push(f); },
    off: () => {},
    save_changes: () => {
      const id = state.selected;
      const found = data.explain[id];
      const layer = LAYER_OF[(id.split("|").pop() || "")[0]];
      if (!found || root.classList.contains("mk-off-" + layer)) return;
      detail.innerHTML = found.detail;
      document.querySelectorAll("#mk-reader .mk-selected").forEach((n) => n.classList.remove("mk-selected"));
      document.querySelectorAll('#mk-reader [data-mark]').forEach((n) => {
        if (n.getAttribute("data-mark") === id) n.classList.add("mk-selected");
      });
      state.scroll_to = found.jump || id;
      (handlers["change:scroll_to"] || []).forEach((f) => f());
    },
  };
  const el = document.getElementById("mk-reader");
  render({ model, el });
  document.querySelectorAll(".mk-toggles input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => {
      root.classList.toggle("mk-off-" + box.dataset.layer, !box.checked);
    });
  });
})();
"""


def _svg(draw, analysis: CaseAnalysis) -> str:  # noqa: ANN001
    """One chart as inline SVG; its words stay text (smaller, sharper, and a reader can copy or
    search them)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "mediakit"}):
        ax = draw(analysis)
        buf = io.StringIO()
        ax.figure.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close(ax.figure)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]


def _json_script(value: object) -> str:
    """Data for the page's script; '<' is escaped so no text can close the script element."""
    text = (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f'<script type="application/json" id="mk-data">{text}</script>'


def _jump(target: str, state: dict, marks: dict) -> str:  # noqa: ANN001
    """The reader jumps to a highlighted passage ("mee|x0"); the page has no highlights, so it
    jumps to the first mark of that report inside the passage (or to nothing)."""
    rid, _, key = target.rpartition("|")
    if not key.startswith("x") or rid not in marks:
        return ""
    try:
        s, e, _label = state["shared"][rid][int(key[1:])]
    except (KeyError, IndexError, ValueError):
        return ""
    for a in marks[rid]:
        if a.start < e and s < a.end and a.layer != "shared":
            return f"{rid}|{a.key}"
    return ""


def export_html(analysis: CaseAnalysis, *, charts: bool = True) -> str:
    """The whole page of a case as one HTML string (see the module's docstring)."""
    from . import plots, render
    from .widgets import MAX_COLUMNS, PROMPT, reader

    case = analysis.case
    ids = [r.id for r in case.reports][:MAX_COLUMNS]
    names = row_labels(case)
    view = reader(analysis, reports=ids)
    explain = view.state["explain"]
    detail = view.controls["detail"]
    text = view.controls["text"]
    found: dict[str, dict[str, str]] = {}
    marks = {
        rid: render.mark_annotations(case.report(rid), analysis.records.get(rid)) for rid in ids
    }
    for _, value in view.controls["annotation"].options:
        if not value or "|" not in value:
            continue
        explain(value)
        found[value] = {"detail": detail.value, "jump": _jump(text.scroll_to, view.state, marks)}
    explain("")
    columns = render.render_side_by_side(analysis, ids, style=False, legend=True)
    # the tags after a mark say which mark they belong to, so a layer's tags hide with it
    toggles = "".join(
        f'<label><input type="checkbox" data-layer="{esc(layer)}" checked> {esc(LAYER_NAMES[layer])}</label>'
        for layer in LAYERS
    )
    sections = [
        ("sources", "Who is cited", render.source_table_html(analysis)),
        ("figures", "Figures", render.figures_table_html(analysis)),
        (
            "wording",
            "Wording",
            render.labels_table_html(analysis) + render.terms_table_html(analysis),
        ),
    ]
    chart_html = ""
    if charts:
        svgs = [
            _svg(plots.plot_source_mix, analysis),
            _svg(lambda a: plots.plot_source_mix(a, per_100_words=True), analysis),
            _svg(plots.plot_figures, analysis),
            _svg(plots.plot_loaded_terms, analysis),
        ]
        chart_html = "".join(f'<figure class="mk-chart">{s}</figure>' for s in svgs)
    more = "".join(
        f'<section id="{sid}"><h2>{esc(title)}</h2>{body}'
        f'<p class="mk-muted">{esc(NOT_A_VERDICT)}</p></section>'
        for sid, title, body in sections
    )
    if chart_html:
        more += f'<section id="charts"><h2>Charts</h2>{chart_html}</section>'
    shown = ", ".join(names[i] for i in ids)
    left = [names[r.id] for r in case.reports if r.id not in ids]
    note = (
        f"<p>The reader shows {esc(shown)}"
        + (f"; not shown side by side: {esc(', '.join(left))}" if left else "")
        + ".</p>"
    )
    reviewed = review_summary(analysis)
    if reviewed:  # what the teacher checked (review.toml), and which entries no longer fit
        note += f'<p class="mk-review-note">{esc(reviewed)}</p>' + "".join(
            f'<p class="mk-muted">{esc(line)}</p>'
            for line in (analysis.review.stale if analysis.review else ())
        )
    skipped = getattr(case, "skipped", ()) or ()
    if skipped:  # a file of the folder that could not be read: said, never silently left out
        note += (
            '<div class="mk-skipped"><p>Not in this page (could not be read):</p><ul>'
            + "".join(f"<li>{esc(f)}: {esc(why)}</li>" for f, why in skipped)
            + "</ul></div>"
        )
    summary = f"<p>{esc(case.summary)}</p>" if getattr(case, "summary", None) else ""
    nav = (
        '<nav><a href="#reader">Reader</a><a href="#sources">Sources</a>'
        '<a href="#figures">Figures</a><a href="#wording">Wording</a>'
        + ('<a href="#charts">Charts</a>' if chart_html else "")
        + "</nav>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(case.title)} \u2014 mediakit</title>"
        f"<style>{css()}{_OFF_CSS}{_TAG_CSS}</style></head><body>"
        f'<div class="mk-page"><h1>{esc(case.title)}</h1>{summary}{nav}'
        f'<section id="reader" class="mk-root"><h2>The reports side by side</h2>{note}'
        f'<div class="mk-toggles" role="group" aria-label="Layers"><b>Show:</b>{toggles}</div>'
        f'<div id="mk-reader-root" class="mk-root">'
        f'<div id="mk-detail" class="mk-detail-box" aria-live="polite">'
        f'<div class="mk-detail mk-muted">{esc(PROMPT)}</div></div>'
        f'<div id="mk-reader"></div></div></section>{more}'
        f'<p class="mk-muted">Made with mediakit from the case "{esc(case.id)}". {esc(NOT_A_VERDICT)}</p>'
        f"</div>{_json_script({'reader': columns, 'explain': found})}"
        f"<script>{_reader_js()}{_PAGE_JS}</script></body></html>\n"
    )


def export_page(analysis: CaseAnalysis, path: str) -> int:
    """Write :func:`export_html` to ``path``; returns its size in bytes."""
    from pathlib import Path

    from ..errors import MediakitError

    data = export_html(analysis).encode("utf-8")
    out = Path(path)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise MediakitError(
            f"Cannot write '{out}' ({exc.strerror}).", hint="Choose a folder you can write to."
        ) from None
    return len(data)


__all__ = ["CSP", "export_html", "export_page"]
