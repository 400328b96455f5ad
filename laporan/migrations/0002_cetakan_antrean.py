"""Kept PDFs become jobs on the task queue: an idempotent job key, the queued task's id,
the number of renders started and when the job was queued and picked up."""

from django.db import migrations, models


def isi_kunci(apps, schema_editor):
    Cetakan = apps.get_model("laporan", "Cetakan")
    for c in Cetakan.objects.all().only("pk", "laporan_id", "edisi_id", "sidik"):
        c.kunci = f"{c.laporan_id}/{c.edisi_id or 'draf'}/{c.sidik}"
        c.save(update_fields=["kunci"])


class Migration(migrations.Migration):

    dependencies = [
        ("laporan", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="cetakan",
            name="kunci",
            field=models.CharField(max_length=120, null=True, verbose_name="kunci tugas"),
        ),
        migrations.RunPython(isi_kunci, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="cetakan",
            name="kunci",
            field=models.CharField(max_length=120, unique=True, verbose_name="kunci tugas"),
        ),
        migrations.AddField(
            model_name="cetakan",
            name="tugas_id",
            field=models.CharField(blank=True, max_length=64, verbose_name="id tugas antrean"),
        ),
        migrations.AddField(
            model_name="cetakan",
            name="percobaan",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="jumlah percobaan"),
        ),
        migrations.AddField(
            model_name="cetakan",
            name="diantrekan",
            field=models.DateTimeField(blank=True, null=True, verbose_name="masuk antrean"),
        ),
        migrations.AddField(
            model_name="cetakan",
            name="dikerjakan",
            field=models.DateTimeField(blank=True, null=True, verbose_name="mulai dikerjakan"),
        ),
    ]
