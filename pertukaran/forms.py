"""The upload form of the workbook import."""

from django import forms

from .buku_kerja import MAKS_UKURAN, PESAN_TERLALU_BESAR

PESAN_BUKAN_XLSX_NAMA = "Pilih berkas buku kerja Excel berakhiran .xlsx."


class UnggahBukuKerjaForm(forms.Form):
    berkas = forms.FileField(
        label="Buku kerja (.xlsx)",
        help_text=f"Paling besar {MAKS_UKURAN // 1024 // 1024} MB, format lembar seperti templat.",
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        # The size is known from the upload before anything reads the file.
        if berkas.size > MAKS_UKURAN:
            raise forms.ValidationError(
                PESAN_TERLALU_BESAR.format(
                    ukuran=f"{berkas.size / 1024 / 1024:.1f}".replace(".", ","),
                    batas=MAKS_UKURAN // 1024 // 1024,
                )
            )
        if not berkas.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(PESAN_BUKAN_XLSX_NAMA)
        return berkas
