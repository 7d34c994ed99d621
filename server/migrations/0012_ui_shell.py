"""Profile photos: a person's photo is one upload of the media service (square WebP)."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('elan', '0012_texts')]

    initial = False

    operations = [
        ops.AddField(
            model_name='User',
            name='photo_media',
            field=fields.ForeignKeyField('elan.Media', source_field='photo_media_id', null=True, db_constraint=True, to_field='id', related_name='photo_of', on_delete=OnDelete.SET_NULL),
        ),
    ]
