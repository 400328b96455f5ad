"""Form fields shared by every entry screen.

Numbers are typed in Indonesian notation and read by `common.formatting.parse_desimal` (the one
place): "1.234,5" and "1,234.5" are both 1234,5; a lone dot groups thousands ("7.489" is 7489).
Every bad input gets an Indonesian message, never a server error; values must fit the
database's DecimalField(max_digits=DIGITS, decimal_places=PLACES).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .formatting import bulatkan, format_masukan, parse_desimal

DIGITS = 20
PLACES = 4
"""Size of every measured value and amount column: DecimalField(max_digits=20, decimal_places=4)."""

PESAN_WAJIB_DIISI = "Isian ini wajib diisi."
PESAN_NEGATIF = "Nilai tidak boleh negatif."
PESAN_TERLALU_BESAR = "Angka terlalu besar: paling banyak {digit} digit sebelum koma."
PESAN_DESIMAL_BERLEBIH = "Paling banyak {tempat} angka di belakang koma."

DIGIT_BULAT = DIGITS - PLACES


class AngkaField(forms.CharField):
    """A Decimal typed in Indonesian notation.

    `negatif=False` refuses values below zero. The value must fit DecimalField(20, 4): at most
    16 digits before the comma and 4 after it.
    """

    def __init__(self, *, negatif: bool = False, tempat: int = PLACES, **kwargs):
        self.negatif = negatif
        self.tempat = tempat
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("error_messages", {"required": PESAN_WAJIB_DIISI})
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(inputmode="decimal", autocomplete="off", **{"class": "form-control angka"})
        return attrs

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            # As typed: "1,5", never "1,5000" (the column keeps 4 places).
            return format_masukan(bulatkan(value, self.tempat))
        return value

    def to_python(self, value):
        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        try:
            angka = parse_desimal(teks, titik_ribuan=True)
        except (ValueError, TypeError) as exc:
            raise forms.ValidationError(str(exc), code="bukan_angka") from None
        return angka

    def validate(self, value):
        if value is None:
            if self.required:
                raise forms.ValidationError(PESAN_WAJIB_DIISI, code="required")
            return
        if not self.negatif and value < 0:
            raise forms.ValidationError(PESAN_NEGATIF, code="negatif")
        tanda, digit, eksponen = value.as_tuple()
        if not isinstance(eksponen, int):
            raise forms.ValidationError(PESAN_TERLALU_BESAR.format(digit=DIGIT_BULAT))
        tempat = max(0, -eksponen)
        bulat = len(digit) - tempat if eksponen < 0 else len(digit) + eksponen
        if value != 0 and bulat > DIGIT_BULAT:
            raise forms.ValidationError(
                PESAN_TERLALU_BESAR.format(digit=DIGIT_BULAT), code="terlalu_besar"
            )
        if tempat > self.tempat:
            raise forms.ValidationError(
                PESAN_DESIMAL_BERLEBIH.format(tempat=self.tempat), code="desimal"
            )

    def run_validators(self, value):  # the CharField validators expect text
        return None


class KembalikanForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan dikembalikan",
        max_length=2000,
        error_messages={"required": "Alasan pengembalian wajib diisi."},
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


def galat_ke_form(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the field exists, else as
    a form-wide error (the service's messages are already Indonesian)."""
    if hasattr(exc, "error_dict"):
        for nama, galat in exc.message_dict.items():
            form.add_error(nama if nama in form.fields else None, galat)
    else:
        form.add_error(None, exc.messages)
