"""Idempotency keys of results belong to their recorder (a person or an integration token),
no longer to the whole organisation (issue 11: a manager could take a CRM's keys first).

SQLite keeps a table's UNIQUE constraints inside its CREATE TABLE, where no ALTER reaches
them: there the table is rebuilt from its own definition without that constraint, with its
rows and indexes; PostgreSQL drops the constraint in place."""

import re
from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import UniqueConstraint

OLD_UNIQUE = re.compile(r',\s*CONSTRAINT\s+"[^"]+"\s+UNIQUE\s*\(\s*"organization_id"\s*,\s*"idempotency_key"\s*\)')


async def _rebuild_sqlite_result(client: Any) -> None:
    _, tables = await client.execute_query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'result'")
    _, indexes = await client.execute_query(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'result' AND sql IS NOT NULL"
    )
    table_sql = OLD_UNIQUE.sub("", tables[0]["sql"])
    table_sql = re.sub(r'^CREATE TABLE (IF NOT EXISTS )?"result"', 'CREATE TABLE "new__result"', table_sql)
    await client.execute_script(table_sql)
    await client.execute_script('INSERT INTO "new__result" SELECT * FROM "result"')
    await client.execute_script('DROP TABLE "result"')
    await client.execute_script('ALTER TABLE "new__result" RENAME TO "result"')
    for index in indexes:
        await client.execute_script(index["sql"])


class RemoveOrganisationWideKey(ops.RemoveConstraint):
    async def database_forward(self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None) -> None:
        if state_editor is not None and getattr(state_editor, "DIALECT", "") == "sqlite":
            await _rebuild_sqlite_result(state_editor.client)
            return
        await super().database_forward(app_label, old_state, new_state, state_editor)


class Migration(migrations.Migration):
    dependencies = [('elan', '0007_trust-sessions')]

    initial = False

    operations = [
        RemoveOrganisationWideKey(
            model_name='Result',
            name=None,
            fields=['organization', 'idempotency_key'],
        ),
        ops.AddConstraint(
            model_name='Result',
            constraint=UniqueConstraint(fields=('recorded_by', 'idempotency_key'), name=None),
        ),
        ops.AddConstraint(
            model_name='Result',
            constraint=UniqueConstraint(fields=('token', 'idempotency_key'), name=None),
        ),
    ]
