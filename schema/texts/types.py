"""What a text's parameters name, for clients that write the sentence themselves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from server.texts.refs import Refs, ids_of, people_of


@strawberry.type(description="A person, badge or challenge a text names, as it is called now.")
class TextRef:
    id: strawberry.ID
    name: str
    photo_url: str | None = strawberry.field(
        default=None, description="A person's profile photo (a square WebP), or null: show the initials.")


@strawberry.type(
    description="The people, badges and challenges a notification or automatic post names, by id. "
    "A person id missing from `people` no longer exists (write « a former member »)."
)
class TextRefs:
    people: list[TextRef]
    badges: list[TextRef]
    challenges: list[TextRef] = strawberry.field(description="Titles in the viewer's language (duels).")


def text_refs(params: Mapping[str, Any], refs: Refs, language: str) -> TextRefs:
    """Only what these parameters name, from a page's shared look-up (every line of a page
    comes here: what it does not name is not looked for)."""
    known, photos = refs.people, refs.photos
    badge, challenge = params.get("badgeId"), params.get("challengeId")
    return TextRefs(
        people=[
            TextRef(id=strawberry.ID(str(i)), name=known[i], photo_url=photos.get(i))
            for i in sorted(people_of(params)) if i in known
        ] if known else [],
        badges=[
            TextRef(id=strawberry.ID(str(i)), name=refs.badges[i]) for i in ids_of(badge) if i in refs.badges
        ] if badge is not None and refs.badges else [],
        challenges=[
            TextRef(id=strawberry.ID(str(i)), name=refs.challenge(i, "", language))
            for i in ids_of(challenge) if i in refs.challenges
        ] if challenge is not None and refs.challenges else [],
    )
