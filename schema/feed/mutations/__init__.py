"""The feed domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.errors import mutation
from schema.feed.mutations.comment_post import (
    AddCommentResult,
    DeleteCommentResult,
    EditCommentResult,
    add_comment,
    delete_comment,
    edit_comment,
)
from schema.feed.mutations.create_post import CreatePostResult, create_post
from schema.feed.mutations.edit_post import DeletePostResult, EditPostResult, delete_post, edit_post
from schema.feed.mutations.like_post import LikePostResult, like_post, unlike_post
from schema.feed.mutations.moderate_post import (
    HidePostResult,
    ReportPostResult,
    hide_post,
    report_post,
)
from schema.feed.mutations.recommend_post import RecommendPostResult, recommend_post


@strawberry.type
class FeedMutation:
    create_post: CreatePostResult = mutation(
        resolver=create_post, description="Post a win, a best practice or an announcement."
    )
    like_post: LikePostResult = mutation(
        resolver=like_post, description="Like a post; liking twice counts once."
    )
    unlike_post: LikePostResult = mutation(
        resolver=unlike_post, description="Take a like back; idempotent."
    )
    edit_post: EditPostResult = mutation(
        resolver=edit_post, description="Change the texts of one's own post."
    )
    delete_post: DeletePostResult = mutation(
        resolver=delete_post, description="Delete one's own post, with its comments and likes."
    )
    hide_post: HidePostResult = mutation(
        resolver=hide_post,
        description="Hide a post of the viewer's scope, with a reason (managers and admins).",
    )
    report_post: ReportPostResult = mutation(
        resolver=report_post, description="Report a post to the managers; reporting twice counts once."
    )
    add_comment: AddCommentResult = mutation(
        resolver=add_comment, description="Comment on a post; the author is notified."
    )
    edit_comment: EditCommentResult = mutation(
        resolver=edit_comment, description="Change the text of one's own comment."
    )
    delete_comment: DeleteCommentResult = mutation(
        resolver=delete_comment,
        description="Delete one's own comment, or any comment of a post one moderates.",
    )
    recommend_post: RecommendPostResult = mutation(
        resolver=recommend_post,
        description="Pin a best practice at the top of units' feeds for some days (managers and admins).",
    )
