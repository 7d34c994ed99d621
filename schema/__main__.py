"""`python -m schema` writes the committed SDL, schema/schema.graphql, from the code."""

from pathlib import Path

from schema import schema

PATH = Path(__file__).with_name("schema.graphql")

if __name__ == "__main__":
    PATH.write_text(schema.as_str() + "\n")
    print(f"wrote {PATH}")
