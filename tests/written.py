"""What an automatic (SYSTEM) post says to a reader, as the app writes it (server.texts)."""

from __future__ import annotations

from server.feed.models import Post
from server.texts.refs import resolve
from server.texts.render import system_post_text


async def written(post: Post, language: str = "fr") -> str:
    params = post.system_params or {}
    return system_post_text(post.system_kind, params, post.body, await resolve([params]), language)


async def system_posts_about(challenge_id: int) -> list[Post]:
    """The automatic posts naming a challenge, oldest first."""
    posts = await Post.filter(kind="SYSTEM", system_kind__not_isnull=True).order_by("id")
    return [p for p in posts if (p.system_params or {}).get("challengeId") == challenge_id]
