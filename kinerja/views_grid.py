"""The whole-quarter entry grid of one unit: every indicator of the unit on one page, each row
saved through the same service, conflict check and workflow as the single form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from common.permissions import PESAN_TIDAK_BERHAK
from common.views import pesan_galat
from renstra.akses import PDAccessMixin
from renstra.models import UnitKerja
from renstra.periode import (
    status_periode,
    wajib_periode,
)

from . import services
from .forms import (
    RealisasiForm,
)
from .models import Realisasi, StatusRealisasi
from .selectors import kewajaran
from .selectors.kelengkapan import kelengkapan_triwulan
from .views import (
    PESAN_GRID_GAGAL,
    PESAN_GRID_TERSIMPAN,
)

# --- Whole-quarter grid ----------------------------------------------------------------------

KOLOM_NILAI_GRID = ("nilai", "predikat", "pembilang", "penyebut")
"""The value fields the grid edits; the analysis texts stay as stored (edited on the form)."""


class RealisasiGridView(PDAccessMixin, View):
    """Every indicator of one unit for one quarter on one page (operator of the unit).

    Each row is a `RealisasiForm` limited to its value fields (prefix "i<indikator id>") and
    is saved on its own through `services.realisasi_simpan`: the same validation, conflict
    check (the row's `versi`) and workflow as the single form, the analysis texts kept as
    stored. A row left as it was is not saved; a row that fails keeps the typed value and
    its message while the other rows are saved.
    """

    template_name = "kinerja/realisasi_grid.html"

    def setup_objek(self, unit: int, tahun: int, triwulan: int):
        wajib_periode(tahun, triwulan)
        self.tahun, self.triwulan = tahun, triwulan
        self.unit = get_object_or_404(UnitKerja, perangkat_daerah=self.pd, pk=unit)
        if not services.boleh_isi(self.akses, self.unit.pk):
            raise PermissionDenied(PESAN_TIDAK_BERHAK)
        self.kelengkapan = kelengkapan_triwulan(
            pd=self.pd, tahun=tahun, triwulan=triwulan, unit_ids={self.unit.pk}
        )
        self.periode = status_periode(
            pd=self.pd, tahun=tahun, triwulan=triwulan, unit_id=self.unit.pk
        )

    @staticmethod
    def _boleh_ubah_baris(r: Realisasi | None) -> bool:
        return r is None or r.status in (StatusRealisasi.DRAFT, StatusRealisasi.DIKEMBALIKAN)

    def _form(self, b, data=None) -> RealisasiForm:
        r = b.realisasi
        awal = {"versi": r.versi if r else 0}
        if r:
            awal.update({k: getattr(r, k) for k in KOLOM_NILAI_GRID})
        form = RealisasiForm(data, initial=awal, indikator=b.indikator, prefix=f"i{b.indikator.pk}")
        for nama in list(form.fields):
            if nama not in (*KOLOM_NILAI_GRID, "versi"):
                del form.fields[nama]
        return form

    def _baris(self, data=None, hasil=None) -> list[dict]:
        hasil = hasil or {}
        semua = [b for k in self.kelengkapan.units for b in k.baris]
        dasar = kewajaran.pembanding(
            indikator_ids=[b.indikator.pk for b in semua], tahun=self.tahun, triwulan=self.triwulan
        )
        baris = []
        for b in semua:
            r = b.realisasi
            form = hasil.get(b.indikator.pk, {}).get("form")
            if form is None:
                form = self._form(b, data)
            nilai = r.nilai if r else None
            baris.append(
                {
                    "indikator": b.indikator,
                    "realisasi": r,
                    "form": form,
                    "boleh_ubah": self.periode.terbuka and self._boleh_ubah_baris(r),
                    "pesan": hasil.get(b.indikator.pk, {}).get("pesan", ""),
                    "tersimpan": hasil.get(b.indikator.pk, {}).get("tersimpan", False),
                    "peringatan": kewajaran.peringatan_kewajaran(
                        indikator=b.indikator,
                        triwulan=self.triwulan,
                        nilai=nilai,
                        pembanding=dasar[b.indikator.pk],
                    ),
                }
            )
        return baris

    def render(self, baris, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "pd": self.pd,
                "akses": self.akses,
                "unit": self.unit,
                "tahun": self.tahun,
                "triwulan": self.triwulan,
                "periode": self.periode,
                "baris": baris,
                "ada_isian": any(b["boleh_ubah"] for b in baris),
            },
            status=status,
        )

    def get(self, request, pd, unit, tahun, triwulan):
        self.setup_objek(unit, tahun, triwulan)
        return self.render(self._baris())

    def post(self, request, pd, unit, tahun, triwulan):
        self.setup_objek(unit, tahun, triwulan)
        if not self.periode.terbuka:
            messages.error(request, self.periode.pesan)
            return redirect(request.path)
        hasil: dict[int, dict] = {}
        tersimpan = gagal = 0
        konflik = False
        for k in self.kelengkapan.units:
            for b in k.baris:
                if not self._boleh_ubah_baris(b.realisasi):
                    continue
                if f"i{b.indikator.pk}-versi" not in request.POST:
                    continue  # the row was not on the page that was posted
                form = self._form(b, request.POST)
                if not form.has_changed():
                    continue
                if not form.is_valid():
                    hasil[b.indikator.pk] = {"form": form}
                    gagal += 1
                    continue
                data = form.data_layanan()
                r = b.realisasi
                for teks in (
                    "faktor_pendorong",
                    "faktor_penghambat",
                    "tindak_lanjut",
                    "penjelasan",
                ):
                    data[teks] = getattr(r, teks) if r else ""
                try:
                    services.realisasi_simpan(
                        indikator=b.indikator,
                        tahun=tahun,
                        triwulan=triwulan,
                        data=data,
                        versi=form.cleaned_data["versi"],
                        user=request.user,
                    )
                except services.KonflikSuntingan as exc:
                    hasil[b.indikator.pk] = {"form": form, "pesan": exc.pesan, "konflik": True}
                    gagal += 1
                    konflik = True
                except ValidationError as exc:
                    hasil[b.indikator.pk] = {"form": form, "pesan": " ".join(pesan_galat(exc))}
                    gagal += 1
                else:
                    hasil[b.indikator.pk] = {"tersimpan": True}
                    tersimpan += 1
        if not gagal:
            messages.success(request, PESAN_GRID_TERSIMPAN.format(n=tersimpan))
            return redirect(request.path)
        if tersimpan:
            messages.success(request, PESAN_GRID_TERSIMPAN.format(n=tersimpan))
        messages.error(request, PESAN_GRID_GAGAL.format(n=gagal))
        # Reload: the saved rows show their stored values and new version; failed rows keep
        # the typed input. After a conflict the row carries the stored version, so saving
        # again (having seen the message) overwrites deliberately, as on the single form.
        self.setup_objek(unit, tahun, triwulan)
        gagal_form = {i: h for i, h in hasil.items() if not h.get("tersimpan")}
        for k in self.kelengkapan.units:
            for b in k.baris:
                h = gagal_form.get(b.indikator.pk)
                if h and h.get("konflik") and b.realisasi is not None:
                    data = request.POST.copy()
                    data[f"i{b.indikator.pk}-versi"] = b.realisasi.versi
                    h["form"] = self._form(b, data)
                    h["form"].is_valid()
        baris = self._baris(hasil=hasil)
        return self.render(baris, status=409 if konflik else 200)
