// The paste page of `factcheck serve`: posts the draft to the API and shows the HTML report.
// No framework, no external resource; the report is shown in a sandboxed frame (no scripts).
"use strict";
(function () {
  const en = document.documentElement.lang === "en";
  const lang = en ? "en" : "zh";
  const T = {
    title: "factcheck: the numbers and claims of a science article, checked",
    switch: "中文", text: "Article (paste the whole text, references included)",
    file: "or open a file (.txt .md .html .docx):", paper: "The paper it rests on (optional)",
    kindAbstract: "Abstract (paste the paper's abstract)", kindYaml: "Structured summary (YAML)",
    kindId: "A summary in the server's references/", kindDoi: "DOI (or PMID, PMCID)",
    paperFile: "or open a file (.txt .md .yaml):",
    paperHint: "Paste an abstract, a YAML summary or a DOI (a pasted DOI is recognised; several papers' DOIs separated by spaces or new lines).", run: "Check", docx: "Download the Word file with comments",
    privacy: "What you submit is processed for this request only and never stored.",
  };
  const S = en
    ? { checking: "Checking…", empty: "Paste an article first.", done: (s) => `${s.mentions || 0} numbers, ${s.mismatch || 0} mismatches, ${s.overstatements || 0} overstatements.`, failed: "Failed: " }
    : { checking: "正在核对……", empty: "请先粘贴文章。", done: (s) => `数字 ${s.mentions || 0} 个，不符 ${s.mismatch || 0} 处，夸大表述 ${s.overstatements || 0} 处。`, failed: "出错：" };
  if (en) {
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = T[el.dataset.i18n]; });
    document.getElementById("switch").href = "?lang=zh";
    document.title = "factcheck";
  }
  const $ = (id) => document.getElementById(id);
  const status = (msg, bad) => { $("status").textContent = msg; $("status").className = bad ? "error" : ""; };

  // a DOI as check --paper takes it: bare, doi:…, or a doi.org link; PMID / PMCID when the kind says DOI
  const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;
  // one paper, or several DOIs (PMIDs, PMCIDs) separated by spaces, commas or new lines
  const tokens = (text) => text.replace(/\b(doi|pmid|pmcid):\s+/gi, "$1:").split(/[\s,;，；、]+/).filter(Boolean);
  const allDois = (text) => { const t = tokens(text); return t.length > 0 && t.length <= 10 && t.every((x) => DOI.test(x)); };
  function paperKind() {
    const kind = $("paperKind").value;
    if (kind === "id") return kind;
    return allDois($("paper").value.trim()) ? "doi" : kind;
  }
  // the summaries of the server's references folder, for kind "id": a list to choose from
  let listed = false;
  async function listPapers() {
    if (listed) return;
    listed = true;
    const sel = $("paperId");
    try {
      const r = await fetch("v1/papers");
      const papers = r.ok ? await r.json() : [];
      sel.replaceChildren(...papers.map((p) => {
        const o = document.createElement("option");
        o.value = p.id;
        const title = (!en && p.title_zh) || p.title || "";
        o.textContent = `${p.id}: ${title.length > 80 ? title.slice(0, 79) + "…" : title}` +
          (p.journal ? ` (${p.journal}${p.year ? ", " + p.year : ""})` : "");
        return o;
      }));
      if (!papers.length) {
        const o = document.createElement("option");
        o.value = ""; o.textContent = en ? "(the server has no references folder)" : "（服务器没有 references 文件夹）";
        sel.appendChild(o);
      }
    } catch (e) { listed = false; }
  }
  function showKind() {
    const byId = $("paperKind").value === "id";
    $("paperId").hidden = !byId;
    $("paper").hidden = byId;
    $("paperHint").hidden = byId;
    if (byId) listPapers();
  }
  $("paperKind").addEventListener("change", showKind);
  $("paper").addEventListener("input", () => {
    const text = $("paper").value.trim(), kind = $("paperKind").value;
    if (kind !== "id" && allDois(text)) $("paperKind").value = "doi";
    else if (kind === "doi" && tokens(text).length > 10) $("paperKind").value = "abstract";   // an abstract after all
  });
  $("paperFile").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    $("paper").value = await f.text();
    $("paperKind").value = /\.ya?ml$/i.test(f.name) ? "yaml" : "abstract";
    showKind();
  });
  showKind();

  let upload = null;   // an opened .docx or .html: sent as the file's bytes, read by the server as check reads it
  function body() {
    const kind = paperKind();
    let papers;
    if (kind === "id") papers = Array.from($("paperId").selectedOptions, (o) => o.value).filter(Boolean);
    else if (kind === "doi") papers = tokens($("paper").value);
    else papers = $("paper").value.trim() ? [$("paper").value.trim()] : [];
    papers = papers.map((text) => ({ kind, text }));
    // a pasted draft is named as the page names it (the report's heading), not by the API's "<request>"
    return JSON.stringify(upload ? { file: upload, lang, papers }
                                 : { text: $("text").value, lang, papers, title: en ? "Pasted article" : "粘贴的文章" });
  }
  const hasDraft = () => upload !== null || $("text").value.trim() !== "";
  async function post(path) {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: body() });
    if (!r.ok) {
      let msg = r.status + "";
      try { msg = (await r.json()).error || msg; } catch (e) { /* not JSON */ }
      throw new Error(msg);
    }
    return r;
  }
  $("file").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    upload = null;
    if (!f) return;
    if (/\.(docx|html?)$/i.test(f.name)) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      let bin = "";
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      upload = { name: f.name, base64: btoa(bin) };
      $("text").value = "";
      $("text").placeholder = f.name;
    } else {
      $("text").value = await f.text();
    }
  });
  $("text").addEventListener("input", () => { if ($("text").value) { upload = null; $("text").placeholder = ""; } });
  $("form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!hasDraft()) return status(S.empty, true);
    status(S.checking);
    try {
      const [html, json] = await Promise.all([post("v1/report").then((r) => r.text()),
                                              post("v1/check").then((r) => r.json())]);
      $("report").srcdoc = html;
      status(S.done(json.stats || {}));
    } catch (e) { status(S.failed + e.message, true); }
  });
  $("docx").addEventListener("click", async () => {
    if (!hasDraft()) return status(S.empty, true);
    status(S.checking);
    try {
      const blob = await (await post("v1/reviewed.docx")).blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "reviewed.docx";
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status("reviewed.docx");
    } catch (e) { status(S.failed + e.message, true); }
  });
})();
