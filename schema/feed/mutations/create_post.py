"""createPost: share a win, a best practice or an announcement."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, RateLimitedError, ValidationError
from schema.feed.types import Post, PostAudience, PostKind
from schema.ids import parse_id
from schema.permissions import scope_of
from server.feed import services


@strawberry.input(description="A new post. Tags are read from #words in the texts.")
class CreatePostInput:
    kind: PostKind
    body: str = strawberry.field(description="The text; for a best practice, its title.")
    audience: PostAudience = PostAudience.NETWORK
    figure: str | None = strawberry.field(default=None, description="A win's figure.")
    product: str | None = strawberry.field(default=None, description="A win's product.")
    context: str | None = strawberry.field(default=None, description="Best practice: the situation.")
    action: str | None = strawberry.field(
        default=None, description="Best practice: what was done."
    )
    result: str | None = strawberry.field(default=None, description="Best practice: the result.")
    image_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Up to 4 ids returned by `POST /media`, in order."
    )
    mention_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Colleagues to notify."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Client-chosen key (8–64 chars): sending it again returns the same post.",
    )


@strawberry.type
class CreatePostSuccess:
    post: Post


CreatePostResult = Annotated[
    CreatePostSuccess | ValidationError | NotAllowedError | RateLimitedError,
    strawberry.union("CreatePostResult"),
]


def content_of(input: object) -> services.PostContent:
    return services.PostContent(
        body=getattr(input, "body", ""),
        figure=getattr(input, "figure", None),
        product=getattr(input, "product", None),
        context=getattr(input, "context", None),
        action=getattr(input, "action", None),
        result=getattr(input, "result", None),
    )


async def create_post(info: Info, input: CreatePostInput) -> CreatePostResult:
    scope = scope_of(info)
    new = services.NewPost(
        kind=PostKind(input.kind),
        content=content_of(input),
        audience=PostAudience(input.audience),
        image_ids=[parse_id(i) for i in input.image_ids],
        mention_ids=[parse_id(i) for i in input.mention_ids],
        idempotency_key=input.idempotency_key,
    )
    row = await services.create_post(scope, new)
    return CreatePostSuccess(post=cast(Post, row))
