import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from server.notifications.models import NotificationKind


class Migration(migrations.Migration):
    dependencies = [('elan', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='POST_LIKED: POST_LIKED\nPOST_COMMENTED: POST_COMMENTED\nMENTIONED: MENTIONED\nPOST_RECOMMENDED: POST_RECOMMENDED\nRANK_OVERTAKEN: RANK_OVERTAKEN\nRANK_UP: RANK_UP\nTOP_THREE: TOP_THREE\nBADGE_RECEIVED: BADGE_RECEIVED\nLABEL_RECEIVED: LABEL_RECEIVED\nLABEL_EXPIRING: LABEL_EXPIRING\nCHALLENGE_STARTED: CHALLENGE_STARTED\nCHALLENGE_ENDING: CHALLENGE_ENDING\nDUEL_INVITATION: DUEL_INVITATION\nTRAINING_ASSIGNED: TRAINING_ASSIGNED\nTRAINING_REMINDER: TRAINING_REMINDER\nACTION_PLAN_UPDATED: ACTION_PLAN_UPDATED\nASSESSMENT_SHARED: ASSESSMENT_SHARED', enum_type=NotificationKind, max_length=30)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('actor_names', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('count', fields.IntField(default=1)),
                ('link', fields.CharField(default='/', max_length=300)),
                ('group_key', fields.CharField(null=True, max_length=120)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'notification', 'app': 'elan', 'indexes': [Index(fields=['user_id', 'id']), Index(fields=['user_id', 'group_key', 'read_at'])], 'pk_attr': 'id', 'table_description': "One line of a person's notification centre."},
            bases=['Model'],
        ),
    ]
