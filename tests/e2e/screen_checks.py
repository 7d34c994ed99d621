"""What a screen must hold at 360×740, checked from the page itself: nothing wider than the
screen, every visible button, link and field of the screen (`root`, the shell left to its own
tests) at least 44×44 px."""

from __future__ import annotations

from typing import Any

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
SMALL_TARGETS = """(root) => [...document.querySelectorAll(root)].flatMap((r) => [...r.querySelectorAll('button, a[href], select, input:not([type=hidden]), textarea')])
  .filter((el) => el.offsetParent !== null)
  // a checkbox inside its label is tapped through the label
  .map((el) => [el, ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label') || el).getBoundingClientRect()])
  .filter(([, box]) => box.width > 0 && (box.width < 44 || box.height < 44))
  .map(([el, box]) => `${el.tagName} ${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`)"""


async def screen_problems(page: Any, root: str = ".admin-page, .admin-sheet") -> list[str]:
    problems: list[str] = []
    overflow = await page.evaluate(OVERFLOW)
    if overflow > 0:
        problems.append(f"{overflow}px wider than the screen")
    problems.extend(await page.evaluate(SMALL_TARGETS, root))
    return problems
