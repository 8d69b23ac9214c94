# One image for the three services; docker-compose picks the service with `command`.
# The Node version follows .nvmrc and package.json "engines" (24 LTS).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
# An old-generation cap well above what a service keeps alive (about 65 MB at most) makes V8 collect before
# growing: about 200 MB resident per service under load instead of 300+, inside the 512M container limit.
# The young generation keeps its usual size (a cap alone shrinks it, and the extra scavenges cost latency).
ENV NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=16"
WORKDIR /app
# The production install: the locked dependencies only, then the build. scripts/prod-smoke.mjs makes the same
# install in a temporary folder and starts the services from it, so a module missing here fails CI.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# Ingest 3000, enrichment 3001 (health and metrics only), publishing 3002; each also serves /metrics.
EXPOSE 3000 3001 3002
# Services drain on SIGTERM and exit 0; run with an init (compose: `init: true`) so signals reach node.
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/ingest/src/main.js"]
