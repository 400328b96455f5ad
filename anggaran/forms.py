from django import forms

from common.forms import AngkaField


class RealisasiAnggaranForm(forms.Form):
    """Realisasi keuangan of one quarter in rupiah ("1.250.000" or "1.250.000,50")."""

    jumlah = AngkaField(label="Realisasi triwulan ini (Rp)", required=True, tempat=2)
    versi = forms.IntegerField(min_value=0, initial=0, widget=forms.HiddenInput)
