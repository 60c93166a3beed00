from django.db import migrations, models


def from_the_first_phone(apps, schema_editor):
    """A workshop created before the field answers the questionnaire its first phone was given,
    as it did until now; one without phones keeps the default, the current version."""
    Workshop = apps.get_model("workshops", "Workshop")
    Participant = apps.get_model("workshops", "Participant")
    for workshop in Workshop.objects.all().only("pk").iterator():
        version = (
            Participant.objects.filter(workshop_id=workshop.pk)
            .order_by("created_at", "pk")
            .values_list("assessment__questionnaire_version", flat=True)
            .first()
        )
        if version:
            Workshop.objects.filter(pk=workshop.pk).update(questionnaire_version=version)


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0012_merge_0011_campaign_0011_workshop_without_client"),
    ]

    operations = [
        migrations.AddField(
            model_name="workshop",
            name="questionnaire_version",
            field=models.CharField(default="2027-1", max_length=20),
        ),
        migrations.RunPython(from_the_first_phone, migrations.RunPython.noop),
    ]
