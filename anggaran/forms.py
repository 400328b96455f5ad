from django import forms

from common.forms import AngkaField


class RealisasiAnggaranForm(forms.Form):
    """Realisasi keuangan of one quarter in rupiah ("1.250.000" or "1.250.000,50")."""

    jumlah = AngkaField(label="Realisasi triwulan ini (Rp)", required=True, tempat=2)
    versi = forms.IntegerField(min_value=0, initial=0, widget=forms.HiddenInput)


JUDUL_ANGGARAN_PD = "Anggaran perangkat daerah (sebagaimana dinyatakan DPA)"


class AnggaranPDForm(forms.Form):
    """The agency's stated budget total of one year, amounts in rupiah as the DPA prints them
    ("33.138.442.066"). Every amount is optional: emptying all three deletes the total."""

    pagu_murni = AngkaField(
        label="Pagu murni",
        required=False,
        tempat=2,
        help_text="Pagu dalam DPA murni (awal tahun).",
    )
    pagu = AngkaField(
        label="Pagu berlaku (perubahan)",
        required=False,
        tempat=2,
        help_text="Pagu DPA Perubahan bila ada, selain itu sama dengan pagu murni.",
    )
    realisasi = AngkaField(
        label="Realisasi",
        required=False,
        tempat=2,
        help_text="Realisasi anggaran perangkat daerah s.d. akhir tahun.",
    )
    sumber = forms.CharField(
        label="Sumber",
        required=False,
        max_length=200,
        help_text="Dokumen yang menyatakan angka ini, mis. “DPA Perubahan 2025”.",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
