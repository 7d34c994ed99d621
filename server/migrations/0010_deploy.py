from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("elan", "0009_people")]

    initial = False

    operations = [
        ops.AddField(
            model_name="PushSubscription",
            name="vapid_key",
            field=fields.CharField(null=True, max_length=100),
        ),
    ]
