"""The factcheck package's import graph has no cycle, and its imports go one way down the layers.

The graph is read from the AST of every module: module-level imports and the imports inside
functions alike (an import inside a function that closes a circle only hides it until the
function runs). An edge goes from a module to each factcheck module it imports; ``from
factcheck import x`` counts as importing ``factcheck.x`` when x is a module, and importing
``factcheck.a.b`` also imports the package ``factcheck.a`` (its ``__init__``). Only the package's
own modules count: a deferred import of an optional third-party dependency is not an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "factcheck"


def modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the package."""
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        parts = list(p.relative_to(PKG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = p
    return out


def _resolve(mod: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    """The absolute module named by a ``from ... import`` (relative imports included)."""
    if not node.level:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported factcheck module: line of the first import}."""
    mods = modules()
    graph: dict[str, dict[str, int]] = {}
    for mod, path in mods.items():
        is_pkg = path.name == "__init__.py"
        edges: dict[str, int] = {}

        def add(target: str, line: int) -> None:
            parts = target.split(".")
            for k in range(2, len(parts) + 1):        # factcheck.a.b imports factcheck.a too
                t = ".".join(parts[:k])
                if t in mods and t != mod:
                    edges.setdefault(t, line)

        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for a in node.names:
                    add(a.name, node.lineno)
            elif isinstance(node, ast.ImportFrom):
                src = _resolve(mod, is_pkg, node)
                add(src, node.lineno)
                for a in node.names:
                    if f"{src}.{a.name}" in mods:
                        add(f"{src}.{a.name}", node.lineno)
        graph[mod] = edges
    return graph


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str]:
    """One cycle as [a, b, ..., a], or [] when the graph has none (iterative DFS)."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(graph, WHITE)
    for root in sorted(graph):
        if colour[root] != WHITE:
            continue
        stack = [(root, iter(sorted(graph[root])))]
        path = [root]
        colour[root] = GREY
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = BLACK
                stack.pop()
                path.pop()
            elif colour.get(nxt) == GREY:
                return path[path.index(nxt):] + [nxt]
            elif colour.get(nxt) == WHITE:
                colour[nxt] = GREY
                stack.append((nxt, iter(sorted(graph[nxt]))))
                path.append(nxt)
    return []


def describe(cycle: list[str], graph: dict[str, dict[str, int]]) -> str:
    return " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_graph_covers_the_package():
    g = import_graph()
    assert "factcheck.pipeline" in g and "factcheck.audit.core" in g
    assert "factcheck.core.model" in g["factcheck.pipeline"]


# The layers, lowest first: a module may import its own layer and those below it, never one above
# (docs/design.md, "Packages"). Sub-packages are layers; the modules left at the top of the
# package are the check itself (pipeline) and the programs around it (app).
LAYERS = ("core", "text", "audit", "ingest", "papers", "judge", "pipeline", "render", "app")
TOP_LEVEL = {"pipeline": "pipeline", "cli": "app", "batch": "app", "server": "app",
             "evaluate": "app", "__main__": "app"}


def layer(mod: str) -> str | None:
    """The layer of a module (None for the package's own __init__, which imports nothing)."""
    parts = mod.split(".")
    if len(parts) == 1:
        return None
    return parts[1] if parts[1] in LAYERS else TOP_LEVEL.get(parts[1], "?")


def test_every_module_has_a_layer():
    unplaced = sorted(m for m in import_graph() if layer(m) == "?")
    assert not unplaced, f"modules in no layer (a sub-package, or TOP_LEVEL): {unplaced}"


def test_imports_go_down_the_layers():
    g = import_graph()
    up = [f"{a} (line {line}, {layer(a)}) imports {b} ({layer(b)})"
          for a in sorted(g) for b, line in sorted(g[a].items())
          if layer(a) in LAYERS and layer(b) in LAYERS and LAYERS.index(layer(b)) > LAYERS.index(layer(a))]
    assert not up, "imports up the layers:\n" + "\n".join(up)


def test_no_import_cycle():
    g = import_graph()
    cycle = find_cycle(g)
    assert not cycle, "import cycle: " + describe(cycle, g)


if __name__ == "__main__":          # every cycle, one at a time: python tests/test_imports.py
    g = import_graph()
    while (c := find_cycle(g)):
        print(describe(c, g))
        del g[c[-2]][c[-1]]         # drop the closing edge and look for the next
