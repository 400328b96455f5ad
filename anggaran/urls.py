app_name = "anggaran"

urlpatterns: list = []
