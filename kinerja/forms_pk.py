"""Forms of the Perjanjian Kinerja pages. They parse and present; the rules live in kinerja.pk."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from common.formatting import parse_desimal
from kinerja.capaian import PREDIKAT
from kinerja.models import AlasanPerubahanPK, PerjanjianKinerja, PKIndikator
from kinerja.pk import ESELON_PK, teks_nilai
from renstra.models import Indikator, Pejabat, PerangkatDaerah

PESAN_TARGET_TIDAK_SAH = (
    "Target harus berupa angka (mis. 1.234 atau 7,8), predikat (AA, A, BB, B, CC, C, D) "
    "atau rentang (mis. 80–90)."
)
PESAN_TAHUN_TIDAK_SAH = "Tahun harus antara 2000 dan 2100."

_POLA_RENTANG = re.compile(
    r"^\s*(?P<bawah>[0-9][0-9.,]*)\s*(?:[-\u2013\u2014]|s\.?\s*d\.?|s/d)\s*(?P<atas>[0-9][0-9.,]*)\s*$",
    re.IGNORECASE,
)


def urai_target(teks: str) -> dict[str, Any]:
    """Read a target typed by a person: a number in Indonesian notation ("1.234", "7,8"), a
    predikat letter or a range ("80–90"). Returns the NilaiTargetMixin fields."""
    teks = (teks or "").strip().replace("%", "").strip()
    kosong = {"nilai": None, "predikat": "", "batas_bawah": None, "batas_atas": None}
    if not teks:
        return kosong
    if teks.upper() in PREDIKAT:
        return {**kosong, "predikat": teks.upper()}
    try:
        if cocok := _POLA_RENTANG.match(teks):
            return {
                **kosong,
                "batas_bawah": parse_desimal(cocok["bawah"], titik_ribuan=True),
                "batas_atas": parse_desimal(cocok["atas"], titik_ribuan=True),
            }
        return {**kosong, "nilai": parse_desimal(teks, titik_ribuan=True)}
    except (ValueError, TypeError) as exc:
        raise forms.ValidationError(PESAN_TARGET_TIDAK_SAH) from exc


def gaya_bootstrap(form: forms.BaseForm) -> None:
    """Bootstrap classes on the widgets (the project's templates render fields bare)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            kelas = "form-check-input"
        elif isinstance(widget, forms.Select):
            kelas = "form-select form-select-sm"
        else:
            kelas = "form-control form-control-sm"
        widget.attrs.setdefault("class", kelas)


class _Bergaya:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gaya_bootstrap(self)


def teks_target_isian(baris: PKIndikator) -> str:
    """The row's target as the input shows it (the inverse of `urai_target`)."""
    nilai = baris.nilai_masukan()
    if nilai is None:
        return ""
    return teks_nilai(nilai, "")


class SusunPKForm(_Bergaya, forms.Form):
    pejabat = forms.ModelChoiceField(
        queryset=Pejabat.objects.none(), label="Pejabat (pihak pertama)"
    )
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)

    def __init__(self, *args, pd: PerangkatDaerah, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pejabat"].queryset = Pejabat.objects.filter(
            perangkat_daerah=pd, aktif=True, eselon__in=ESELON_PK
        ).order_by("eselon", "unit_kerja_id", "id")
        self.fields["pejabat"].label_from_instance = lambda p: (
            f"{p.nama or p.jabatan} — {p.jabatan_cetak} ({p.get_eselon_display()})"
        )


class KepalaPKForm(_Bergaya, forms.ModelForm):
    class Meta:
        model = PerjanjianKinerja
        fields = [
            "pihak_pertama",
            "pihak_kedua",
            "pihak_kedua_nama",
            "pihak_kedua_jabatan",
            "pihak_kedua_nip",
            "tempat",
            "tanggal",
            "tanggal_hanya_bulan",
        ]
        widgets = {"tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "pihak_kedua": (
                "Kosongkan bila pihak kedua adalah kepala daerah (Bupati/Walikota/Gubernur)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pejabat = Pejabat.objects.filter(
            perangkat_daerah=self.instance.perangkat_daerah, aktif=True
        )
        self.fields["pihak_pertama"].queryset = pejabat.filter(eselon__in=ESELON_PK)
        self.fields["pihak_kedua"].queryset = pejabat

    def _post_clean(self):
        # The service validates and saves (kinerja.pk.pk_ubah_kepala); the form must not
        # touch the instance, which may be frozen.
        pass


