"""The performance plan as the network lives it: objectives per unit and period, head-office
functions (the organisation's list, who carries which), lever owners, partner agencies'
grants with the brand each agency person works on, and the improvement actions whose effect
the plan measures."""

import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

from server.plans.models import ImprovementKind, PlanPeriod


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_network')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AgencyGrant',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('agency_organization', fields.ForeignKeyField('elan.Organization', source_field='agency_organization_id', db_constraint=True, to_field='id', related_name='agency_grants', on_delete=OnDelete.CASCADE)),
                ('brand_organization', fields.ForeignKeyField('elan.Organization', source_field='brand_organization_id', db_constraint=True, to_field='id', related_name='granted_agencies', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='agency_grants', on_delete=OnDelete.CASCADE)),
                ('content', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('granted_by_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'agency_grant', 'app': 'elan', 'pk_attr': 'id', 'table_description': "A brand lets an agency work on (part of) its network: on `unit`'s subtree, managing"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AgencyChoice',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='agency_choice', on_delete=OnDelete.CASCADE)),
                ('grant', fields.ForeignKeyField('elan.AgencyGrant', source_field='grant_id', db_constraint=True, to_field='id', related_name='choices', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'agency_choice', 'app': 'elan', 'pk_attr': 'id', 'table_description': "The brand an agency's person works on now (the brand switcher)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Function',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='functions', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=40)),
                ('name', fields.CharField(max_length=80)),
                ('manages', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'org_function', 'app': 'elan', 'unique_together': (('organization_id', 'key'),), 'pk_attr': 'id', 'table_description': "One of an organisation's functions. `key` is stable (« qualite »), `name` is shown."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ImprovementAction',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization_id', fields.IntField(db_index=True)),
                ('kind', fields.CharEnumField(description='ACTION_PLAN: ACTION_PLAN\nCHALLENGE: CHALLENGE\nTRAINING_CAMPAIGN: TRAINING_CAMPAIGN', enum_type=ImprovementKind, max_length=20)),
                ('subject_id', fields.IntField()),
                ('title', fields.CharField(max_length=120)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='improvement_actions', on_delete=OnDelete.CASCADE)),
                ('indicator', fields.CharField(max_length=20)),
                ('baseline', fields.FloatField(null=True)),
                ('window_days', fields.IntField(default=30)),
                ('started_on', fields.DateField()),
                ('ends_on', fields.DateField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'improvement_action', 'app': 'elan', 'unique_together': (('kind', 'subject_id'),), 'pk_attr': 'id', 'table_description': "An action plan, a challenge or a training campaign, as the plan's continuous improvement"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PersonFunction',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='functions', on_delete=OnDelete.CASCADE)),
                ('function', fields.ForeignKeyField('elan.Function', source_field='function_id', db_constraint=True, to_field='id', related_name='people', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'person_function', 'app': 'elan', 'unique_together': (('user_id', 'function_id'),), 'pk_attr': 'id', 'table_description': 'A head-office person carries a function.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PlanObjective',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization_id', fields.IntField(db_index=True)),
                ('plan', fields.ForeignKeyField('elan.PerformancePlan', source_field='plan_id', db_constraint=True, to_field='id', related_name='objectives', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='plan_objectives', on_delete=OnDelete.CASCADE)),
                ('lever', fields.CharField(max_length=20)),
                ('period', fields.CharEnumField(default=PlanPeriod.PLAN, description='PLAN: PLAN\nQUARTER: QUARTER\nMONTH: MONTH', enum_type=PlanPeriod, max_length=10)),
                ('period_start', fields.DateField()),
                ('target', fields.FloatField()),
                ('owner_function_id', fields.IntField(null=True)),
                ('set_by_id', fields.IntField(null=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'plan_objective', 'app': 'elan', 'unique_together': (('plan_id', 'unit_id', 'lever', 'period', 'period_start'),), 'pk_attr': 'id', 'table_description': "An objective of a plan for one lever, one unit's subtree and one period."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='PerformancePlan',
            name='lever_owners',
            field=fields.JSONField(default=dict, db_default={}, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='PerformancePlan',
            name='skills_level_target',
            field=fields.FloatField(default=3, db_default=3),
        ),
    ]
