from django.db import migrations, models


def _keep_only_who_agreed(apps, schema_editor):
    """Until now a finished self-serve assessment counted among peers without being asked. None
    of them has said yes, so none may count: their peer rows go, and each respondent is asked on
    their results page. Generated assessments are no one's: they stay as they were."""
    Assessment = apps.get_model("assessment", "Assessment")
    PeerScore = apps.get_model("assessment", "PeerScore")
    Assessment.objects.filter(is_synthetic=True).update(peer_benchmarks_consent=True)
    PeerScore.objects.filter(
        assessment__origin="self_serve",
        assessment__is_synthetic=False,
        assessment__attachment__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0004_origin_choices"),
        # The attachment to a client's timeline: an attached assessment follows the client.
        ("workshops", "0004_client_timeline"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="peer_benchmarks_consent",
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.RunPython(_keep_only_who_agreed, migrations.RunPython.noop),
    ]