class BarisPKForm(_Bergaya, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput)
    sasaran_uraian = forms.CharField(
        label="Sasaran", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    uraian = forms.CharField(label="Indikator kinerja", widget=forms.Textarea(attrs={"rows": 2}))
    satuan = forms.CharField(label="Satuan", required=False, max_length=50)
    target = forms.CharField(
        label="Target",
        required=False,
        help_text="Angka (1.234 atau 7,8), predikat (BB) atau rentang (80–90).",
    )
    alasan_selisih = forms.CharField(
        label="Alasan berbeda dari Renja/Renstra",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    indikator_atasan = forms.TypedChoiceField(
        label="Mendukung indikator atasan", required=False, coerce=int, empty_value=None
    )
    hapus = forms.BooleanField(label="Hapus", required=False)

    def __init__(self, *args, pilihan_atasan: list[tuple[int | str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator_atasan"].choices = [("", "— belum ditautkan —"), *pilihan_atasan]

    def clean_target(self) -> dict[str, Any]:
        return urai_target(self.cleaned_data.get("target", ""))

    @staticmethod
    def initial_dari(baris: PKIndikator) -> dict[str, Any]:
        return {
            "id": baris.pk,
            "sasaran_uraian": baris.sasaran_uraian,
            "uraian": baris.uraian,
            "satuan": baris.satuan,
            "target": teks_target_isian(baris),
            "alasan_selisih": baris.alasan_selisih,
            "indikator_atasan": baris.indikator_atasan_id,
        }


class BaseBarisFormSet(forms.BaseFormSet):
    def __init__(self, *args, pilihan_atasan=(), **kwargs):
        self.pilihan_atasan = list(pilihan_atasan)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["pilihan_atasan"] = self.pilihan_atasan
        return kwargs


BarisPKFormSet = forms.formset_factory(BarisPKForm, formset=BaseBarisFormSet, extra=0)


class TambahIndikatorForm(_Bergaya, forms.Form):
    indikator = forms.ModelChoiceField(
        queryset=Indikator.objects.none(), label="Tambah indikator dari rencana"
    )

    def __init__(self, *args, pk: PerjanjianKinerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = (
            Indikator.objects.filter(perangkat_daerah=pk.perangkat_daerah)
            .exclude(pk__in=pk.indikator.exclude(indikator=None).values("indikator"))
            .exclude(tujuan__isnull=False)
            .order_by("kode")
        )
        self.fields["indikator"].label_from_instance = lambda i: f"{i.kode} — {i.uraian}"


class TandaTanganForm(_Bergaya, forms.Form):
    kata_sandi = forms.CharField(
        label="Kata sandi Anda",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Masukkan kembali kata sandi untuk menandatangani.",
    )


class PindaianForm(TandaTanganForm):
    berkas = forms.FileField(label="Pindaian halaman bertanda tangan (PDF, JPG atau PNG)")
    konfirmasi = forms.BooleanField(
        label=(
            "Saya menyatakan pindaian ini adalah halaman PK yang telah ditandatangani pihak kedua."
        ),
    )


class PerubahanForm(_Bergaya, forms.Form):
    alasan = forms.ChoiceField(label="Alasan perubahan", choices=AlasanPerubahanPK.choices)
    uraian = forms.CharField(label="Uraian perubahan", widget=forms.Textarea(attrs={"rows": 3}))


class KembaliDrafForm(_Bergaya, forms.Form):
    alasan = forms.CharField(
        label="Alasan dikembalikan ke draf", widget=forms.Textarea(attrs={"rows": 2})
    )
