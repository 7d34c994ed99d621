"""The committed SDL is the contract of external clients and the PWA: it must match the code."""

from pathlib import Path

from schema import schema

SDL = Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"


def test_committed_schema_matches_the_code():
    committed = SDL.read_text()
    current = schema.as_str() + "\n"
    assert committed == current, "schema/schema.graphql is stale: run `make schema` and commit it"


def test_binding_names_of_the_api_exist():
    sdl = schema.as_str()
    for name in ["me: Viewer", "feed(", "post(id: ID!)", "login(", "logout", "signUp(", "createPost(",
                 "likePost(", "unlikePost(", "feedEvents"]:
        assert name in sdl, name
