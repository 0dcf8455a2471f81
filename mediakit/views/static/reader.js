// The reader's columns (mediakit.views.ReaderText). It only ever sets innerHTML to `value`,
// HTML made by mediakit.render in Python, where every piece of report text is escaped; it never
// builds HTML itself. A click (or Enter / Space) on a mark sends its data-mark id as `selected`;
// a new `scroll_to` (a data-mark or data-passage id) scrolls that element into view inside its
// report column and outlines it. No imports, no network.

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "mk-live";
  el.appendChild(root);
  let shown = null; // the HTML string on the page
  let target = null; // the scroll_to id last jumped to

  const find = (id) =>
    [...root.querySelectorAll("[data-mark], [data-passage]")].filter(
      (n) => n.getAttribute("data-mark") === id || n.getAttribute("data-passage") === id,
    );

  // scroll the element's own column (not the page) so that it is visible
  function reveal(node) {
    const col = node && node.closest(".mk-report");
    if (!col) return;
    const c = col.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    if (r.top < c.top || r.bottom > c.bottom) {
      col.scrollTop += r.top - c.top - Math.max(0, (c.height - r.height) / 3);
    }
  }

  function update() {
    const html = model.get("value") || "";
    const id = model.get("scroll_to") || "";
    const fresh = html !== shown;
    if (fresh) {
      const tops = {};
      root.querySelectorAll(".mk-report").forEach((c) => (tops[c.dataset.report] = c.scrollTop));
      const active = document.activeElement;
      const keep = active && root.contains(active) ? active.getAttribute("data-mark") : null;
      root.innerHTML = html;
      shown = html;
      root.querySelectorAll(".mk-report").forEach((c) => (c.scrollTop = tops[c.dataset.report] || 0));
      if (keep) {
        const again = find(keep).find((n) => n.hasAttribute("tabindex"));
        if (again) again.focus({ preventScroll: true });
      }
    }
    const jump = id !== target;
    target = id;
    const nodes = id ? find(id) : [];
    if (!fresh && !jump) return;
    root.querySelectorAll(".mk-target").forEach((n) => n.classList.remove("mk-target", "mk-flash"));
    nodes.forEach((n) => n.classList.add("mk-target"));
    if (jump) {
      nodes.forEach((n) => n.classList.add("mk-flash"));
      reveal(root.querySelector(".mk-selected"));
    }
    if (nodes.length) reveal(nodes[0]);
  }

  function pick(event) {
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    const mark = event.target.closest && event.target.closest("[data-mark]");
    if (!mark || !root.contains(mark)) return;
    event.preventDefault();
    event.stopPropagation(); // Enter is the learner's, not a notebook shortcut
    model.set("selected", mark.getAttribute("data-mark"));
    model.save_changes();
  }

  root.addEventListener("click", pick);
  root.addEventListener("keydown", pick);
  model.on("change:value", update);
  model.on("change:scroll_to", update);
  update();
  return () => {
    model.off("change:value", update);
    model.off("change:scroll_to", update);
  };
}

export default { render };
