# Kongtun's web server, background worker and management commands in one image.
#   docker build -t kongtun .      (compose.yaml builds it for its web, worker and migrate services)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint draws the PDFs with Pango and HarfBuzz; pg_dump and pg_restore serve manage.py backup
# and restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 kongtun
WORKDIR /app

# The dependencies first, so a change of code does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir kongtun && touch kongtun/__init__.py && pip install -e . && rm -r kongtun
COPY manage.py ./
COPY kongtun ./kongtun

# Static files are part of the image (WhiteNoise serves them); the key only lets the settings load.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only-for-collectstatic python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media && chown kongtun:kongtun /app/media

USER kongtun
ENV DJANGO_DEBUG=0 DJANGO_MEDIA_ROOT=/app/media
EXPOSE 8000
# Workers: WEB_CONCURRENCY (gunicorn reads it; 3 is a fair start for 2 cores). Other flags: GUNICORN_CMD_ARGS.
CMD ["gunicorn", "kongtun.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--timeout", "120"]
