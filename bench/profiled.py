"""uvicorn under cProfile, for the benches that start a server process (bench.storm): with
ELAN_BENCH_PROFILE=/path set, the bench starts its server through this module and sends it
SIGUSR1 before stopping it, which writes the profile there (pstats format).

    python -m bench.profiled server.app:create_app --factory …   (uvicorn's own arguments)
"""

from __future__ import annotations

import cProfile
import os
import signal
import sys
from typing import Any

import uvicorn


def main() -> None:
    profile = cProfile.Profile()

    def dump(*_: Any) -> None:
        profile.disable()
        profile.dump_stats(os.environ["ELAN_BENCH_PROFILE"])
        profile.enable()

    signal.signal(signal.SIGUSR1, dump)
    sys.argv = ["uvicorn", *sys.argv[1:]]
    profile.enable()
    uvicorn.main()


if __name__ == "__main__":
    main()
