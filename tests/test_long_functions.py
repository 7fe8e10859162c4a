"""No function of the package is over 80 lines without saying why in its docstring (issue 18).

An ``ast`` walk over factcheck/: every function and method, nested ones included, counted from
its ``def`` line to its last line. One over the limit is either split into named steps or says
in its docstring why it is one piece, as ``(Long: ...)`` or ``Long on purpose: ...`` (for
example a cascade of diagnoses whose order is the point).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "factcheck"
LIMIT = 80
REASON = re.compile(r"\bLong( on purpose)?:")


def long_in(source: str, name: str) -> list[tuple[str, int, bool]]:
    """(``name:line qualified.name``, lines, has a reason) of each function of ``source`` over LIMIT lines."""
    out = []

    def walk(node, prefix: str) -> None:
        for ch in ast.iter_child_nodes(node):
            if isinstance(ch, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = ch.end_lineno - ch.lineno + 1
                if n > LIMIT:
                    out.append((f"{name}:{ch.lineno} {prefix}{ch.name}", n,
                                bool(REASON.search(ast.get_docstring(ch) or ""))))
                walk(ch, f"{prefix}{ch.name}.")
            elif isinstance(ch, ast.ClassDef):
                walk(ch, f"{prefix}{ch.name}.")
            else:
                walk(ch, prefix)

    walk(ast.parse(source, name), "")
    return out


def long_functions() -> list[tuple[str, int, bool]]:
    """long_in over every module of the package."""
    return [f for path in sorted(PKG.rglob("*.py"))
            for f in long_in(path.read_text(encoding="utf-8"), str(path.relative_to(PKG.parent)))]


def test_the_walk_counts_methods_and_nested_functions():
    def body(indent: str) -> str:
        return "".join(f"{indent}x = {i}\n" for i in range(LIMIT))

    src = ("class C:\n    def m(self):\n" + body(" " * 8) +
           'def f():\n    """One piece. (Long: the reason.)"""\n    def g():\n' + body(" " * 8) +
           "def short():\n    return 1\n")
    got = {where.split(" ")[1]: ok for where, _n, ok in long_in(src, "t.py")}
    assert got == {"C.m": False, "f": True, "f.g": False}


def test_no_long_function_without_a_reason():
    bare = [f"{where} ({n} lines)" for where, n, ok in long_functions() if not ok]
    assert not bare, (f"functions over {LIMIT} lines with no '(Long: why)' in their docstring; split "
                      "them or say why they are one piece:\n" + "\n".join(bare))


if __name__ == "__main__":          # the list: python tests/test_long_functions.py
    for where, n, ok in long_functions():
        print(f"{n:4d}  {where}{'' if ok else '  (no reason)'}")
