"""Administration of the worksheet templates: a frozen template is read-only; the copy action
makes an editable draft; activation refuses bad weights with the service's message."""

from django.urls import reverse

from lke.models import StatusTemplate, TemplateLke


def test_admin_template(client, superuser, template_lke):
    client.force_login(superuser)
    ubah = reverse("admin:lke_templatelke_change", args=[template_lke.pk])
    r = client.get(ubah)
    assert r.status_code == 200 and 'name="_save"' not in r.content.decode()
    daftar = reverse("admin:lke_templatelke_changelist")
    client.post(daftar, {"action": "salin", "_selected_action": [template_lke.pk]})
    salinan = TemplateLke.objects.get(asal=template_lke)
    assert salinan.status == StatusTemplate.DRAFT
    assert (
        'name="_save"'
        in client.get(reverse("admin:lke_templatelke_change", args=[salinan.pk])).content.decode()
    )
    client.post(daftar, {"action": "aktifkan", "_selected_action": [salinan.pk]})
    salinan.refresh_from_db()
    assert salinan.status == StatusTemplate.AKTIF
    for nama in ("komponen", "subkomponen", "kriteria", "evaluasi"):
        assert client.get(reverse(f"admin:lke_{nama}_changelist")).status_code == 200
