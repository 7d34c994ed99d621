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
    """Only what these parameters name, from a page's shared look-up."""
    people = sorted(i for i in people_of(params) if i in refs.people)
    badges = [i for i in ids_of(params.get("badgeId")) if i in refs.badges]
    challenges = [i for i in ids_of(params.get("challengeId")) if i in refs.challenges]
    return TextRefs(
        people=[TextRef(id=strawberry.ID(str(i)), name=refs.people[i], photo_url=refs.photos.get(i)) for i in people],
        badges=[TextRef(id=strawberry.ID(str(i)), name=refs.badges[i]) for i in badges],
        challenges=[
            TextRef(id=strawberry.ID(str(i)), name=refs.challenge(i, "", language)) for i in challenges
        ],
    )
