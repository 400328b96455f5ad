from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from renstra.models import PerangkatDaerah


@login_required
def beranda(request):
    daftar_pd = PerangkatDaerah.objects.for_user(request.user).select_related("pemda")
    return render(request, "common/beranda.html", {"daftar_pd": daftar_pd})
