"""Login throttling (django-axes) in the audit log: every lockout and every reset of failed
attempts is written with `common.audit`, so the PD administrator and the auditors see who
was locked out, from where, and when the lock was lifted.

Connected in `CommonConfig.ready`. A reset is the deletion of django-axes' attempt rows
(`manage.py axes_reset`, the admin, or a successful login after failures).
"""

from __future__ import annotations

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import audit

PESAN_TERKUNCI = (
    "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari alamat Anda. "
    "Coba lagi setelah {menit} menit, atau minta administrator membuka kunci."
)


def pesan_terkunci() -> str:
    return PESAN_TERKUNCI.format(menit=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


@receiver(user_locked_out, dispatch_uid="common.penguncian.terkunci")
def catat_terkunci(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    audit.catat(
        pengguna=None,
        aksi="akun.terkunci",
        perubahan={"username": [None, username], "ip": [None, ip_address]},
        keterangan=f"Dikunci setelah {settings.AXES_FAILURE_LIMIT} kali gagal masuk.",
    )


@receiver(post_delete, sender=AccessAttempt, dispatch_uid="common.penguncian.reset")
def catat_reset(sender, instance: AccessAttempt, **kwargs) -> None:
    audit.catat(
        pengguna=None,
        aksi="akun.kunci_dibuka",
        perubahan={
            "username": [instance.username, None],
            "ip": [instance.ip_address, None],
            "gagal": [instance.failures_since_start, 0],
        },
        keterangan="Percobaan masuk yang gagal dihapus.",
    )


def respons_terkunci(request, original_response=None, credentials=None):
    """The page of a locked-out login (AXES_LOCKOUT_CALLABLE): 429 with the message."""
    from django.shortcuts import render

    return render(
        request, "registration/terkunci.html", {"pesan_terkunci": pesan_terkunci()}, status=429
    )
