"""The entry windows and reopen requests now belong to renstra (renstra 0003): removed from the
state of kinerja only; the tables stay, under their old names, owned by renstra."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kinerja", "0003_pk_isi_ditandatangani"),
        ("renstra", "0003_pindah_jendela_pengisian"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="JendelaPengisian"),
                migrations.DeleteModel(name="PembukaanKembali"),
            ],
        ),
    ]
