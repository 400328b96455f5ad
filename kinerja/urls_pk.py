app_name = "pk"

urlpatterns: list = []
