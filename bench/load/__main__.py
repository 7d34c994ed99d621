"""`python -m bench.load` (and so `make bench`): the capacity search's smoke setting, 200 phones
for 20 s, which shows the day-pace model, the sockets and the budgets work end to end. The search
itself (1,000 to 10,000 phones) is `python -m bench.load.capacity`, on a quiet machine."""

from __future__ import annotations

import sys

from bench.load import capacity

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "--steps", "200", "--duration", "20", *sys.argv[1:]]
    capacity.main()
