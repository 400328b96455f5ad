"""Plan maintenance forms: indicator attributes and targets per year and quarter."""

from __future__ import annotations

import re

from django import forms

from common.formatting import PREDIKAT
from common.forms import AngkaField

from .models import Indikator, JenisNilai, JenisTarget

PESAN_RENTANG_TIDAK_SAH = "Tulis rentang sebagai dua angka, misalnya 80–90."
PESAN_RENTANG_TERBALIK = "Batas bawah rentang tidak boleh lebih besar dari batas atas."

_PEMISAH_RENTANG = re.compile(r"\s*(?:–|—|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?|\s-\s|-)\s*", re.I)

KOLOM_INDIKATOR = (
    "uraian",
    "satuan",
    "iku",
    "jenis_nilai",
    "polaritas",
    "rumus_negatif",
    "cara_agregasi",
    "persen_dari_keseluruhan",
    "formula",
    "definisi_operasional",
    "sumber_data",
    "label_pembilang",
    "label_penyebut",
    "penanggung_jawab",
    "kondisi_awal",
    "kondisi_akhir",
)


class IndikatorForm(forms.ModelForm):
    class Meta:
        model = Indikator
        fields = KOLOM_INDIKATOR
        widgets = {
            "uraian": forms.Textarea(attrs={"rows": 2}),
            "formula": forms.Textarea(attrs={"rows": 2}),
            "definisi_operasional": forms.Textarea(attrs={"rows": 2}),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, pd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penanggung_jawab"].queryset = pd.unit_kerja.all()
        self.fields["penanggung_jawab"].empty_label = "— (ikut unit program/kegiatan)"
        for nama, field in self.fields.items():
            kelas = (
                "form-check-input"
                if isinstance(field.widget, forms.CheckboxInput)
                else ("form-select" if isinstance(field.widget, forms.Select) else "form-control")
            )
            field.widget.attrs.setdefault("class", kelas)
            if nama in ("label_pembilang", "label_penyebut"):
                field.help_text = (
                    "Isi keduanya bila nilai dihitung dari pembilang ÷ penyebut × 100."
                )


class TargetField(forms.CharField):
    """A target as typed: a number, a predikat letter (predikat indicators) or a range
    "80–90" (range indicators). Cleans to {"nilai"|"predikat"|"batas_bawah"+"batas_atas"} or
    None when empty."""

    def __init__(self, *, jenis_nilai: str, **kwargs):
        self.jenis_nilai = jenis_nilai
        self.angka = AngkaField(required=False)
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"class": "form-control angka", "inputmode": "decimal"})
        )
        super().__init__(**kwargs)

    def _angka(self, teks: str):
        nilai = self.angka.clean(teks)
        return nilai

    def clean(self, value):
        teks = (super().clean(value) or "").strip()
        if not teks:
            return None
        if self.jenis_nilai == JenisNilai.PREDIKAT and teks.upper() in PREDIKAT:
            return {"predikat": teks.upper()}
        if self.jenis_nilai == JenisNilai.RENTANG:
            bagian = _PEMISAH_RENTANG.split(teks, maxsplit=1)
            if len(bagian) == 2:
                if not all(bagian):
                    raise forms.ValidationError(PESAN_RENTANG_TIDAK_SAH)
                bawah, atas = self._angka(bagian[0]), self._angka(bagian[1])
                if bawah is None or atas is None:
                    raise forms.ValidationError(PESAN_RENTANG_TIDAK_SAH)
                if bawah > atas:
                    raise forms.ValidationError(PESAN_RENTANG_TERBALIK)
                return {"batas_bawah": bawah, "batas_atas": atas}
        return {"nilai": self._angka(teks)}


JENIS_DIEDIT = (
    JenisTarget.RENSTRA,
    JenisTarget.RENJA,
    JenisTarget.PK_MURNI,
    JenisTarget.PK_PERUBAHAN,
)


class TargetForm(forms.Form):
    """The annual targets (Renstra, Renja, PK murni, PK perubahan) and the cumulative quarterly
    targets (rencana aksi TW I–IV) of one indicator and year."""

    def __init__(self, *args, indikator: Indikator, **kwargs):
        super().__init__(*args, **kwargs)
        for jenis in JENIS_DIEDIT:
            self.fields[jenis] = TargetField(
                jenis_nilai=indikator.jenis_nilai, label=f"Target {JenisTarget(jenis).label}"
            )
        for n, romawi in ((1, "I"), (2, "II"), (3, "III"), (4, "IV")):
            self.fields[f"tw{n}"] = TargetField(
                jenis_nilai=indikator.jenis_nilai, label=f"s.d. TW {romawi}"
            )

    def tahunan(self) -> dict:
        return {jenis: self.cleaned_data.get(jenis) for jenis in JENIS_DIEDIT}

    def triwulan(self) -> dict:
        return {n: self.cleaned_data.get(f"tw{n}") for n in range(1, 5)}
