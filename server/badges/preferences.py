"""The person's recognition preferences."""

from __future__ import annotations

from server.accounts.models import User


async def set_hidden_from_feed(person: User, hidden: bool) -> bool:
    """Badges received from now on make no post in the feed (awards still show on the profile)."""
    await User.filter(id=person.id).update(hidden_from_feed=hidden)
    person.hidden_from_feed = hidden
    return hidden
