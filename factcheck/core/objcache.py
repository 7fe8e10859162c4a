"""Values derived once from long-lived objects: summaries, findings, rule lists.

A run loads its summaries and rules once and checks every article against the same objects, so
what is computed from one of them (its name index, its measure words) is kept by the object's
identity. The object is stored beside the value, so a recycled id() never returns a stale one,
and the cache is emptied when it outgrows ``limit`` (a long batch that reloads summaries).
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

V = TypeVar("V")


class ObjectCache(Generic[V]):
    def __init__(self, build: Callable[..., V], limit: int = 10000):
        self.build, self.limit = build, limit
        self._hits: dict[int, tuple[Any, V]] = {}

    def __call__(self, obj: Any, *args: Any) -> V:
        """``build(obj, *args)``, computed on the first call for ``obj``; the extra arguments
        must be fixed by ``obj`` (its summary, say), as they are not part of the key."""
        hit = self._hits.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = self.build(obj, *args)
        if len(self._hits) >= self.limit:
            self._hits.clear()
        self._hits[id(obj)] = (obj, value)
        return value
