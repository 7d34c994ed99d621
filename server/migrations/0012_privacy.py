"""Privacy: each organisation's policy (retention periods, board defaults), the retention job's
reports, data exports, notification consents; a person's erasure time."""


import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from server.privacy.models import ConsentChannel, ExportStatus


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_plan')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DataExport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='data_exports', on_delete=OnDelete.CASCADE)),
                ('person', fields.ForeignKeyField('elan.User', source_field='person_id', db_constraint=True, to_field='id', related_name='data_exports', on_delete=OnDelete.CASCADE)),
                ('requested_by', fields.ForeignKeyField('elan.User', source_field='requested_by_id', null=True, db_constraint=True, to_field='id', related_name='data_exports_requested', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(unique=True, max_length=40)),
                ('status', fields.CharEnumField(default=ExportStatus.PENDING, description='PENDING: PENDING\nREADY: READY', enum_type=ExportStatus, max_length=10)),
                ('content', fields.BinaryField(null=True)),
                ('size_bytes', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('ready_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'data_export', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'A zip of everything held about a person (JSON, with CSV for the tables), kept a day.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NotificationConsent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notification_consents', on_delete=OnDelete.CASCADE)),
                ('channel', fields.CharEnumField(description='PUSH: PUSH\nMAIL: MAIL', enum_type=ConsentChannel, max_length=5)),
                ('kind', fields.CharField(max_length=40)),
                ('granted', fields.BooleanField()),
                ('decided_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'notification_consent', 'app': 'elan', 'unique_together': (('user', 'channel', 'kind'),), 'pk_attr': 'id', 'table_description': "A person's choice, with its time, to receive one kind of notification on one channel"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PrivacyPolicy',
            fields=[
                ('organization', fields.OneToOneField('elan.Organization', source_field='organization_id', primary_key=True, db_index=True, db_constraint=True, to_field='id', related_name='privacy_policy', on_delete=OnDelete.CASCADE)),
                ('results_days', fields.IntField(default=1095)),
                ('notifications_days', fields.IntField(default=180)),
                ('audit_days', fields.IntField(default=1825)),
                ('sessions_days', fields.IntField(default=90)),
                ('outbox_days', fields.IntField(default=30)),
                ('deleted_media_days', fields.IntField(default=30)),
                ('boards_anonymous_outside_team', fields.BooleanField(default=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'privacy_policy', 'app': 'elan', 'pk_attr': 'organization_id', 'table_description': "Head office's choices for its organisation. Without a row the defaults below apply"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RetentionRun',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='retention_runs', on_delete=OnDelete.CASCADE)),
                ('ran_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('removed', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'retention_run', 'app': 'elan', 'indexes': [Index(fields=['organization_id', 'id'])], 'pk_attr': 'id', 'table_description': 'What one pass of the retention job removed in one organisation (head office reads it).'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Award',
            name='recipient_identity',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='User',
            name='erased_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
