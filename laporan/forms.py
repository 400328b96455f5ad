"""Forms of the report screens (narrative, date, review notes, review statement, diff)."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

PESAN_NIP = "NIP terdiri atas 18 angka."


class NarasiForm(forms.Form):
    teks = forms.CharField(
        label="Teks",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "form-control font-monospace"}),
        help_text=(
            "Baris kosong memisahkan paragraf; baris diawali “- ” menjadi butir. Angka ditulis "
            "dengan placeholder, misalnya {{capaian:S1.I1}} atau {{pagu_total}} (anggaran "
            "perangkat daerah sebagaimana dinyatakan bila tercatat; jumlah program: "
            "{{pagu_program}}, {{realisasi_program}}, {{serapan_program}})."
        ),
    )
    simpan_ke = forms.ChoiceField(
        label="Simpan sebagai",
        required=False,
        initial="laporan",
        choices=[
            ("laporan", "Teks laporan ini saja"),
            ("setiap_tahun", "Data perangkat daerah (berlaku setiap tahun, ikut diekspor)"),
            ("tahun", "Data perangkat daerah untuk tahun laporan ini (ikut diekspor)"),
        ],
        widget=forms.RadioSelect,
        help_text="Bagian fakta (tupoksi, struktur, sarana, isu strategis, upaya perbaikan) "
        "sebaiknya disimpan sebagai data perangkat daerah.",
    )


class TanggalForm(forms.Form):
    tanggal = forms.DateField(
        label="Tanggal penandatanganan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )


class CatatanForm(forms.Form):
    jangkar = forms.ChoiceField(
        label="Letak (bab, tabel, baris atau indikator)",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    teks = forms.CharField(
        label="Catatan",
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control form-control-sm"}),
    )
    edisi = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, jangkar: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jangkar"].choices = [(i, f"{label} ({i})") for i, label in jangkar]


class TanggapanForm(forms.Form):
    teks = forms.CharField(
        label="Tanggapan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )


class PernyataanForm(forms.Form):
    nama = forms.CharField(
        label="Nama reviewer",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    nip = forms.CharField(
        label="NIP",
        max_length=24,
        required=False,
        validators=[RegexValidator(r"^[0-9 ]*$", PESAN_NIP)],
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    jabatan = forms.CharField(
        label="Jabatan",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    tempat = forms.CharField(
        label="Tempat",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    tanggal = forms.DateField(
        label="Tanggal",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )

    def clean_nip(self) -> str:
        nip = self.cleaned_data["nip"].replace(" ", "")
        if nip and len(nip) != 18:
            raise forms.ValidationError(PESAN_NIP)
        return nip


class SetujuiForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan persetujuan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )
