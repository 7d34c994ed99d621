import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from server.push.models import PushStatus


class Migration(migrations.Migration):
    dependencies = [('elan', '0002_notifications')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PushSettings',
            fields=[
                ('user', fields.OneToOneField('elan.User', source_field='user_id', primary_key=True, db_index=True, db_constraint=True, to_field='id', related_name='push_settings', on_delete=OnDelete.CASCADE)),
                ('kinds', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('quiet_hours_enabled', fields.BooleanField(default=True)),
                ('quiet_start_minute', fields.IntField(default=1260)),
                ('quiet_end_minute', fields.IntField(default=480)),
            ],
            options={'table': 'push_settings', 'app': 'elan', 'pk_attr': 'user_id', 'table_description': 'What a person chose. Without a row the defaults apply (server.push.policy).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PushSubscription',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='push_subscriptions', on_delete=OnDelete.CASCADE)),
                ('endpoint', fields.CharField(unique=True, max_length=1000)),
                ('p256dh', fields.CharField(max_length=120)),
                ('auth', fields.CharField(max_length=60)),
                ('user_agent', fields.CharField(default='', max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_success_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'push_subscription', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'One browser on one device. The endpoint belongs to one person at a time.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PushMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('elan.PushSubscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='messages', on_delete=OnDelete.CASCADE)),
                ('user_id', fields.IntField()),
                ('kind', fields.CharField(max_length=30)),
                ('event_key', fields.CharField(max_length=40)),
                ('topic', fields.CharField(null=True, max_length=32)),
                ('urgency', fields.CharField(default='normal', max_length=10)),
                ('ttl', fields.IntField(default=86400)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('digest', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=PushStatus.PENDING, description='PENDING: PENDING\nSENT: SENT\nFAILED: FAILED\nSKIPPED: SKIPPED', enum_type=PushStatus, max_length=10)),
                ('attempts', fields.IntField(default=0)),
                ('not_before', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(null=True, max_length=64)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'push_message', 'app': 'elan', 'indexes': [Index(fields=['status', 'not_before']), Index(fields=['user_id', 'topic', 'status']), Index(fields=['user_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One outbox row: one message for one device, written in the causing transaction.'},
            bases=['Model'],
        ),
    ]
