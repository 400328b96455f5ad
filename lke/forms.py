"""Forms of the SAKIP evaluation screens (validation of shape only; rules live in services)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from common.models import Keanggotaan, Peran
from renstra.models import Indikator

from .models import Evaluasi, Prioritas, StatusTemplate, Tahap, TemplateLke


class _Bootstrap:
    """Bootstrap classes on every widget (the screens use Bootstrap 5)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            w = field.widget
            kelas = "form-select" if isinstance(w, forms.Select) else "form-control"
            w.attrs.setdefault("class", f"{kelas} form-control-sm")


class BukaForm(_Bootstrap, forms.Form):
    tahun = forms.IntegerField(label="Tahun yang dinilai", min_value=2000, max_value=2100)
    template = forms.ModelChoiceField(
        label="Template LKE", queryset=TemplateLke.objects.filter(status=StatusTemplate.AKTIF)
    )
    anggota = forms.ModelMultipleChoiceField(
        label="Anggota tim", queryset=get_user_model().objects.none(), required=False
    )
    indikator_sakip = forms.ModelChoiceField(
        label="Indikator Nilai Evaluasi SAKIP (menerima nilai pada tahun berikutnya)",
        queryset=Indikator.objects.none(),
        required=False,
    )

    def __init__(self, *args, pd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anggota"].queryset = get_user_model().objects.filter(
            pk__in=Keanggotaan.objects.filter(perangkat_daerah=pd, peran=Peran.INSPEKTORAT).values(
                "pengguna_id"
            )
        )
        self.fields["indikator_sakip"].queryset = Indikator.objects.filter(
            perangkat_daerah=pd
        ).order_by("-jenis_nilai", "urutan")
        sakip = [
            i.pk
            for i in self.fields["indikator_sakip"].queryset
            if "sakip" in i.uraian.lower() or "akuntabilitas" in i.uraian.lower()
        ]
        if len(sakip) == 1:
            self.fields["indikator_sakip"].initial = sakip[0]


class JawabanForm(forms.Form):
    tahap = forms.ChoiceField(choices=[c for c in Tahap.choices if c[0] != Tahap.FINAL])
    opsi = forms.CharField(max_length=5)
    catatan = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    alasan_beda = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BuktiForm(forms.Form):
    saran = forms.CharField(required=False, label="Data dari aplikasi")
    tautan = forms.URLField(required=False, max_length=500, assume_scheme="https")
    berkas = forms.FileField(required=False)
    label = forms.CharField(required=False, max_length=300, label="Keterangan")


class FinalkanForm(_Bootstrap, forms.Form):
    alasan_konsistensi = forms.CharField(
        required=False,
        label="Alasan ketua tim atas aturan konsistensi yang dilanggar",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LheForm(_Bootstrap, forms.ModelForm):
    class Meta:
        model = Evaluasi
        fields = [
            "nomor_lhe",
            "tanggal_lhe",
            "tempat_lhe",
            "inspektur_nama",
            "inspektur_nip",
            "inspektur_jabatan",
            "ringkasan",
        ]
        widgets = {
            "tanggal_lhe": forms.DateInput(attrs={"type": "date"}),
            "ringkasan": forms.Textarea(attrs={"rows": 3}),
        }


class TemuanForm(_Bootstrap, forms.Form):
    komponen_kode = forms.ChoiceField(label="Komponen")
    uraian = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, evaluasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["komponen_kode"].choices = [
            (k.kode, f"{k.kode}. {k.nama}") for k in evaluasi.template.komponen.all()
        ]


class RekomendasiForm(_Bootstrap, forms.Form):
    uraian = forms.CharField(label="Rekomendasi", widget=forms.Textarea(attrs={"rows": 2}))
    kriteria = forms.ModelChoiceField(label="Kriteria", queryset=None, required=False)
    prioritas = forms.ChoiceField(choices=Prioritas.choices, initial=Prioritas.SEDANG)
    penanggung_jawab = forms.CharField(max_length=200)
    batas_waktu = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, evaluasi, **kwargs):
        from .models import Kriteria

        super().__init__(*args, **kwargs)
        self.fields["kriteria"].queryset = Kriteria.objects.filter(
            sub_komponen__komponen__template=evaluasi.template
        )


class TindakLanjutForm(forms.Form):
    uraian = forms.CharField(label="Uraian tindak lanjut", widget=forms.Textarea(attrs={"rows": 2}))
    tautan_bukti = forms.URLField(required=False, max_length=500, assume_scheme="https")
    berkas_bukti = forms.FileField(required=False)


class PutusanForm(forms.Form):
    catatan = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
