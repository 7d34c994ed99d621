"""Content authoring: a module's publication (draft, published, archived) and its dates; a
section's image uploaded to the media service."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

from server.training.models import Publication


class Migration(migrations.Migration):
    dependencies = [('elan', '0010_deploy')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ModuleSection',
            name='image_media',
            field=fields.ForeignKeyField('elan.Media', source_field='image_media_id', null=True, db_constraint=True, to_field='id', related_name='training_sections', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='TrainingModule',
            name='archived_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='TrainingModule',
            name='publication',
            field=fields.CharEnumField(default=Publication.PUBLISHED, db_default=Publication.PUBLISHED, description='DRAFT: DRAFT\nPUBLISHED: PUBLISHED\nARCHIVED: ARCHIVED', enum_type=Publication, max_length=10),
        ),
        ops.AddField(
            model_name='TrainingModule',
            name='published_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='TrainingModule',
            name='updated_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
