"""Kiosk links: a revocable, read-only link to one challenge's TV board (only the token's hash)."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_ui_shell')]

    initial = False

    operations = [
        ops.CreateModel(
            name='KioskLink',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='kiosk_links', on_delete=OnDelete.CASCADE)),
                ('challenge', fields.ForeignKeyField('elan.Challenge', source_field='challenge_id', db_constraint=True, to_field='id', related_name='kiosk_links', on_delete=OnDelete.CASCADE)),
                ('label', fields.CharField(max_length=80)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='kiosk_links', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'kiosk_link', 'app': 'elan', 'pk_attr': 'id', 'table_description': "A revocable, read-only link to one challenge's TV board, for a showroom screen."},
            bases=['Model'],
        ),
    ]
