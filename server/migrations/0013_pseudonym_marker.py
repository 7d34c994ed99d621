"""Erased people's names stored without language: the French pseudonym « Ancien collaborateur
3F2A » written by erasures before this version becomes the marker « ⟦3F2A⟧ »
(server.privacy.pseudonym), on the person and on their challenge participations. Free texts that
quoted the French pseudonym keep it: `localized` reads those in each language too."""

import re
from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops

FRENCH = re.compile(r"^Ancien collaborateur ([0-9A-F]{4})$")


async def forward(apps: Any, schema_editor: Any) -> None:
    db = schema_editor.client
    user, participant = apps.get_model("elan", "User"), apps.get_model("elan", "Participant")
    for person_id, name in await user.filter(erased_at__not_isnull=True).using_db(db).values_list("id", "display_name"):
        found = FRENCH.match(str(name))
        if found is None:
            continue
        marker = f"⟦{found.group(1)}⟧"
        await user.filter(id=person_id).using_db(db).update(display_name=marker)
        await participant.filter(user_id=person_id).using_db(db).update(display_name=marker)


class Migration(migrations.Migration):
    dependencies = [('elan', '0013_plan_reads')]

    initial = False

    operations = [
        ops.RunPython(forward, ops.RunPython.noop),
    ]
