from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from server.badges.models import AwardPolicy, BadgeCategory, BadgeKind, RuleTrigger
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('elan', '0003_push')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Badge',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='badges', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(default=BadgeKind.BADGE, description='BADGE: BADGE\nLABEL: LABEL', enum_type=BadgeKind, max_length=10)),
                ('name', fields.CharField(max_length=80)),
                ('description', fields.CharField(default='', max_length=500)),
                ('emoji', fields.CharField(null=True, max_length=16)),
                ('image_name', fields.CharField(null=True, max_length=80)),
                ('category', fields.CharEnumField(default=BadgeCategory.SALES, description='SALES: SALES\nTRAINING: TRAINING\nCUSTOMER_SATISFACTION: CUSTOMER_SATISFACTION\nTEAM_SPIRIT: TEAM_SPIRIT\nCHALLENGE: CHALLENGE\nCERTIFICATION: CERTIFICATION', enum_type=BadgeCategory, max_length=30)),
                ('criteria', fields.CharField(default='', max_length=1000)),
                ('repeatable', fields.BooleanField(default=False)),
                ('validity_days', fields.IntField(null=True)),
                ('award_policy', fields.CharEnumField(default=AwardPolicy.MANAGERS, description='MANAGERS: MANAGERS\nADMINS: ADMINS\nRULES: RULES', enum_type=AwardPolicy, max_length=10)),
                ('levels', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('retired_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='badges_created', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'badge', 'app': 'elan', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BadgeRule',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='badge_rules', on_delete=OnDelete.CASCADE)),
                ('badge', fields.ForeignKeyField('elan.Badge', source_field='badge_id', db_constraint=True, to_field='id', related_name='rules', on_delete=OnDelete.CASCADE)),
                ('trigger', fields.CharEnumField(description='FIRST_WIN: FIRST_WIN\nLIKES_ON_POST: LIKES_ON_POST\nBEST_PRACTICES_RECOMMENDED: BEST_PRACTICES_RECOMMENDED\nTARGET_REACHED: TARGET_REACHED\nCHALLENGE_PODIUM: CHALLENGE_PODIUM\nTRAINING_COMPLETED: TRAINING_COMPLETED\nQUIZ_PASSED: QUIZ_PASSED\nSATISFACTION_ABOVE: SATISFACTION_ABOVE', enum_type=RuleTrigger, max_length=40)),
                ('threshold', fields.FloatField(null=True)),
                ('options', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('active', fields.BooleanField(default=True)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='badge_rules_created', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'badge_rule', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'A declarative definition: on `trigger`, when `threshold` (and `options`) hold, award `badge`.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Award',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('public_id', fields.CharField(unique=True, max_length=36)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='awards', on_delete=OnDelete.CASCADE)),
                ('badge', fields.ForeignKeyField('elan.Badge', source_field='badge_id', db_constraint=True, to_field='id', related_name='awards', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='awards', on_delete=OnDelete.CASCADE)),
                ('awarded_by', fields.ForeignKeyField('elan.User', source_field='awarded_by_id', null=True, db_constraint=True, to_field='id', related_name='awards_given', on_delete=OnDelete.SET_NULL)),
                ('rule', fields.ForeignKeyField('elan.BadgeRule', source_field='rule_id', null=True, db_constraint=True, to_field='id', related_name='awards', on_delete=OnDelete.SET_NULL)),
                ('reason', fields.CharField(default='', max_length=500)),
                ('level', fields.CharField(null=True, max_length=40)),
                ('evidence_post_id', fields.IntField(null=True)),
                ('recognition_post_id', fields.IntField(null=True)),
                ('unique_key', fields.CharField(null=True, unique=True, max_length=160)),
                ('awarded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reminder_sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_by', fields.ForeignKeyField('elan.User', source_field='revoked_by_id', null=True, db_constraint=True, to_field='id', related_name='awards_revoked', on_delete=OnDelete.SET_NULL)),
                ('revocation_reason', fields.CharField(null=True, max_length=500)),
            ],
            options={'table': 'badge_award', 'app': 'elan', 'indexes': [Index(fields=['user_id', 'revoked_at']), Index(fields=['organization_id', 'id']), Index(fields=['expires_at'])], 'pk_attr': 'id', 'table_description': 'A badge or label held by a person. `public_id` names it outside Élan (credential,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Podium',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization_id', fields.IntField()),
                ('user_id', fields.IntField(db_index=True)),
                ('challenge_id', fields.IntField()),
                ('rank', fields.IntField()),
            ],
            options={'table': 'badge_podium', 'app': 'elan', 'unique_together': (('user_id', 'challenge_id'),), 'pk_attr': 'id', 'table_description': 'A challenge podium heard from the challenges domain, shown on the profile.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RuleProgress',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rule', fields.ForeignKeyField('elan.BadgeRule', source_field='rule_id', db_constraint=True, to_field='id', related_name='progress', on_delete=OnDelete.CASCADE)),
                ('user_id', fields.IntField()),
                ('occasion', fields.CharField(max_length=80)),
            ],
            options={'table': 'badge_rule_progress', 'app': 'elan', 'unique_together': (('rule', 'user_id', 'occasion'),), 'pk_attr': 'id', 'table_description': 'One distinct occasion counted by a rule for a person (e.g. one recommended best'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SigningKey',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.OneToOneField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='signing_key', on_delete=OnDelete.CASCADE)),
                ('public_key', fields.CharField(max_length=64)),
                ('private_key_encrypted', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'badge_signing_key', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'The Ed25519 key an organisation signs credentials with. The private half is encrypted'},
            bases=['Model'],
        ),
        ops.AlterModelOptions(
            name='PushSettings',
            options={'table': 'push_settings', 'app': 'elan', 'pk_attr': 'user_id', 'table_description': 'What a person chose. Without a row the defaults apply (server.push.policy).'},
        ),
        ops.AddField(
            model_name='User',
            name='hidden_from_feed',
            field=fields.BooleanField(default=False),
        ),
    ]
