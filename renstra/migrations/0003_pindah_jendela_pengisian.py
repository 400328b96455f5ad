"""The entry windows and reopen requests move from kinerja to renstra (the layering: budget
entry needs them too and sits below kinerja). State only: the tables keep their names and rows;
the content types follow, so audit entries keep pointing at their objects."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _pindahkan_jenis_konten(apps, schema_editor, dari="kinerja", ke="renstra"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("jendelapengisian", "pembukaankembali"):
        if not ContentType.objects.filter(app_label=ke, model=model).exists():
            ContentType.objects.filter(app_label=dari, model=model).update(app_label=ke)


def _kembalikan_jenis_konten(apps, schema_editor):
    _pindahkan_jenis_konten(apps, schema_editor, dari="renstra", ke="kinerja")


class Migration(migrations.Migration):
    dependencies = [
        ("renstra", "0002_tabel_sumber_daya"),
        ("kinerja", "0003_pk_isi_ditandatangani"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PembukaanKembali",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("tahun", models.PositiveSmallIntegerField(verbose_name="tahun")),
                        ("triwulan", models.PositiveSmallIntegerField(verbose_name="triwulan")),
                        ("alasan", models.TextField(verbose_name="alasan")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("diminta", "Diminta"),
                                    ("disetujui", "Disetujui"),
                                    ("ditolak", "Ditolak"),
                                ],
                                default="diminta",
                                max_length=10,
                            ),
                        ),
                        (
                            "berlaku_sampai",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="berlaku sampai"
                            ),
                        ),
                        ("dibuat", models.DateTimeField(auto_now_add=True)),
                        (
                            "diminta_oleh",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "diputus_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "perangkat_daerah",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="pembukaan_kembali",
                                to="renstra.perangkatdaerah",
                            ),
                        ),
                        (
                            "unit_kerja",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="renstra.unitkerja",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "pembukaan kembali periode",
                        "verbose_name_plural": "pembukaan kembali periode",
                        "db_table": "kinerja_pembukaankembali",
                        "ordering": ["-dibuat"],
                    },
                ),
                migrations.CreateModel(
                    name="JendelaPengisian",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("tahun", models.PositiveSmallIntegerField(verbose_name="tahun")),
                        ("triwulan", models.PositiveSmallIntegerField(verbose_name="triwulan")),
                        ("dibuka", models.DateField(verbose_name="dibuka")),
                        ("ditutup", models.DateField(verbose_name="ditutup")),
                        (
                            "perangkat_daerah",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="jendela_pengisian",
                                to="renstra.perangkatdaerah",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "jendela pengisian",
                        "verbose_name_plural": "jendela pengisian",
                        "db_table": "kinerja_jendelapengisian",
                        "ordering": ["perangkat_daerah", "tahun", "triwulan"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("perangkat_daerah", "tahun", "triwulan"),
                                name="kinerja_jendela_unik",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("ditutup__gte", models.F("dibuka"))),
                                name="kinerja_jendela_tutup_setelah_buka",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("triwulan__gte", 1), ("triwulan__lte", 4)),
                                name="kinerja_jendela_triwulan_1_4",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(_pindahkan_jenis_konten, _kembalikan_jenis_konten),
    ]
