"""Running the network: units get an external code (unique per organisation) and a closing date;
the first run's setup token; CSV imports of the network with their report and progress."""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import UniqueConstraint

from server.network.models import ImportStatus


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_ui_boards')]

    initial = False

    operations = [
        ops.CreateModel(
            name='NetworkImport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='network_imports', on_delete=OnDelete.CASCADE)),
                ('actor_id', fields.IntField(null=True)),
                ('filename', fields.CharField(default='', max_length=200)),
                ('content', fields.BinaryField()),
                ('status', fields.CharEnumField(default=ImportStatus.UPLOADED, description='UPLOADED: UPLOADED\nCHECKING: CHECKING\nCHECKED: CHECKED\nAPPLYING: APPLYING\nAPPLIED: APPLIED\nREFUSED: REFUSED\nFAILED: FAILED', enum_type=ImportStatus, max_length=10)),
                ('apply_valid_only', fields.BooleanField(default=False)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('report', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'network_import', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'One CSV of the network (units and people) on its way in: the file, its report and the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SetupToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'setup_token', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'The one-time token a first run prints on the console (only its hash is kept): it lets'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Unit',
            name='closed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Unit',
            name='external_code',
            field=fields.CharField(null=True, max_length=40),
        ),
        ops.AddConstraint(
            model_name='Unit',
            constraint=UniqueConstraint(fields=('organization', 'external_code'), name=None),
        ),
    ]
