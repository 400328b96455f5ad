from django.conf import settings


def app(request):
    return {"DEMO_MODE": settings.DEMO_MODE, "NAMA_APLIKASI": "SAKIP Kinerja"}
