"""Identity of the Perangkat Daerah a dataset writes into: no file takes over another agency.

A document names its PD by slug (`$.perangkat_daerah.slug`) and its pemda by name
(`$.pemda.nama`); the writer upserts on those keys. Without this check a file carrying an
existing slug with another name or pemda would rename that PD and move it to another pemda.

`periksa_identitas` runs after `skema.validasi` (it assumes a valid document) and before the
writer, in the writer's transaction:
- with `pd_tujuan` (the web import: the importing user's own PD) the file must name exactly
  that PD: its slug, and its name and pemda unless `boleh_ganti`;
- an existing PD of the same slug whose name or pemda differs is refused with both identities
  in the message, unless `boleh_ganti` (the command's `--ganti-identitas`, superuser only);
- a slug that does not exist yet is a new PD and passes.
An allowed change is returned as `GantiIdentitas` and audited by `catat_ganti_identitas`
(action `AKSI_GANTI_IDENTITAS`, old and new name and pemda), on top of the writer's own entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.audit import catat
from renstra.models import PerangkatDaerah

from .dokumen import DatasetTidakValid, Masalah

AKSI_GANTI_IDENTITAS = "dataset.ganti_identitas"

PATH_IDENTITAS = "$.perangkat_daerah"

PESAN_IDENTITAS_BERBEDA = (
    "Perangkat daerah '{slug}' sudah terdaftar sebagai {nama_lama} ({pemda_lama}), tetapi "
    "berkas menyebutnya {nama_baru} ({pemda_baru}). Berkas ini tidak dimuat agar identitas "
    "perangkat daerah lain tidak tertimpa; penggantian identitas hanya dapat dilakukan oleh "
    "superuser secara tegas."
)
PESAN_BUKAN_PD_TUJUAN = (
    "Berkas ini untuk perangkat daerah '{slug_berkas}' ({nama_berkas}, {pemda_berkas}), "
    "sedangkan impor ini hanya boleh menulis ke '{slug_tujuan}' ({nama_tujuan}, "
    "{pemda_tujuan}). Tidak ada yang disimpan."
)
KETERANGAN_GANTI_IDENTITAS = (
    "Identitas perangkat daerah '{slug}' diganti dari {nama_lama} ({pemda_lama}) menjadi "
    "{nama_baru} ({pemda_baru})."
)


@dataclass(frozen=True)
class GantiIdentitas:
    """An allowed identity change: the stored PD and its name and pemda before and after."""

    pd: PerangkatDaerah
    nama_lama: str
    pemda_lama: str
    nama_baru: str
    pemda_baru: str

    def teks(self) -> dict[str, str]:
        return {
            "slug": self.pd.slug,
            "nama_lama": self.nama_lama,
            "pemda_lama": self.pemda_lama,
            "nama_baru": self.nama_baru,
            "pemda_baru": self.pemda_baru,
        }


def periksa_identitas(
    dokumen: dict, *, pd_tujuan: PerangkatDaerah | None = None, boleh_ganti: bool = False
) -> GantiIdentitas | None:
    """Check the PD identity a validated `dokumen` claims; raise `DatasetTidakValid` if refused.

    Returns the allowed change when `boleh_ganti` lets an existing PD's name or pemda change,
    None when the identity is unchanged or the PD is new. Names are compared exactly as the
    writer would store them.
    """
    slug = dokumen["perangkat_daerah"]["slug"]
    nama_baru = dokumen["perangkat_daerah"]["nama"]
    pemda_baru = dokumen["pemda"]["nama"]
    if pd_tujuan is not None and slug != pd_tujuan.slug:
        pesan = PESAN_BUKAN_PD_TUJUAN.format(
            slug_berkas=slug,
            nama_berkas=nama_baru,
            pemda_berkas=pemda_baru,
            slug_tujuan=pd_tujuan.slug,
            nama_tujuan=pd_tujuan.nama,
            pemda_tujuan=pd_tujuan.pemda.nama,
        )
        raise DatasetTidakValid([Masalah(f"{PATH_IDENTITAS}.slug", pesan)])
    # Locked until the load commits: a concurrent rename cannot slip between check and write.
    pd = (
        PerangkatDaerah.objects.select_for_update(of=("self",))
        .select_related("pemda")
        .filter(slug=slug)
        .first()
    )
    if pd is None or (pd.nama == nama_baru and pd.pemda.nama == pemda_baru):
        return None
    ganti = GantiIdentitas(
        pd=pd,
        nama_lama=pd.nama,
        pemda_lama=pd.pemda.nama,
        nama_baru=nama_baru,
        pemda_baru=pemda_baru,
    )
    if not boleh_ganti:
        pesan = PESAN_IDENTITAS_BERBEDA.format(**ganti.teks())
        raise DatasetTidakValid([Masalah(PATH_IDENTITAS, pesan)])
    return ganti


def catat_ganti_identitas(ganti: GantiIdentitas, *, pengguna) -> None:
    """Audit an identity change the writer has just made (inside its transaction)."""
    perubahan = {}
    if ganti.nama_lama != ganti.nama_baru:
        perubahan["nama"] = [ganti.nama_lama, ganti.nama_baru]
    if ganti.pemda_lama != ganti.pemda_baru:
        perubahan["pemda"] = [ganti.pemda_lama, ganti.pemda_baru]
    catat(
        pengguna=pengguna,
        aksi=AKSI_GANTI_IDENTITAS,
        objek=ganti.pd,
        perangkat_daerah=ganti.pd,
        perubahan=perubahan,
        keterangan=KETERANGAN_GANTI_IDENTITAS.format(**ganti.teks()),
    )
