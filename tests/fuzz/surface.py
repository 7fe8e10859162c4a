"""The rest of factcheck's surface for the fuzzer (issue 19): bytes, .html and .docx
containers, YAML summary folders, every renderer, and the command line.

Each target has a generator (``gen_<target>(rng)`` → a JSON-serialisable input, so that a
failure is saved as a reproducer like the text targets' ones) and a runner
(``run_<target>(input)``) that raises on a failure. What counts as a failure, per target:

* bytes / html / docx: any exception but an ``InputError`` with an FC3xx code; a report that
  does not hold its properties (``Targets.run_check``'s), or text that is not valid Unicode;
* yaml: ``references validate`` or ``Store.load`` raising; a check that raises with a broken
  summary in the folder (a summary problem is never the article's); a problem line that is not
  ``file:field: message``;
* render: JSON that is not the contract, HTML with a live element (script, handler, external
  URL), Markdown with a raw tag or a ``javascript:`` link, text with a raw control character,
  a CSV cell that a spreadsheet would run as a formula;
* cli: an exit code other than 0, 1, 2; a traceback, an ``internal error``, a raw ESC or bidi
  character on stderr; a JSON report on stdout that does not parse or validate.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import io
import json
import os
import random
import re
import shutil
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

HOSTILE = ["<script>alert(1)</script>", '" onerror="alert(2)', "javascript:alert(3)", "[x](javascript:alert(4))",
           "![i](http://evil.example/i.png)", "=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0",
           "-2+3", "@SUM(1)", "\t=1", "\r=1", "\x1b[31m", "\u202e", "\x07", "| a | b |", "<!-- x -->",
           "</style><svg onload=alert(5)>", "\ud800", "\x00", "${jndi:ldap://x}", "&#106;avascript:"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "big5"]
YAML_VALUES = ["", "''", '""', ".nan", ".inf", "-.inf", "null", "~", "[]", "{}", "[[]]", "true", '"true"', "yes",
               "1e400", "-1", "0", "99999999999999999999999", "[1, 2, 3]", "[.nan, 1]", "{a: 1}", "&a [*a]",
               "!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "'\u202e'", "[\"\"]", "[' ']",
               "2022-13-45", "\"twenty\"", "[\"2015-01\", \"x\"]", "{value: .nan}", "[{value: 1}]"]
FORMATS = ["text", "json", "jsonl", "markdown", "md", "html", "json,markdown", "xml", "", "text,html"]


def enc_bytes(b: bytes) -> dict:
    return {"b64": base64.b64encode(b).decode("ascii")}


def dec_bytes(d: dict) -> bytes:
    return base64.b64decode(d["b64"])


class _Parser(HTMLParser):
    """Elements and attributes of a page, as a browser would see them (roughly)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


