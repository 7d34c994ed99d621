"""The bell lists a person's notifications by their last change, newest first (a like folded
into an unread line brings it back to the top, as the live event already did): an index on
(person, last change, id) for that order and its keyset pages."""

from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('elan', '0014_active_weeks')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Notification',
            index=Index(fields=['user_id', 'updated_at', 'id']),
        ),
    ]
