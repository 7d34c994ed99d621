from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from server.feed.models import PostAudience


class Migration(migrations.Migration):
    dependencies = [('elan', '0004_badges')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Comment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('elan.User', source_field='author_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.CASCADE)),
                ('body', fields.TextField(unique=False)),
                ('idempotency_key', fields.CharField(null=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('edited_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'post_comment', 'app': 'elan', 'unique_together': (('author', 'idempotency_key'),), 'indexes': [Index(fields=['post_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A flat thread under a post.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Media',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(unique=True, max_length=40)),
                ('owner', fields.ForeignKeyField('elan.User', source_field='owner_id', db_constraint=True, to_field='id', related_name='media', on_delete=OnDelete.CASCADE)),
                ('organization_id', fields.IntField(db_index=True)),
                ('width', fields.IntField()),
                ('height', fields.IntField()),
                ('feed_width', fields.IntField()),
                ('feed_height', fields.IntField()),
                ('size_bytes', fields.IntField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'media', 'app': 'elan', 'pk_attr': 'id', 'table_description': 'An image re-encoded on upload, kept as two WebP files in the media storage.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PostImage',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='images', on_delete=OnDelete.CASCADE)),
                ('media', fields.ForeignKeyField('elan.Media', source_field='media_id', unique=True, db_constraint=True, to_field='id', related_name='post_images', on_delete=OnDelete.CASCADE)),
                ('position', fields.SmallIntField(default=0)),
            ],
            options={'table': 'post_image', 'app': 'elan', 'indexes': [Index(fields=['post_id', 'position'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PostMention',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='mentions', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('elan.User', source_field='user_id', db_constraint=True, to_field='id', related_name='mentioned_in', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'post_mention', 'app': 'elan', 'unique_together': (('post', 'user'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PostReport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reporter', fields.ForeignKeyField('elan.User', source_field='reporter_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reason', fields.CharField(max_length=300)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'post_report', 'app': 'elan', 'unique_together': (('post', 'reporter'),), 'pk_attr': 'id', 'table_description': 'Someone flagged a post. Managers whose scope holds the post see it until resolved.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PostTag',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='tags', on_delete=OnDelete.CASCADE)),
                ('tag', fields.CharField(max_length=40)),
            ],
            options={'table': 'post_tag', 'app': 'elan', 'unique_together': (('post', 'tag'),), 'indexes': [Index(fields=['tag', 'post_id'])], 'pk_attr': 'id', 'table_description': 'A `#tag` of a post, lower-cased without the hash.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Recommendation',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('post', fields.ForeignKeyField('elan.Post', source_field='post_id', db_constraint=True, to_field='id', related_name='recommendations', on_delete=OnDelete.CASCADE)),
                ('unit', fields.ForeignKeyField('elan.Unit', source_field='unit_id', db_constraint=True, to_field='id', related_name='recommendations', on_delete=OnDelete.CASCADE)),
                ('recommended_by', fields.ForeignKeyField('elan.User', source_field='recommended_by_id', db_constraint=True, to_field='id', related_name='recommendations', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'post_recommendation', 'app': 'elan', 'unique_together': (('post', 'unit'),), 'indexes': [Index(fields=['unit_id', 'ends_at'])], 'pk_attr': 'id', 'table_description': 'A manager pins a best practice at the top of the feeds of a unit and below, for a while.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Post',
            name='action',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Post',
            name='audience',
            field=fields.CharEnumField(default=PostAudience.NETWORK, description='UNIT: UNIT\nREGION: REGION\nNETWORK: NETWORK', enum_type=PostAudience, max_length=10),
        ),
        ops.AddField(
            model_name='Post',
            name='audience_unit',
            field=fields.ForeignKeyField('elan.Unit', source_field='audience_unit_id', null=True, db_constraint=True, to_field='id', related_name='audience_posts', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Post',
            name='context',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name='Post',
            name='edited_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Post',
            name='figure',
            field=fields.CharField(null=True, max_length=60),
        ),
        ops.AddField(
            model_name='Post',
            name='hidden_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Post',
            name='hidden_by',
            field=fields.ForeignKeyField('elan.User', source_field='hidden_by_id', null=True, db_constraint=True, to_field='id', related_name='hidden_posts', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Post',
            name='hidden_reason',
            field=fields.CharField(null=True, max_length=300),
        ),
        ops.AddField(
            model_name='Post',
            name='product',
            field=fields.CharField(null=True, max_length=80),
        ),
        ops.AddField(
            model_name='Post',
            name='result',
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddIndex(
            model_name='Post',
            index=Index(fields=['audience_unit_id', 'id']),
        ),
    ]