_LIVE_TAGS = {"script", "iframe", "object", "embed", "img", "svg", "math", "link", "base", "form", "frame",
              "input", "button", "textarea", "video", "audio", "source"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "background", "poster", "srcset"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class Failure(Exception):
    pass


def assert_inert_html(page: str, allow_script: bool = False) -> None:
    p = _Parser()
    p.feed(page)
    scripts = 0
    for tag, attrs in p.elements:
        if tag == "script":
            scripts += 1
            if allow_script:
                continue
        if tag in _LIVE_TAGS:
            raise Failure(f"HTML has a live <{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                raise Failure(f"HTML has an event handler {name}= on <{tag}>")
            v = re.sub(r"\s+", "", value).lower()
            # only in-page anchors and relative links (the index's html/<id>.html): no scheme, no host
            if name in _URL_ATTRS and not v.startswith("#") and (
                    v.startswith("//") or ":" in v.split("/")[0] or "&#" in v or "\\" in v):
                raise Failure(f"HTML has an external or scripted URL {name}={value!r} on <{tag}>")
    if allow_script and scripts > 1:
        raise Failure("HTML has more than our one script")


def assert_safe_markdown(md: str) -> None:
    low = md.lower()
    if re.search(r"<\s*[a-z!/]", md):
        raise Failure("Markdown holds a raw tag")
    if "javascript:" in low or "vbscript:" in low or re.search(r"(?<!\\)\]\((?!#)", md):
        raise Failure("Markdown holds a live link")
    if _CONTROL.search(md):
        raise Failure("Markdown holds a raw control character")


def assert_safe_text(text: str) -> None:
    m = _CONTROL.search(text)
    if m:
        raise Failure(f"text output holds a raw control character {m.group(0)!r}")


class Surface:
    """Generators and runners for the wider surface; ``targets`` is run.py's Targets."""

    def __init__(self, targets):
        from factcheck.ingest.reader import read_article
        from factcheck.pipeline import check

        self.t = targets
        self.tmp = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
        self.refs = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "references").glob("*.yaml"))}
        self.arts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))}
        seed = next((ROOT / "corpus").glob("002_*.txt"))
        self.base_report = check(read_article(str(seed)), targets.store)
        self.n = 0

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _fresh(self, name: str) -> Path:
        self.n += 1
        d = self.tmp / f"{name}-{self.n % 4}"
        if d.exists():
            shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        return d

    # ---------------------------------------------------------------- bytes

    def _article_text(self, r: random.Random, gen) -> str:
        t = r.choice(list(self.arts.values()))
        if r.random() < 0.7:
            a = r.randrange(len(t))
            t = t[a:a + r.randrange(50, 1500)] + (t[t.rfind("\n参考"):] if "\n参考" in t else "")
        return gen.mutate(t, rounds=3) if r.random() < 0.5 else t

    def gen_bytes(self, r: random.Random, gen) -> dict:
        text = self._article_text(r, gen)
        enc = r.choice(ENCODINGS)
        data = text.encode(enc, errors="replace")
        for _ in range(r.randrange(0, 4)):
            op = r.randrange(7)
            a = r.randrange(len(data) + 1)
            if op == 0:
                data = data[:a]                                         # truncated download
            elif op == 1 and data:
                i = min(a, len(data) - 1)
                data = data[:i] + bytes([r.randrange(256)]) + data[i + 1:]
            elif op == 2:
                data = data[:a] + b"\x00" * r.randrange(1, 4) + data[a:]
            elif op == 3:
                data = r.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]) + data
            elif op == 4:
                data = data[:a] + r.choice([b"\r", b"\r\n", b"\x1b[2J", "\u202e".encode(), b"\xed\xa0\x80"]) + data[a:]
            elif op == 5:
                data = data[:a] + bytes(r.randrange(256) for _ in range(r.randrange(1, 16))) + data[a:]
            else:
                data = r.choice([b"", b" \n\t", b"PK\x03\x04" + data[:50], b"\x89PNG\r\n\x1a\n" + data[:40]]) \
                    if r.random() < 0.2 else data
        return {**enc_bytes(data), "suffix": r.choice([".txt", ".md", ".txt", ""]), "full": r.random() < 0.05}

    def run_bytes(self, inp: dict) -> None:
        self._read_and_check(dec_bytes(inp), inp.get("suffix", ".txt"), full=inp.get("full", False))

    def _read_and_check(self, data: bytes, suffix: str, full: bool) -> None:
        from factcheck.ingest.reader import InputError, read_article

        d = self._fresh("in")
        f = d / f"a{suffix}"
        f.write_bytes(data)
        try:
            art = read_article(str(f))
        except InputError as e:
            if not re.fullmatch(r"FC3\d\d", e.code) or not e.message or str(f) not in str(e):
                raise Failure(f"InputError without a code and the file: {e!r}") from None
            return
        art.text.encode("utf-8")            # never a lone surrogate in the text a check sees
        for n in art.notes:
            n.encode("utf-8")
        if full:
            self.t.run_check_article(art)

    # ---------------------------------------------------------------- html

    def gen_html(self, r: random.Random, gen) -> dict:
        text = self._article_text(r, gen)
        paras = []
        for ln in text.split("\n"):
            w = r.random()
            if w < 0.1:
                ln = r.choice(HOSTILE) + ln
            tag = r.choice(["p", "div", "section", "span", "li", "td", "h2", "script", "style", "noscript", "p"])
            paras.append(f"<{tag}>{ln}</{tag}>" if r.random() > 0.05 else f"<{tag}>{ln}")
        head = r.choice(["<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body>",
                         "<html><body>", "", "<!doctype html>" + "<div>" * r.randrange(0, 300)])
        page = head + "\n".join(paras) + r.choice(["</body></html>", "", "</div>" * 5])
        if r.random() < 0.3:
            page = gen.mutate(page, rounds=4)
        data = page.encode(r.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), errors="replace")
        return {**enc_bytes(data), "suffix": r.choice([".html", ".htm", ""]), "full": r.random() < 0.1}

    run_html = run_bytes

    # ---------------------------------------------------------------- docx

    def gen_docx(self, r: random.Random, gen) -> dict:
        import docx

        d = docx.Document()
        for ln in self._article_text(r, gen).split("\n")[: r.randrange(1, 40)]:
            d.add_paragraph("".join(ch for ch in ln if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                                                           and ord(ch) not in (0xFFFE, 0xFFFF))))
        buf = io.BytesIO()
        d.save(buf)
        data = buf.getvalue()
        k = r.random()
        if k < 0.3:                         # damaged zip bytes
            data = bytearray(data)
            for _ in range(r.randrange(1, 20)):
                data[r.randrange(len(data))] = r.randrange(256)
            data = bytes(data)
        elif k < 0.45:                      # truncated
            data = data[: r.randrange(len(data))]
        elif k < 0.6:                       # a member rewritten: huge, empty, not XML, lying sizes
            data = self._rewrite_member(data, r)
        return {**enc_bytes(data), "suffix": ".docx", "full": r.random() < 0.05}

    def _rewrite_member(self, data: bytes, r: random.Random) -> bytes:
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        victim = r.choice(src.namelist())
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in src.infolist():
                body = src.read(info.filename)
                if info.filename == victim:
                    body = r.choice([b"", b"<w:document", b"\x00" * 100, body * r.randrange(2, 5),
                                     b"<!--" + b" " * r.randrange(2**20, 3 * 2**20) + b"-->" + body,
                                     b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'])
                z.writestr(info, body)
        return out.getvalue()

    run_docx = run_bytes

    # ---------------------------------------------------------------- yaml summaries

    def gen_yaml(self, r: random.Random, gen) -> dict:
        files = dict(self.refs)
        name = r.choice(sorted(files))
        lines = files[name].split("\n")
        for _ in range(r.randrange(1, 4)):
            cand = [i for i, ln in enumerate(lines) if re.match(r"^\s*-?\s*[a-z_]+:", ln)]
            i = r.choice(cand)
            key = re.match(r"^(\s*-?\s*[a-z_]+:)", lines[i]).group(1)
            op = r.random()
            if op < 0.6:
                lines[i] = f"{key} {r.choice(YAML_VALUES)}"
            elif op < 0.75:
                del lines[i]
            elif op < 0.9:
                lines.insert(i, lines[i])                               # a duplicate key
            else:
                lines[i] = gen.mutate(lines[i], rounds=2)
        files[name] = "\n".join(lines)
        if r.random() < 0.1:
            files["dup.yaml"] = files[name]                             # a duplicate id / DOI
        if r.random() < 0.05:
            files["bomb.yaml"] = "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
                f"{c}: &{c} [{','.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh"))
        art = r.choice(list(self.arts.values()))
        return {"files": files, "article": art if r.random() < 0.3 else art[-3000:]}

    def run_yaml(self, inp: dict) -> None:
        from factcheck.ingest.reader import article_from_text
        from factcheck.pipeline import check
        from factcheck.papers.summaries import Store, validate_dir

        d = self._fresh("refs")
        for name, text in inp["files"].items():
            (d / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = validate_dir(d)
        for p in problems:
            if not isinstance(p, str) or not re.match(r"^.+\.ya?ml:[^\n]*: .", p) or str(d) not in p:
                raise Failure(f"validate gave a line that is not file:field: message: {p!r}")
        store = Store.load(d)
        rep = check(article_from_text(inp["article"], "fuzz.txt"), store)
        self.t.assert_report(rep)

    # ---------------------------------------------------------------- renderers

    def gen_render(self, r: random.Random, gen) -> dict:
        pick = (lambda: "".join(r.choice(HOSTILE) if r.random() < 0.5 else gen.piece()
                                for _ in range(r.randrange(1, 4))))
        fields = {"source": pick(), "title": pick(), "notes": [pick() for _ in range(r.randrange(0, 3))]}
        n_claims, n_overs = len(self.base_report.claims), len(self.base_report.overstatements)
        fields["claims"] = {str(r.randrange(n_claims)): {"message": pick(), "rule": pick()[:20]}
                            for _ in range(r.randrange(0, 4))} if n_claims else {}
        fields["overstatements"] = {str(r.randrange(n_overs)): {"message": pick(), "paper_wording": pick()}
                                    for _ in range(r.randrange(0, 3))} if n_overs else {}
        fields["references"] = {str(i): pick() for i in range(min(2, len(self.base_report.references)))}
        fields["lang"] = r.choice(["zh", "en"])
        return fields

    def run_render(self, inp: dict) -> None:
        from factcheck.render import report as rp
        from factcheck.batch import csv_safe, rows_of
        from factcheck.render.htmlreport import index_html, to_html

        rep = copy.deepcopy(self.base_report)
        rep.source, rep.title = inp["source"], inp["title"]
        rep.notes = list(rep.notes) + list(inp["notes"])
        for i, ch in inp["claims"].items():
            for k, v in ch.items():
                setattr(rep.claims[int(i)], k, v)
        for i, ch in inp["overstatements"].items():
            for k, v in ch.items():
                setattr(rep.overstatements[int(i)], k, v)
        for i, v in inp["references"].items():
            rep.references[int(i)].raw = v
        lang = inp["lang"]
        self.t.assert_json(json.loads(rp.to_json([rep], single=True)))
        for line in rp.to_jsonl([rep]).splitlines():
            self.t.assert_json(json.loads(line))
        assert_safe_markdown(rp.to_markdown(rep, lang))
        assert_safe_text(rp.to_text(rep, lang=lang, verbose=True).replace("\n", ""))
        assert_safe_text(rp.summary_table([rep], [(inp["source"], "x")], lang).replace("\n", ""))
        assert_inert_html(to_html(rep, lang))
        rows = rows_of(rep, "a", rep.source, 0.1)
        cells = [rows["article"]] + rows["claims"] + rows["overstatements"]
        assert_inert_html(index_html([{**rows["article"], "html": True}], [{"id": "e", "path": inp["source"],
                                                                           "code": "FC301", "message": inp["title"]}],
                                     lang=lang), allow_script=True)
        for row in cells:
            for v in row.values():
                c = csv_safe(v)
                if isinstance(c, str) and c.startswith(_FORMULA) and not re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", c):
                    raise Failure(f"CSV cell would run as a formula: {c[:40]!r}")

    # ---------------------------------------------------------------- command line

    def gen_cli(self, r: random.Random, gen) -> dict:
        files = {}
        for i in range(r.randrange(1, 4)):
            k = r.random()
            if k < 0.6:
                body = self._article_text(r, gen).encode("utf-8", "surrogatepass")
            elif k < 0.8:
                body = dec_bytes(self.gen_bytes(r, gen))
            else:
                body = r.choice([b"", b"\x00\x01", b"PK\x03\x04junk", b" \n"])
            name = r.choice(["a", "b", "c", "\u202eevil", "x\x1b[31m", "名字", "-dash", "=eq"]) + f"{i}" + r.choice(
                [".txt", ".md", ".html", ".docx", ""])
            files[name] = enc_bytes(body)
        cmd = r.choice(["check"] * 6 + ["validate", "schema", "batch", "summarize"])
        args: list = []
        names = list(files)
        if cmd == "check":
            args = ["check"] + [f"@{n}" for n in r.sample(names, r.randrange(1, len(names) + 1))]
            if r.random() < 0.2:
                args.append(r.choice(["@missing.txt", "@", "@sub/", "*.nothing"]))
            args += ["--references", "@refs"]
            for opt, vals in (("--format", FORMATS), ("--fail-on", ["error", "warning", "never", "sometimes"]),
                              ("--max-bytes", ["1", "-5", "0", "100", "99999999999", "lots"]),
                              ("--select", ["FC1", "FC2,FC3", "", "zz", "FC"]), ("--ignore", ["FC205", "FC", "x,y"]),
                              ("--lang", ["zh", "en", "fr"]), ("--output", ["@out.json", "@outdir/", "@a0.txt"])):
                if r.random() < 0.3:
                    args += [opt, r.choice(vals)]
            for flag in ("--verbose", "--table", "--no-inline-config", "--force"):
                if r.random() < 0.15:
                    args.append(flag)
        elif cmd == "validate":
            args = ["references", "validate", r.choice(["@refs", "@missing", "@" + names[0]])]
        elif cmd == "schema":
            args = ["references", "schema"]
        elif cmd == "batch":
            args = ["batch", "@.", "--out", r.choice(["@out", "@out", "@a0.txt"]), "--references", "@refs",
                    "--jobs", "1", "--no-progress"] + r.choice([[], ["--html"], ["--max-bytes", "-1"], ["--resume"]])
        else:
            args = ["summarize", f"@{names[0]}"]
        return {"files": files, "args": args}

    def run_cli(self, inp: dict) -> None:
        from factcheck.cli import main

        d = self._fresh("cli")
        shutil.copytree(ROOT / "references", d / "refs")
        for name, b in inp["files"].items():
            try:
                (d / name).write_bytes(dec_bytes(b))
            except (OSError, ValueError):
                pass
        args = [str(d / a[1:]) if a.startswith("@") else a for a in inp["args"]]
        out, err = io.StringIO(), io.StringIO()
        cwd = os.getcwd()
        try:
            os.chdir(d)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(args)
        finally:
            os.chdir(cwd)
        o, e = out.getvalue(), err.getvalue()
        if code not in (0, 1, 2):
            raise Failure(f"exit code {code}")
        if "Traceback" in e or "internal error" in e:
            raise Failure(f"stderr: {e[-400:]}")
        if "\x1b" in e or "\u202e" in e:
            raise Failure("stderr holds a raw ESC or bidi character")
        for ln in ([] if "--table" in args else e.splitlines()):     # --table prints its table on stderr
            if ln.strip() and not ln.startswith(("factcheck", "usage:", "  ", "\nfactcheck")) and "error:" not in ln \
                    and not ln.startswith(("article", "-", "[")):
                raise Failure(f"stderr line not from factcheck: {ln[:200]!r}")
        if args[0] == "check" and "--format" in args and args[args.index("--format") + 1] == "json" \
                and "--output" not in args and code in (0, 1) and o.strip():
            doc = json.loads(o)
            for rep in doc if isinstance(doc, list) else [doc]:
                self.t.assert_json(rep)
