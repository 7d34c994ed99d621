from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("elan", "0006_deferred")]

    initial = False

    operations = [
        ops.AddField(
            model_name="User",
            name="deactivated_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
