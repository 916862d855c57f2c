#!/usr/bin/env bash
# Runs the product locally: both functions (connector.function=all) in Quarkus dev mode behind the
# Lambda mock event server at http://localhost:${PORT:-8080}, with moto's server as DynamoDB and KMS.
# Prints a development JWT to call the config API with. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=infra/local/moto.sh
source infra/local/moto.sh

port="${PORT:-8080}"
moto_start .local
trap moto_stop EXIT INT TERM

jwt=$(infra/local/dev-jwt.sh dev-tenant integrations-admin)
printf '%s\n' "$jwt" > .local/dev-jwt.txt
cat <<INFO

  Config API:   http://localhost:$port/v1/integrations/halo
  Webhook API:  http://localhost:$port/v1/webhooks/halo/<callbackToken>
  Dev JWT (tenant dev-tenant, integrations-admin), also in .local/dev-jwt.txt:

$jwt

  Try:  curl -i -H "Authorization: Bearer \$(cat .local/dev-jwt.txt)" http://localhost:$port/v1/integrations/halo
  Other tenants/roles: infra/local/dev-jwt.sh <tenant> <groups>
  Halo URLs may be http:// and loopback here (connector.halo.allow-insecure-urls=true in dev only).

INFO

export MOTO_ENDPOINT PORT="$port"
./mvnw -B -q quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false "$@"
