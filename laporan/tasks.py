"""Tasks of the laporan app on the Celery queue (config/celery.py).

`buat_pdf` renders one kept PDF (`Cetakan`): one task per document edition (or distinct
draft), queued by `services.cetakan_minta` under the row's idempotent job key. The task is
acknowledged only once done and put back on the queue when its worker process dies, so a
killed worker's PDF is rendered again by the next one; the row's `tugas_id` and `percobaan`
make a redelivery safe (a task whose id is no longer the row's does nothing, and a PDF that
kept killing its workers fails after `services.BATAS_PERCOBAAN` attempts).
"""

from celery import shared_task

from . import services


@shared_task(
    bind=True,
    name="laporan.buat_pdf",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=False,
)
def buat_pdf(self, cetakan_id: int, html: str, nama_berkas: str) -> str:
    """Render and store the PDF of Cetakan `cetakan_id`; returns its final status."""
    return services.cetakan_kerjakan(
        cetakan_id=cetakan_id, tugas_id=self.request.id, html=html, nama_berkas=nama_berkas
    )
