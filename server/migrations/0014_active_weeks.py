"""« Active people per week » with a history: one row per person and ISO week in which they used
the app (server.accounts.activity), read by the plan's retention indicator and weekly history."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('elan', '0013_pseudonym_marker')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ActiveWeek',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='active_weeks', on_delete=OnDelete.CASCADE)),
                ('week_start', fields.DateField()),
            ],
            options={'table': 'active_week', 'app': 'elan', 'unique_together': (('user_id', 'week_start'),), 'pk_attr': 'id', 'table_description': 'A person used the app during an ISO week (`week_start`, its Monday, UTC): written once per'},
            bases=['Model'],
        ),
    ]
