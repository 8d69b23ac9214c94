#!/usr/bin/env bash
# `npm run test:all`, and CI (.ci/run calls it): everything, on the declared Node. Installs what a fresh Debian
# machine lacks (as root, or with sudo), starts NATS and PostgreSQL when nothing answers, then runs
# lint, build, npm test, the corpus suite, the browser tests, the fault suite and the production smoke.
# Safe to run on a machine where everything is already up.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

log() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  echo "nothing listens on 127.0.0.1:$1 after 30 s" >&2; return 1
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian's packages: the servers the suites start or talk to, chromium for the browser tests, iproute2 for the
#    cluster partition test (network namespaces).
missing=()
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ip >/dev/null || [ -x /usr/sbin/ip ] || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
export PATH="$PATH:/usr/sbin:/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)/bin"

# 2. The declared Node (.nvmrc): the npm `node` package's binary first on the PATH when the machine's is older.
wanted=$(cat .nvmrc)
if [ "$(node -p 'process.versions.node' 2>/dev/null)" != "$wanted" ]; then
  log "Node $wanted from the npm node package"
  node_bin=$(npx -y "node@$wanted" -p 'process.execPath')
  export PATH="$(dirname "$node_bin"):$PATH"
fi
echo "node $(node --version), npm $(npm --version)"

# 3. PostgreSQL on 127.0.0.1:5432 (Debian's cluster), reachable as postgres without a password: a throwaway test database.
if ! port_open 5432; then
  log "starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -n | tail -1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_port 5432
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
  log "allowing passwordless local TCP connections for the test database"
  version=$(ls /etc/postgresql | sort -n | tail -1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  sleep 1
  psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null
fi

# 4. NATS with JetStream on 127.0.0.1:4222.
if ! port_open 4222; then
  log "starting nats-server with JetStream"
  store="${NATS_STORE_DIR:-/var/lib/nats-server}"
  as_root mkdir -p "$store"
  as_root sh -c "nohup $(command -v nats-server || echo /usr/sbin/nats-server) -a 127.0.0.1 -p 4222 -js -sd '$store' >/tmp/nats-server-ci.log 2>&1 &"
  wait_port 4222
fi

# 5. The project.
log "npm ci"
npm ci --no-audit --no-fund
log "lint"
npm run lint
log "build"
npm run build
log "generated files are current: .env.example"
node dist/scripts/env-example.js --check
log "entities and migrations agree"
schema_db="postgres://postgres@127.0.0.1:5432/depeche_schema_check_$$"
DATABASE_URL="$schema_db" node dist/apps/publishing/src/migrate.js
DATABASE_URL="$schema_db" npx typeorm migration:generate --check -d dist/apps/publishing/src/database/data-source.js /tmp/schema-check-$$
psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"depeche_schema_check_$$\" WITH (FORCE)"
export SKIP_BUILD=1 # built above
log "npm test"
npm test
log "corpus suite"
npm run test:corpus
log "browser tests"
npm run test:browser
log "fault suite"
npm run test:faults
log "production smoke: npm ci --omit=dev as the Dockerfile, every service on Node $wanted"
node scripts/prod-smoke.mjs
log "test:all passed"
