"""The week's top as a read model: `post.top_score` = ln(likes + 2 × comments + 1) + age in days,
indexed with the organisation, and kept by a trigger on every insert and on every change of the
counts (the like and comment transactions, and any direct update), on PostgreSQL and SQLite."""

from typing import Any

from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

POSTGRES = [
    """CREATE OR REPLACE FUNCTION post_top_score() RETURNS trigger AS $$
BEGIN
  NEW.top_score := ln(NEW.like_count + 2 * NEW.comment_count + 1)
                   + extract(epoch FROM NEW.created_at) / 86400.0;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS post_top_score ON post",
    """CREATE TRIGGER post_top_score BEFORE INSERT OR UPDATE OF like_count, comment_count, created_at
ON post FOR EACH ROW EXECUTE FUNCTION post_top_score()""",
    "UPDATE post SET top_score = ln(like_count + 2 * comment_count + 1) + extract(epoch FROM created_at) / 86400.0",
]

_SQLITE_SCORE = "ln(NEW.like_count + 2 * NEW.comment_count + 1) + (julianday(NEW.created_at) - 2440587.5)"
SQLITE = [
    "DROP TRIGGER IF EXISTS post_top_score_insert",
    "DROP TRIGGER IF EXISTS post_top_score_update",
    f"""CREATE TRIGGER post_top_score_insert AFTER INSERT ON post FOR EACH ROW
BEGIN UPDATE post SET top_score = {_SQLITE_SCORE} WHERE id = NEW.id; END""",
    f"""CREATE TRIGGER post_top_score_update AFTER UPDATE OF like_count, comment_count, created_at ON post
FOR EACH ROW BEGIN UPDATE post SET top_score = {_SQLITE_SCORE} WHERE id = NEW.id; END""",
    "UPDATE post SET top_score = ln(like_count + 2 * comment_count + 1) + (julianday(created_at) - 2440587.5)",
]


async def _triggers(apps: Any, state_editor: Any) -> None:
    statements = SQLITE if getattr(state_editor, "DIALECT", "") == "sqlite" else POSTGRES
    for sql in statements:
        await state_editor.client.execute_script(sql)


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_privacy')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Post',
            name='top_score',
            field=fields.FloatField(default=0, db_default=0),
        ),
        ops.AddIndex(
            model_name='Post',
            index=Index(fields=['organization_id', 'top_score']),
        ),
        ops.RunPython(_triggers),
    ]
