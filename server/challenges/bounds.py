"""The numbers a result, a target or a score may hold: finite and bounded.

Every value reaches the challenges through `recordResult`, `setTarget`, `spreadTarget` or a
CSV import, typed by a person or sent by a CRM's token; each is checked here. The bound is
the same for every metric: a result's value lies within ±VALUE_MAX (a negative one is a
correction), a target within (0, VALUE_MAX]. Scores are computed with `finite`, and read
through it too, so even a row stored before these checks (an old 1e308) reads as a number:
GraphQL's Float cannot carry an infinity, and one such row would break a board, the
challenges list, the live snapshot and the dashboards for everybody.
"""

from __future__ import annotations

import math

from server.errors import ValidationFailed

VALUE_MAX = 1_000_000_000  # a result's value or a target, in the metric's unit
SCORE_MAX = 1e12  # no score, percent or gap is ever shown beyond this


def check_result_value(value: float, field: str = "value") -> None:
    if not math.isfinite(value):
        raise ValidationFailed("result_value_invalid", field)
    if abs(value) > VALUE_MAX:
        raise ValidationFailed("result_value_too_large", field, max=VALUE_MAX)


def check_target_value(value: float, field: str = "value") -> None:
    if not (math.isfinite(value) and value > 0):
        raise ValidationFailed("target_value_invalid", field)
    if value > VALUE_MAX:
        raise ValidationFailed("target_value_too_large", field, max=VALUE_MAX)


def finite(value: float | int | None, bound: float = SCORE_MAX) -> float:
    """`value` as a number a screen can show: NaN and None read as 0, the rest is clamped
    to ±`bound`."""
    if value is None:
        return 0.0
    number = float(value)
    if math.isnan(number):
        return 0.0
    return max(-bound, min(bound, number))
