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
    kindId: "Summary id in the server's references/", run: "Check", docx: "Download the Word file with comments",
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

  let upload = null;   // an opened .docx or .html: sent as the file's bytes, read by the server as check reads it
  function body() {
    const paper = $("paper").value.trim();
    const papers = paper ? [{ kind: $("paperKind").value, text: paper }] : [];
    return JSON.stringify(upload ? { file: upload, lang, papers } : { text: $("text").value, lang, papers });
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
