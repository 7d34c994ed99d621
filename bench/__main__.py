"""`make bench`: runs every benchmark module of bench/, each in its own process, one after another.

A benchmark is any module `bench/<name>.py` (not starting with `_`); engineers add theirs
without touching this file. `python -m bench name1 name2` runs only those.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = argv or benchmarks()
    failed: list[str] = []
    for name in names:
        print(f"\n=== bench.{name} ===", flush=True)
        started = time.monotonic()
        code = subprocess.call([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent)
        print(f"=== bench.{name}: {'ok' if code == 0 else f'exit {code}'} in {time.monotonic() - started:.0f} s ===",
              flush=True)
        if code != 0:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
