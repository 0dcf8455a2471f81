// The learner box (mediakit.lessons.learner_widget.LearnerBox): a name or class code, typed once
// per browser and remembered in this browser's localStorage, so a reload or the next lesson
// (or the next day) goes on saving under the same name. The kernel checks every name; this
// side only shows text (textContent, never HTML). No imports, no network.

const KEY = "mediakit-learner";

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "mk-learner";
  box.style.cssText = "border-left:6px solid #009E73;padding:4px 10px;margin:4px 0;";
  const label = document.createElement("label");
  label.textContent = "Your name or class code: ";
  const input = document.createElement("input");
  input.type = "text";
  input.maxLength = 40;
  input.className = "mk-learner-name";
  input.setAttribute("aria-label", "Your name or class code");
  const save = document.createElement("button");
  save.textContent = "Keep my answers under this name";
  save.className = "mk-learner-save";
  const forget = document.createElement("button");
  forget.textContent = "Not you? Change";
  forget.className = "mk-learner-forget";
  const msg = document.createElement("div");
  msg.className = "mk-learner-message";
  msg.setAttribute("role", "status");
  label.appendChild(input);
  box.append(label, save, forget, msg);
  el.appendChild(box);

  const storage = () => {
    try { return window.localStorage; } catch (e) { return null; }
  };
  const ask = (name) => {
    model.set("request", name);
    model.save_changes();
  };
  function update() {
    const name = model.get("name");
    msg.textContent = model.get("message");
    forget.style.display = name ? "" : "none";
    if (name) {
      input.value = name;
      const s = storage();
      if (s && model.get("remember")) s.setItem(KEY, name);
    }
  }
  save.addEventListener("click", () => ask(input.value));
  input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") ask(input.value); });
  forget.addEventListener("click", () => {
    const s = storage();
    if (s) s.removeItem(KEY);
    input.value = "";
    ask("\u0000forget");
  });
  model.on("change:name", update);
  model.on("change:message", update);
  update();
  const s = storage();
  const stored = s ? s.getItem(KEY) : null;
  if (!model.get("name") && stored && model.get("remember")) ask(stored);
}

export default { render };
