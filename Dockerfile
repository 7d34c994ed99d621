# Élan production image: the built PWA served by the Python server.
FROM node:20-bookworm-slim AS pwa
WORKDIR /build/pwa
COPY pwa/package.json pwa/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY pwa/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    HOST=0.0.0.0 PORT=8000 ELAN_DEMO=0 ELAN_PRODUCTION=1 ELAN_DATA_DIR=/data
WORKDIR /app
COPY pyproject.toml ./
COPY server/ server/
COPY schema/ schema/
RUN pip install --no-cache-dir .
COPY --from=pwa /build/pwa/dist /app/pwa/dist
ENV ELAN_STATIC_DIR=/app/pwa/dist
RUN useradd --system --home /data elan && mkdir -p /data && chown elan /data
USER elan
EXPOSE 8000 9100
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["python", "-m", "server", "serve"]
