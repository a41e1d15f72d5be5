// The browser calculator's page. Builds both forms from the library's input table,
// sends the typed inputs to the library (WebAssembly) and shows what it answers.
// No formula here: every number on the page is the library's.
"use strict";

(function () {
  // The inputs of the quick form, by name, in order; those not in the library's table are skipped.
  const PLAIN = ["size", "params", "tokens", "duration", "duration_h", "hardware", "count", "energy", "region"];
  // The scenario shown on first load, when the address has no inputs.
  const DEFAULT = { params: "7B", tokens: "2T", hardware: "h100", count: "512", region: "aws:us-east-1" };

  let api = null, tables = null;
  const byName = new Map();     // input name -> row of the input table
  const state = new Map();      // input name -> text as typed
  let preset = "";
  let scenarioFile = null;      // {name, text}: a scenario JSON file, as the CLI's --scenario FILE
  const $ = (sel, root = document) => root.querySelector(sel);
  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") e.textContent = v;
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) e.append(k);
    return e;
  };

  /// The input row a query-string key names: its name, its flag without "--", or an alias.
  function inputFor(key) {
    const k = key.replace(/^--/, "").replace(/-/g, "_");
    if (byName.has(k)) return byName.get(k);
    for (const i of tables.inputs) {
      if (i.flag.replace(/^--(no-)?/, "").replace(/-/g, "_") === k) return i;
      if (i.aliases.includes(k)) return i;
    }
    return null;
  }

  /// One field for input `i` in form `form` ("plain" or "expert").
  function field(i, form) {
    const id = form + "-" + i.name;
    const wrap = el("div", { class: "field" + (i.kind === "flag" ? " flag" : ""), "data-field": i.name });
    // The quick form says what each input is (its help); the expert form names the CLI flag.
    const label = el("label", { for: id, text: form === "plain" ? i.help
                                          : i.flag + (i.unit ? " (" + i.unit + ")" : "") + (i.rangeable ? " ±" : "") });
    let input;
    if (i.kind === "flag") {
      // --recompute sets true; --no-embodied sets "embodied" false.
      const on = i.flag.startsWith("--no-") ? "false" : "true";
      input = el("input", { type: "checkbox", id, name: i.name, "data-on": on, "data-input": i.name });
      label.textContent = i.flag;
      wrap.append(input, label);
    } else if (i.choices.length && i.kind !== "text") {
      input = el("select", { id, name: i.name, "data-input": i.name }, el("option", { value: "", text: "(default)" }));
      for (const [v, n] of i.choices) input.append(el("option", { value: v, text: n === v ? v : v + " — " + n }));
      wrap.append(label, input);
    } else {
      input = el("input", { id, name: i.name, "data-input": i.name, placeholder: "", spellcheck: "false" });
      if (i.choices.length) {
        const list = form + "-list-" + i.name;
        input.setAttribute("list", list);
        const dl = el("datalist", { id: list });
        for (const [v, n] of i.choices) dl.append(el("option", { value: v, text: n }));
        wrap.append(dl);
      }
      wrap.append(label, input);
    }
    if (form !== "plain") wrap.append(el("span", { class: "help", text: i.help }));
    wrap.append(el("span", { class: "error", role: "alert", "data-error-for": i.name }));
    input.addEventListener(i.kind === "flag" ? "change" : "input", () => {
      const v = i.kind === "flag" ? (input.checked ? input.dataset.on : "") : input.value;
      if (v.trim() === "") state.delete(i.name); else state.set(i.name, v);
      syncFields(i.name, input);
      schedule();
    });
    return wrap;
  }

  /// Every field of input `name` shows its state (both forms hold the same inputs).
  function syncFields(name, except) {
    for (const f of document.querySelectorAll('[data-input="' + name + '"]')) {
      if (f === except) continue;
      if (f.type === "checkbox") f.checked = state.get(name) === f.dataset.on;
      else f.value = state.get(name) || "";
    }
  }

  function buildForms() {
    const plain = $("#plain-fields");
    for (const n of PLAIN) if (byName.has(n)) plain.append(field(byName.get(n), "plain"));
    const expert = $("#expert-fields");
    const presetField = el("div", { class: "field", "data-field": "preset" },
      el("label", { for: "preset", text: "preset (a published run; the inputs below override it)" }));
    const sel = el("select", { id: "preset", name: "preset" }, el("option", { value: "", text: "(none)" }));
    for (const [v, n] of tables.presets) sel.append(el("option", { value: v, text: v + " — " + n }));
    sel.addEventListener("change", () => { preset = sel.value; schedule(); });
    presetField.append(sel, el("span", { class: "error", role: "alert", "data-error-for": "preset" }));
    expert.append(presetField);
    // A scenario JSON file (the CLI's --scenario FILE): over the preset, under the fields.
    const fileField = el("div", { class: "field", "data-field": "scenario" },
      el("label", { for: "scenario", text: "--scenario (a scenario JSON file; the inputs below override it)" }));
    const file = el("input", { type: "file", id: "scenario", name: "scenario", accept: ".json,application/json" });
    const clear = el("button", { type: "button", id: "scenario-clear", text: "remove" });
    file.addEventListener("change", () => {
      const f = file.files[0];
      if (!f) { scenarioFile = null; schedule(); return; }
      f.text().then((text) => { scenarioFile = { name: f.name, text }; run(); });
    });
    clear.addEventListener("click", () => { file.value = ""; scenarioFile = null; run(); });
    fileField.append(file, clear, el("span", { class: "help", text: "read here, in the browser; never sent anywhere" }),
                     el("span", { class: "error", role: "alert", "data-error-for": "scenario" }));
    expert.append(fileField);
    const groups = new Map();
    for (const i of tables.inputs) {
      if (!groups.has(i.group)) {
        const d = el("details", { class: "group", open: true }, el("summary", { text: i.group }));
        const box = el("div", { class: "fields" });
        d.append(box);
        expert.append(d);
        groups.set(i.group, box);
      }
      groups.get(i.group).append(field(i, "expert"));
    }
    for (const id of ["samples", "seed"]) $("#" + id).addEventListener("input", schedule);
    $("#uncertainty").addEventListener("change", schedule);
    for (const [tab, form] of [["#tab-plain", "#form-plain"], ["#tab-expert", "#form-expert"]])
      $(tab).addEventListener("click", () => {
        for (const t of document.querySelectorAll(".tabs button")) t.setAttribute("aria-selected", "false");
        for (const f of document.querySelectorAll("form[role=tabpanel]")) f.hidden = true;
        $(tab).setAttribute("aria-selected", "true");
        $(form).hidden = false;
      });
  }

  /// Inputs from the address's query string (names, flags without "--" or aliases), else the default scenario.
  function readAddress() {
    const q = new URLSearchParams(location.search);
    let any = false;
    for (const [k, v] of q) {
      if (k === "preset") { preset = v; $("#preset").value = v; any = true; continue; }
      if (k === "scenario") { scenarioFile = { name: "<address>", text: v }; any = true; continue; }
      if (k === "uncertainty") { $("#uncertainty").checked = !/^(0|false|no|off)$/i.test(v); continue; }
      if (k === "samples" || k === "seed") { $("#" + k).value = v; continue; }
      const i = inputFor(k);
      // An unknown key goes to the library as typed, which names it and suggests the closest input.
      state.set(i ? i.name : k, v);
      any = true;
    }
    if (!any) for (const [k, v] of Object.entries(DEFAULT)) state.set(k, v);
    for (const i of tables.inputs) syncFields(i.name);
  }

  /// The address of this estimate: the inputs in the query string.
  function shareUrl() {
    const q = new URLSearchParams();
    if (preset) q.set("preset", preset);
    if (scenarioFile) q.set("scenario", scenarioFile.text);  // the file's text travels in the link
    for (const [k, v] of state) q.set(k, v);
    if (!$("#uncertainty").checked) q.set("uncertainty", "false");
    for (const id of ["samples", "seed"]) if ($("#" + id).value.trim()) q.set(id, $("#" + id).value.trim());
    return location.pathname + "?" + q.toString();
  }

  let timer = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  }

  function clearErrors() {
    for (const e of document.querySelectorAll("[data-error-for]")) e.textContent = "";
    for (const f of document.querySelectorAll(".field.bad")) f.classList.remove("bad");
  }

  let runs = 0;
  function run() {
    clearTimeout(timer);
    document.body.dataset.runs = String(++runs);
    const request = { inputs: Object.fromEntries(state), uncertainty: $("#uncertainty").checked };
    if (preset) request.preset = preset;
    if (scenarioFile) request.scenario = scenarioFile;
    for (const id of ["samples", "seed"]) if ($("#" + id).value.trim()) request[id] = $("#" + id).value;
    const url = shareUrl();
    try {
      history.replaceState(null, "", url);  // the address bar holds the inputs
    } catch (e) {
      // Some browsers refuse to change a file:// address; the link below still has it.
    }
    $("#share").href = url;
    $("#status").textContent = "Computing…";
    document.body.dataset.state = "busy";
    const answer = JSON.parse(api.estimate(JSON.stringify(request)));
    clearErrors();
    if (!answer.ok) showProblem(answer); else show(answer);
  }

  function showProblem(a) {
    $("#answer").hidden = true;
    const p = $("#problem");
    p.hidden = false;
    p.textContent = "No estimate: " + a.message;
    let placed = false;
    for (const e of document.querySelectorAll('[data-error-for="' + a.field + '"]')) {
      e.textContent = a.message;
      e.closest(".field").classList.add("bad");
      placed = true;
    }
    $("#status").textContent = placed ? "Please correct the field marked in red." : "Please correct the inputs.";
    document.body.dataset.state = "error";
  }

  function cell(text, cls) { return el("td", { class: cls, text }); }

  function show(a) {
    const e = a.estimate;
    $("#problem").hidden = true;
    $("#answer").hidden = false;
    const r = e.resolved;
    $("#basis").textContent = [r.hardware && "hardware " + r.hardware, r.precision, "boundary: " + r.boundary,
      r.region ? "region " + r.region + (r.grid_region && r.grid_region !== r.region ? " (grid " + r.grid_region + ")" : "")
               : null, r.intensity_basis].filter(Boolean).join(" · ");
    const rows = $("#outputs tbody");
    rows.replaceChildren();
    const info = new Map(tables.outputs.map((o) => [o.name, o]));
    for (const o of a.outputs) {
      const t = info.get(o.name);
      const known = o.value !== null;
      const tr = el("tr", { "data-output": o.name, "data-path": o.path });
      tr.append(el("th", { scope: "row", text: t.group.replace(/_.*$/, "") + ": " + t.label }),
                cell(known ? o.text : "unknown", "num value"),
                cell(o.p5 !== undefined ? o.p5_text + " – " + o.p95_text : "", "num range"),
                cell(known ? String(o.value) + " " + t.unit : "", "num exact"));
      if (known) tr.dataset.value = String(o.value);
      if (o.p5 !== undefined) { tr.dataset.p5 = String(o.p5); tr.dataset.p50 = String(o.p50); tr.dataset.p95 = String(o.p95); }
      rows.append(tr);
    }
    $("#chart").innerHTML = a.chart;
    $("#equivalents").replaceChildren(...a.equivalents.map((q) =>
      el("li", { "data-equivalent": q.id, "data-amount": String(q.amount), text: "About " + q.text + (q.source ? " (" + q.source + ")" : "") })));
    $("#notes").replaceChildren(...e.notes.map((n) => el("li", { text: n })));
    const sens = $("#sensitivity tbody");
    sens.replaceChildren();
    const u = e.uncertainty;
    $("#sensitivity-box").hidden = !u;
    const g3 = (v) => (v === null || v === undefined ? "unknown" : Number(v).toPrecision(3));
    if (u) {
      $("#sensitivity-metric").textContent = u.sensitivity_metric;
      for (const s of u.sensitivity) {
        const tr = el("tr", { "data-sensitivity": s.input, "data-swing": String(s.swing) });
        tr.append(el("th", { scope: "row", text: s.input }), cell(g3(s.input_p5) + " – " + g3(s.input_p95), "num"),
                  cell(g3(s.emissions_kg_co2e_at_p5) + " – " + g3(s.emissions_kg_co2e_at_p95), "num"),
                  cell(g3(s.swing), "num"));
        sens.append(tr);
      }
    }
    const trace = $("#trace tbody");
    trace.replaceChildren(...e.trace.map((t) => el("tr", { "data-trace": t.name },
      el("th", { scope: "row", text: t.name }), cell(String(t.value), "num"), cell(t.unit), cell(t.origin),
      cell([t.source, t.note].filter(Boolean).join(" — ")))));
    $("#sources").replaceChildren(...a.sources.map((s) => el("li", { text: s })));
    $("#status").textContent = u ? "Estimate with 90% ranges (" + u.samples + " Monte Carlo samples, seed " + u.seed + ")."
                                 : "Estimate (point values; tick Monte Carlo for ranges).";
    document.body.dataset.state = "done";
  }

  createTrainprint().then((m) => {
    api = m;
    tables = JSON.parse(api.tables());
    for (const i of tables.inputs) byName.set(i.name, i);
    $("#version").textContent = "trainprint " + tables.version + " (WebAssembly)";
    buildForms();
    readAddress();
    run();
  }).catch((err) => {
    $("#status").textContent = "The calculator could not start: " + err;
    document.body.dataset.state = "error";
  });
})();
