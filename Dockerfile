FROM python:3.11-slim-bookworm
# The README's prerequisites (scripts/periksa_prasyarat.py checks them at build time) and
# postgresql-client for `manage.py cadangkan`.
RUN apt-get update && apt-get install -y --no-install-recommends \
      libglib2.0-0 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
      libfontconfig1 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir -e .
COPY . .
RUN python scripts/periksa_prasyarat.py
ENV DJANGO_SETTINGS_MODULE=config.settings.production
RUN SECRET_KEY=build python manage.py collectstatic --noinput
EXPOSE 8000
# docker-compose.yml sets the command of each service (web: gunicorn, worker: celery).
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers 3 --timeout 120"]
