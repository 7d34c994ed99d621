"""The GraphQL documents the feed tests replay, as the PWA sends them."""

POST_FIELDS = """
id kind body audience figure product context action result tags likeCount commentCount likedByMe
recommendedBy recommendedUnitCount pinned hiddenReason viewerIsAuthor viewerCanModerate editedAt
systemKind systemParams systemRefs { people { id name } badges { id name } challenges { id name } }
images { id feedUrl fullUrl width height feedWidth feedHeight }
author { id displayName unit { name } }
"""

CREATE_POST = f"""
mutation Create($input: CreatePostInput!) {{
  createPost(input: $input) {{
    __typename
    ... on CreatePostSuccess {{ post {{ {POST_FIELDS} }} }}
    ... on UserError {{ code message }}
    ... on ValidationError {{ field }}
  }}
}}
"""

FEED = f"""
query Feed($first: Int!, $after: String, $filter: FeedFilter, $order: FeedOrder) {{
  feed(first: $first, after: $after, filter: $filter, order: $order) {{
    pinned {{ {POST_FIELDS} }}
    edges {{ cursor node {{ {POST_FIELDS} }} }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}
"""

POST = f"""
query Post($id: ID!, $first: Int, $after: String) {{
  post(id: $id) {{
    {POST_FIELDS}
    comments(first: $first, after: $after) {{
      edges {{ cursor node {{ id body editedAt author {{ displayName }} }} }}
      pageInfo {{ hasNextPage endCursor }}
    }}
  }}
}}
"""

EDIT_POST = """
mutation Edit($input: EditPostInput!) {
  editPost(input: $input) {
    __typename
    ... on EditPostSuccess { post { id body tags editedAt } }
    ... on UserError { code message }
  }
}
"""

DELETE_POST = """
mutation Delete($id: ID!) {
  deletePost(postId: $id) { __typename ... on DeletePostSuccess { postId } ... on UserError { code } }
}
"""

HIDE_POST = """
mutation Hide($id: ID!, $reason: String!) {
  hidePost(postId: $id, reason: $reason) {
    __typename
    ... on HidePostSuccess { post { id hiddenReason } }
    ... on UserError { code message }
  }
}
"""

REPORT_POST = """
mutation Report($id: ID!, $reason: String!) {
  reportPost(postId: $id, reason: $reason) {
    __typename ... on ReportPostSuccess { postId } ... on UserError { code message }
  }
}
"""

REPORTS = """
query { postReports { id reason reporterName post { id body } } }
"""

ADD_COMMENT = """
mutation Comment($input: AddCommentInput!) {
  addComment(input: $input) {
    __typename
    ... on AddCommentSuccess { comment { id body author { displayName } } post { id commentCount } }
    ... on UserError { code message }
  }
}
"""

EDIT_COMMENT = """
mutation EditComment($id: ID!, $body: String!) {
  editComment(commentId: $id, body: $body) {
    __typename ... on EditCommentSuccess { comment { id body editedAt } } ... on UserError { code }
  }
}
"""

DELETE_COMMENT = """
mutation DeleteComment($id: ID!) {
  deleteComment(commentId: $id) {
    __typename ... on DeleteCommentSuccess { post { id commentCount } } ... on UserError { code }
  }
}
"""

RECOMMEND = """
mutation Recommend($input: RecommendPostInput!) {
  recommendPost(input: $input) {
    __typename
    ... on RecommendPostSuccess { post { id recommendedBy recommendedUnitCount } }
    ... on UserError { code message }
  }
}
"""

LIKE = """
mutation Like($id: ID!) { likePost(postId: $id) { __typename ... on LikePostSuccess { post { id likeCount likedByMe } } ... on UserError { code message } } }
"""

NOTIFICATIONS = """
query { notifications(first: 20) { edges { node { kind text link } } } }
"""

FEED_EVENTS = """
subscription Events($postId: ID) {
  feedEvents(postId: $postId) {
    version type postId likeCount commentCount commentId
    post { id body audience }
    comment { id body author { displayName } }
  }
}
"""


async def create(client, kind="WIN", body="Une réussite", **fields):  # type: ignore[no-untyped-def]
    result = await client.execute(CREATE_POST, {"input": {"kind": kind, "body": body, **fields}})
    return result["createPost"]


def bodies(feed: dict) -> list[str]:  # type: ignore[type-arg]
    return [edge["node"]["body"] for edge in feed["edges"]]
