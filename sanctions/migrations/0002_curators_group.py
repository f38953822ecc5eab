"""Create the Curators group with exactly the permissions curation needs.

Curators add and edit speeches, citations, claims and the reference data
(resolutions, clauses, actors, sources). Sentences are never edited by hand
(they come from the speech text), and speeches and resolutions are never
deleted from the admin, so no curation mistake can lose a permalink.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
ALL = ("add", "change", "delete", "view")
NO_DELETE = ("add", "change", "view")
VIEW = ("view",)

PERMISSIONS = {
    "speeches": {
        "meeting": NO_DELETE,
        "speaker": NO_DELETE,
        "speech": NO_DELETE,
        "speechpart": ALL,
        "sentence": VIEW,
        "sentencealias": VIEW,
    },
    "sanctions": {
        "resolution": NO_DELETE,
        "clause": NO_DELETE,
        "actor": NO_DELETE,
        "actoralias": ALL,
        "source": ALL,
        "timelineevent": ALL,
        "citation": ALL,
        "sentencereview": ALL,
        "claim": ALL,
        "claimactor": ALL,
        "claimquantity": ALL,
        "claimsentence": ALL,
        "claimclause": ALL,
        "seedrecord": VIEW,
    },
}


def codenames():
    for app_label, models in PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_curators(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they
    # exist now so the group can be given them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames()
    ]
    group.permissions.set(wanted)


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("speeches", "0001_initial"),
        ("sanctions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
