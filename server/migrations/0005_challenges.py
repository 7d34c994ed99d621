from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from server.challenges.models import Aggregation, ChallengeFormat, ChallengeStatus, DuelState, LeagueRule, ParticipantKind, Recurrence, ScoringMode, Visibility
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('elan', '0004_badges')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Challenge',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='challenges', on_delete=OnDelete.CASCADE)),
                ('scope_unit', fields.ForeignKeyField('elan.Unit', source_field='scope_unit_id', db_constraint=True, to_field='id', related_name='challenges', on_delete=OnDelete.CASCADE)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='challenges_created', on_delete=OnDelete.SET_NULL)),
                ('name', fields.CharField(max_length=120)),
                ('description', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=ChallengeStatus.DRAFT, description='DRAFT: DRAFT\nSCHEDULED: SCHEDULED\nLIVE: LIVE\nCLOSED: CLOSED', enum_type=ChallengeStatus, max_length=10)),
                ('format', fields.CharEnumField(default=ChallengeFormat.RANKING, description='RANKING: RANKING\nRACE: RACE\nDUEL: DUEL', enum_type=ChallengeFormat, max_length=10)),
                ('participant_kind', fields.CharEnumField(default=ParticipantKind.USER, description='USER: USER\nUNIT: UNIT', enum_type=ParticipantKind, max_length=10)),
                ('scoring_mode', fields.CharEnumField(default=ScoringMode.PERCENT_OF_TARGET, description='PERCENT_OF_TARGET: PERCENT_OF_TARGET\nIMPROVEMENT: IMPROVEMENT\nABSOLUTE: ABSOLUTE', enum_type=ScoringMode, max_length=20)),
                ('league_rule', fields.CharEnumField(default=LeagueRule.NONE, description='NONE: NONE\nPOINT_OF_SALE_SIZE: POINT_OF_SALE_SIZE\nSENIORITY: SENIORITY', enum_type=LeagueRule, max_length=20)),
                ('rules', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('prizes', fields.CharField(default='', max_length=300)),
                ('visibility', fields.CharEnumField(default=Visibility.EVERYONE, description='EVERYONE: EVERYONE\nTOP_AND_AROUND: TOP_AND_AROUND', enum_type=Visibility, max_length=20)),
                ('top_n', fields.IntField(default=10)),
                ('recurrence', fields.CharEnumField(default=Recurrence.NONE, description='NONE: NONE\nWEEKLY: WEEKLY\nMONTHLY: MONTHLY', enum_type=Recurrence, max_length=10)),
                ('series_id', fields.IntField(null=True)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('duel_state', fields.CharEnumField(null=True, description='PENDING: PENDING\nACCEPTED: ACCEPTED\nDECLINED: DECLINED', enum_type=DuelState, max_length=10)),
                ('version', fields.BigIntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'challenge', 'app': 'elan', 'indexes': [Index(fields=['organization_id', 'status'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='IntegrationToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='integration_tokens', on_delete=OnDelete.CASCADE)),
                ('scope_unit', fields.ForeignKeyField('elan.Unit', source_field='scope_unit_id', db_constraint=True, to_field='id', related_name='integration_tokens', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=80)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='integration_tokens', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'integration_token', 'app': 'elan', 'pk_attr': 'id', 'table_description': "A revocable bearer token a CRM uses to push results into one unit's subtree."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='audit_entries', on_delete=OnDelete.CASCADE)),
                ('actor', fields.ForeignKeyField('elan.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='audit_entries', on_delete=OnDelete.SET_NULL)),
                ('token', fields.ForeignKeyField('elan.IntegrationToken', source_field='token_id', null=True, db_constraint=True, to_field='id', related_name='audit_entries', on_delete=OnDelete.SET_NULL)),
                ('action', fields.CharField(max_length=40)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audit_entry', 'app': 'elan', 'indexes': [Index(fields=['organization_id', 'id'])], 'pk_attr': 'id', 'table_description': 'Who changed what by hand (targets, results, corrections, rules).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LeaderboardPrivacy',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='leaderboard_privacy', on_delete=OnDelete.CASCADE)),
                ('hidden', fields.BooleanField(default=True)),
            ],
            options={'table': 'leaderboard_privacy', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'A person who asked to be hidden from the public screens (leaderboards, TV mode).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Metric',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='metrics', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=80)),
                ('unit_label', fields.CharField(default='', max_length=20)),
                ('higher_is_better', fields.BooleanField(default=True)),
                ('aggregation', fields.CharEnumField(default=Aggregation.SUM, description='SUM: SUM\nLATEST: LATEST', enum_type=Aggregation, max_length=10)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'metric', 'app': 'elan', 'unique_together': (('organization', 'name'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Participant',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('challenge', fields.ForeignKeyField('elan.Challenge', source_field='challenge_id', db_constraint=True, to_field='id', related_name='participants', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='participations', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', null=True, db_constraint=True, to_field='id', related_name='participations', on_delete=OnDelete.CASCADE)),
                ('display_name', fields.CharField(max_length=120)),
                ('unit_name', fields.CharField(default='', max_length=120)),
                ('league', fields.CharField(default='', max_length=40)),
                ('score', fields.FloatField(default=0)),
                ('tie', fields.BigIntField(default=0)),
                ('parts', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('thresholds_reached', fields.IntField(default=0)),
                ('final_rank', fields.IntField(null=True)),
                ('hidden', fields.BooleanField(default=False)),
                ('joined_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'challenge_participant', 'app': 'elan', 'unique_together': (('challenge', 'user', 'unit'),), 'indexes': [Index(fields=['challenge_id', 'league', 'score', 'tie', 'id']), Index(fields=['user_id']), Index(fields=['unit_id'])], 'pk_attr': 'id', 'table_description': 'A person or unit in a challenge, with its running score.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Result',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='results', on_delete=OnDelete.CASCADE)),
                ('metric', fields.ForeignKeyField('elan.Metric', source_field='metric_id', db_constraint=True, to_field='id', related_name='results', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='results', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', null=True, db_constraint=True, to_field='id', related_name='results', on_delete=OnDelete.CASCADE)),
                ('value', fields.FloatField()),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('reason', fields.CharField(null=True, max_length=300)),
                ('recorded_by', fields.ForeignKeyField('elan.User', source_field='recorded_by_id', null=True, db_constraint=True, to_field='id', related_name='results_recorded', on_delete=OnDelete.SET_NULL)),
                ('token', fields.ForeignKeyField('elan.IntegrationToken', source_field='token_id', null=True, db_constraint=True, to_field='id', related_name='results', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'result', 'app': 'elan', 'unique_together': (('organization', 'idempotency_key'),), 'indexes': [Index(fields=['metric_id', 'user_id', 'occurred_at']), Index(fields=['metric_id', 'unit_id', 'occurred_at'])], 'pk_attr': 'id', 'table_description': 'One recorded result, never edited: a correction is another signed result with a reason.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Target',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('metric', fields.ForeignKeyField('elan.Metric', source_field='metric_id', db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', null=True, db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('period_start', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('period_end', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('value', fields.FloatField()),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'target', 'app': 'elan', 'unique_together': (('metric', 'user', 'unit', 'period_start'),), 'pk_attr': 'id', 'table_description': 'An objective for one person or one unit on one metric over one period.'},
            bases=['Model'],
        ),
    ]
