"""The server process's garbage collector, set once the app has started.

By the end of start-up the process holds a few hundred thousand objects that live as long as it
does (modules, the schema and its compiled documents, Tortoise's models): CPython's full
collections walked them all again and again, about 100 ms each on this 2-core machine, paid by
whichever request happened to allocate at that moment. Frozen (`gc.freeze`), they are left out
of every collection: a full one then walks only what requests made since. The youngest
generation is also collected less often: a large answer (head office's « Notre plan », 1,201
units) allocates tens of thousands of dicts and lists, which at CPython's default of 700
allocations set off about 25 young and 2 middle collections per answer (2 ms of its 45)."""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000  # allocations between collections of the youngest generation (CPython: 700)


def settle() -> None:
    """Collect what start-up left, freeze the rest, and collect young objects less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
