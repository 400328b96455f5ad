"""Forms of the quarterly entry screens.

Numbers are typed in Indonesian notation and read by `common.formatting.parse_desimal` (the one
place): "1.234,5" and "1,234.5" are both 1234,5; a lone dot groups thousands ("7.489" is 7489).
Every bad input gets an Indonesian message, never a server error; values must fit the
database's DecimalField(max_digits=20, decimal_places=4).
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from common.forms import (  # noqa: F401  (the entry forms' messages, asserted by tests)
    PESAN_DESIMAL_BERLEBIH,
    PESAN_NEGATIF,
    PESAN_TERLALU_BESAR,
    PESAN_WAJIB_DIISI,
    AngkaField,
    KembalikanForm,
)
from renstra.models import JenisNilai

from . import capaian as mesin

PESAN_NILAI_ATAU_PREDIKAT = "Isi predikat (AA sampai D) atau nilai angkanya."
PESAN_TAHUN_TIDAK_SAH = "Tahun harus antara 2000 dan 2100."
PESAN_PENYEBUT_NOL = "Penyebut tidak boleh 0."


def _teks(label: str, bantuan: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=5000,
        help_text=bantuan,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class RealisasiForm(forms.Form):
    """The value of one indicator for one quarter, with the analysis texts.

    Which value fields appear depends on the indicator: pembilang and penyebut when it has
    label_pembilang/label_penyebut (the value is computed as pembilang / penyebut × 100), a
    predikat letter or a score for a predikat indicator, else the value itself.
    """

    nilai = AngkaField(label="Realisasi", required=False)
    predikat = forms.ChoiceField(
        label="Predikat",
        required=False,
        choices=[("", "—")] + [(p, p) for p in mesin.PREDIKAT],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    pembilang = AngkaField(label="Pembilang", required=False)
    penyebut = AngkaField(label="Penyebut", required=False)
    faktor_pendorong = _teks("Faktor pendorong")
    faktor_penghambat = _teks("Faktor penghambat")
    tindak_lanjut = _teks("Upaya / tindak lanjut")
    penjelasan = _teks("Penjelasan capaian", "Wajib bila capaian di bawah 10% atau di atas 150%.")
    versi = forms.IntegerField(min_value=0, initial=0, widget=forms.HiddenInput)

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        self.rasio = bool(indikator.label_pembilang and indikator.label_penyebut)
        self.predikat_aktif = indikator.jenis_nilai == JenisNilai.PREDIKAT
        if self.rasio:
            del self.fields["nilai"]
            self.fields["pembilang"].label = indikator.label_pembilang
            self.fields["penyebut"].label = indikator.label_penyebut
            self.fields["pembilang"].required = True
            self.fields["penyebut"].required = True
        else:
            del self.fields["pembilang"], self.fields["penyebut"]
            satuan = f" ({indikator.satuan})" if indikator.satuan else ""
            self.fields["nilai"].label = f"Realisasi triwulan ini{satuan}"
            self.fields["nilai"].required = not self.predikat_aktif
            if self.predikat_aktif:
                self.fields["nilai"].label = f"Nilai/skor{satuan}"
        if not self.predikat_aktif:
            del self.fields["predikat"]

    def clean(self):
        data = super().clean()
        kosong = data.get("nilai") is None and not data.get("predikat")
        if self.predikat_aktif and not self.rasio and kosong and not self.errors:
            raise forms.ValidationError(PESAN_NILAI_ATAU_PREDIKAT)
        if self.rasio and data.get("penyebut") == 0:
            self.add_error("penyebut", PESAN_PENYEBUT_NOL)
        return data

    def data_layanan(self) -> dict:
        """cleaned_data keyed as `realisasi_simpan` expects."""
        d = self.cleaned_data
        return {
            "nilai": d.get("nilai"),
            "predikat": d.get("predikat") or "",
            "pembilang": d.get("pembilang"),
            "penyebut": d.get("penyebut"),
            "faktor_pendorong": d.get("faktor_pendorong", ""),
            "faktor_penghambat": d.get("faktor_penghambat", ""),
            "tindak_lanjut": d.get("tindak_lanjut", ""),
            "penjelasan": d.get("penjelasan", ""),
        }


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas (PDF, JPG, PNG, XLSX, DOCX; maks. 10 MB)",
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"class": "form-control", "accept": ".pdf,.jpg,.jpeg,.png,.xlsx,.docx"}
        ),
    )
    tautan = forms.CharField(
        label="atau tautan",
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"class": "form-control", "placeholder": "https://"}),
    )
    keterangan = forms.CharField(
        label="Keterangan",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


def _pilihan_triwulan():
    return [
        (n, f"TW {mesin_romawi}")
        for n, mesin_romawi in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
    ]


class TahunField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "required": PESAN_WAJIB_DIISI,
                "invalid": PESAN_TAHUN_TIDAK_SAH,
                "min_value": PESAN_TAHUN_TIDAK_SAH,
                "max_value": PESAN_TAHUN_TIDAK_SAH,
            },
        )
        super().__init__(min_value=2000, max_value=2100, **kwargs)


class PembukaanForm(forms.Form):
    tahun = TahunField(label="Tahun", widget=forms.NumberInput(attrs={"class": "form-control"}))
    triwulan = forms.TypedChoiceField(
        label="Triwulan",
        coerce=int,
        choices=_pilihan_triwulan,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    unit_kerja = forms.ModelChoiceField(
        label="Unit kerja",
        queryset=None,
        required=False,
        empty_label="Seluruh perangkat daerah",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    alasan = forms.CharField(
        label="Alasan",
        max_length=2000,
        error_messages={"required": "Alasan pembukaan kembali wajib diisi."},
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )

    def __init__(self, *args, pd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_kerja"].queryset = pd.unit_kerja.all()


class PutusPembukaanForm(forms.Form):
    keputusan = forms.ChoiceField(choices=[("setujui", "Setujui"), ("tolak", "Tolak")])
    berlaku_sampai = forms.DateField(
        label="Berlaku sampai",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Tanggal tidak sah."},
    )

    def clean(self):
        data = super().clean()
        if data.get("keputusan") == "setujui" and not data.get("berlaku_sampai"):
            self.add_error("berlaku_sampai", PESAN_WAJIB_DIISI)
        return data

    def berlaku_sampai_waktu(self) -> datetime.datetime | None:
        """End of the chosen day, local time."""
        tanggal = self.cleaned_data.get("berlaku_sampai")
        if tanggal is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(23, 59, 59)))


class JendelaForm(forms.Form):
    tahun = TahunField(widget=forms.HiddenInput)
    triwulan = forms.TypedChoiceField(
        coerce=int, choices=_pilihan_triwulan, widget=forms.HiddenInput
    )
    dibuka = forms.DateField(
        label="Dibuka",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control form-control-sm input-tanggal"},
            format="%Y-%m-%d",
        ),
        error_messages={"required": PESAN_WAJIB_DIISI, "invalid": "Tanggal tidak sah."},
    )
    ditutup = forms.DateField(
        label="Ditutup",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control form-control-sm input-tanggal"},
            format="%Y-%m-%d",
        ),
        error_messages={"required": PESAN_WAJIB_DIISI, "invalid": "Tanggal tidak sah."},
    )
