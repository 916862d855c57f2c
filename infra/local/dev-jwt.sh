#!/usr/bin/env bash
# Prints a development JWT that the LOCAL run accepts (never a deployed one: the key pair lives in
# .local/ and is made on first use).
#   infra/local/dev-jwt.sh [tenant] [groups, comma-separated] [lifetime seconds]
#   defaults: dev-tenant integrations-admin 28800
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

tenant="${1:-dev-tenant}"
groups="${2:-integrations-admin}"
lifetime="${3:-28800}"
issuer="https://platform.local"
audience="halopsa-connector"
key=".local/jwt-private.pem"
pub=".local/jwt-public.pem"

mkdir -p .local
if [ ! -f "$key" ] || [ ! -f "$pub" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
  openssl pkey -in "$key" -pubout -out "$pub"
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
groups_json=$(printf '%s' "$groups" | awk -F, '{for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i}')
now=$(date +%s)
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"dev-user","tenant_id":"%s","groups":[%s],"iat":%d,"exp":%d}' \
  "$issuer" "$audience" "$tenant" "$groups_json" "$now" "$((now + lifetime))")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
