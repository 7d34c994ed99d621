import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from server.accounts.models import Role
from server.mail.models import MailStatus


class Migration(migrations.Migration):
    dependencies = [("elan", "0008_trust_social")]

    initial = False

    operations = [
        ops.CreateModel(
            name='EmailInvite',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('elan.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='email_invites', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='email_invites', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(default=Role.MEMBER, description='ADMIN: ADMIN\nMANAGER: MANAGER\nMEMBER: MEMBER', enum_type=Role, max_length=10)),
                ('email', fields.CharField(max_length=254)),
                ('display_name', fields.CharField(default='', max_length=80)),
                ('language', fields.CharField(default='fr', max_length=5)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('elan.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='email_invites_sent', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('send_count', fields.IntField(default=1)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='accepted_invite', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'email_invite', 'app': 'elan', 'indexes': [Index(fields=['organization_id', 'email'])], 'pk_attr': 'id', 'table_description': 'An invitation sent to one e-mail address, for a unit with a role: the link is valid'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MailMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('organization_id', fields.IntField(null=True)),
                ('to_address', fields.CharField(max_length=254)),
                ('kind', fields.CharField(max_length=40)),
                ('language', fields.CharField(default='fr', max_length=5)),
                ('params', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=MailStatus.PENDING, description='PENDING: PENDING\nSENT: SENT\nFAILED: FAILED\nLOGGED: LOGGED', enum_type=MailStatus, max_length=10)),
                ('attempts', fields.IntField(default=0)),
                ('not_before', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(null=True, max_length=64)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(null=True, max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'mail_message', 'app': 'elan', 'indexes': [Index(fields=['status', 'not_before'])], 'pk_attr': 'id', 'table_description': 'One mail to one address, written in the transaction of the change that causes it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PasswordReset',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='password_resets', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'password_reset', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'A « mot de passe oublié » link: single-use, valid one hour. Only the SHA-256 of its'},
            bases=['Model'],
        ),
        ops.AlterModelOptions(
            name='AuditEntry',
            options={'table': 'audit_entry', 'app': 'elan', 'indexes': [Index(fields=['organization_id', 'id']), Index(fields=['organization_id', 'subject_type', 'subject_id'])], 'pk_attr': 'id', 'table_description': 'Who changed what, in one organisation: an actor (a person, or an integration token), an'},
        ),
        ops.AddField(
            model_name='AuditEntry',
            name='after',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='AuditEntry',
            name='before',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='AuditEntry',
            name='subject_id',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='AuditEntry',
            name='subject_type',
            field=fields.CharField(null=True, max_length=30),
        ),
        ops.AddIndex(
            model_name='AuditEntry',
            index=Index(fields=['organization_id', 'subject_type', 'subject_id']),
        ),
    ]
