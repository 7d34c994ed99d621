"""« Notre plan » reads a subtree's people by their unit, and who was seen this week by person:
an index on the unit of a person and one on a session's person (and when it was last seen).
Without them PostgreSQL scans every person of every organisation for one point of sale."""

from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_perf')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='User',
            index=Index(fields=['unit_id']),
        ),
        ops.AddIndex(
            model_name='Session',
            index=Index(fields=['user_id', 'last_seen_at']),
        ),
    ]
