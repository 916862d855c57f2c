#!/usr/bin/env bash
# Runs the product locally: both functions (connector.function=all) in Quarkus dev mode behind the
# Lambda mock event server at http://localhost:${PORT:-8080}, with moto's server as DynamoDB and KMS
# and a stand-in Halo on loopback. Prints a development JWT and the stand-in Halo's five values.
# Ctrl-C, or a TERM to this script, stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=infra/local/moto.sh
source infra/local/moto.sh

port="${PORT:-8080}"
halo_pid=""
app_pid=""

# Sends TERM to a process group, and KILL to whatever of it is left after ten seconds.
stop_group() {
  local leader="$1" waited=0
  kill -TERM -- "-$leader" 2>/dev/null || return 0
  while kill -0 -- "-$leader" 2>/dev/null && [ "$waited" -lt 100 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL -- "-$leader" 2>/dev/null || true
}

stop_all() {
  trap - EXIT INT TERM
  if [ -n "$app_pid" ]; then
    stop_group "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    echo "Quarkus dev mode (process group $app_pid) stopped"
  fi
  if [ -n "$halo_pid" ] && kill -0 "$halo_pid" 2>/dev/null; then
    kill "$halo_pid" 2>/dev/null || true
    wait "$halo_pid" 2>/dev/null || true
    echo "Stand-in Halo (pid $halo_pid) stopped"
  fi
  moto_stop
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p .local
moto_start .local

# The stand-in Halo is plain JDK code shared with the browser test; it needs no Maven build.
rm -rf .local/standin-halo
find src/test/java/com/halopsaconnector/standin -name '*.java' ! -name '*Test.java' -print0 \
  | xargs -0 javac -d .local/standin-halo
java -cp .local/standin-halo com.halopsaconnector.standin.StandInHaloMain >.local/standin-halo.log 2>&1 &
halo_pid=$!
waited=0
until grep -q "Client Secret" .local/standin-halo.log; do
  if ! kill -0 "$halo_pid" 2>/dev/null || [ "$waited" -ge 300 ]; then
    echo "The stand-in Halo did not start; see .local/standin-halo.log" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

jwt=$(infra/local/dev-jwt.sh dev-tenant integrations-admin)
printf '%s\n' "$jwt" > .local/dev-jwt.txt
cat <<INFO

  Settings page: http://localhost:$port/   (uses the dev JWT below by itself)
  Config API:    http://localhost:$port/v1/integrations/halo
  Webhook API:   http://localhost:$port/v1/webhooks/halo/<callbackToken>
  Dev JWT (tenant dev-tenant, integrations-admin), also in .local/dev-jwt.txt:

$jwt

$(cat .local/standin-halo.log)

  Play Halo's side of a webhook:  infra/local/send-webhook.sh <callback URL from the page> [full|event-only|batch]
  Try:  curl -i -H "Authorization: Bearer \$(cat .local/dev-jwt.txt)" http://localhost:$port/v1/integrations/halo
  Other tenants/roles: infra/local/dev-jwt.sh <tenant> <groups>
  Halo URLs may be http:// and loopback here (connector.halo.allow-insecure-urls=true in dev only).

INFO

export MOTO_ENDPOINT PORT="$port"
# A session of its own, so that stop_all can end Maven and the dev-mode JVM it forks as one group.
setsid ./mvnw -B -q quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true "$@" </dev/null &
app_pid=$!
wait "$app_pid"
