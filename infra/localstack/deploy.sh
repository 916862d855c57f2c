#!/usr/bin/env bash
# Build and deploy template.yaml to a running LocalStack (see docker-compose.yml beside this
# file) with `samlocal` (pip package aws-sam-cli-local, a thin wrapper around the SAM CLI).
# Everything is created by the template itself (table, KMS key, functions, HTTP API, logs);
# this script only builds and deploys it. NOT run in the workplace it was written in (no
# Docker engine there): treat it as a starting point and see infra/README.md.
#
# Environment (all optional):
#   STACK_NAME               default halopsa-connector-local
#   AWS_DEFAULT_REGION       default us-east-1
#   LOCALSTACK_URL           default http://localhost:4566
#   JWT_ISSUER / JWT_AUDIENCE / JWT_PUBLIC_KEY_LOCATION
#                            the identity provider to trust (https JWKS or PEM URL); the
#                            placeholders deploy fine but no real token will verify
#   PUBLIC_BASE_URL          optional base URL for callback URLs (https, no trailing slash)
#   LAMBDA_ARCH              x86_64 (default) or arm64; passed to the build and the template
#   SKIP_BUILD=1             reuse the last `sam build` output in .aws-sam/
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

stack_name="${STACK_NAME:-halopsa-connector-local}"
region="${AWS_DEFAULT_REGION:-us-east-1}"
localstack_url="${LOCALSTACK_URL:-http://localhost:4566}"
arch="${LAMBDA_ARCH:-x86_64}"

if ! command -v samlocal >/dev/null 2>&1; then
  cat >&2 <<'EOF'
samlocal was not found. It is the LocalStack wrapper around the AWS SAM CLI:
    pip install aws-sam-cli aws-sam-cli-local
then re-run this script. (Plain `sam` would deploy to real AWS, which this script avoids.)
EOF
  exit 1
fi

if ! curl -fsS "$localstack_url/_localstack/health" >/dev/null 2>&1; then
  echo "LocalStack does not answer at $localstack_url. Start it first:" >&2
  echo "    docker compose -f infra/localstack/docker-compose.yml up -d" >&2
  exit 1
fi

# LocalStack accepts any credentials; provide dummies if none are configured.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="$region"
export AWS_ENDPOINT_URL="$localstack_url"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== samlocal build (native image via the Makefile; this takes several minutes)"
  LAMBDA_ARCH="$arch" samlocal build
fi

overrides=(
  "JwtIssuer=${JWT_ISSUER:-https://idp.localhost.invalid/realms/platform}"
  "JwtAudience=${JWT_AUDIENCE:-halopsa-connector}"
  "JwtPublicKeyLocation=${JWT_PUBLIC_KEY_LOCATION:-https://idp.localhost.invalid/realms/platform/jwks}"
  "Architecture=$arch"
  "LogRetentionDays=7"
)
if [ -n "${PUBLIC_BASE_URL:-}" ]; then
  overrides+=("PublicBaseUrl=$PUBLIC_BASE_URL")
fi

echo "== samlocal deploy ($stack_name, $region)"
samlocal deploy \
  --stack-name "$stack_name" \
  --region "$region" \
  --resolve-s3 \
  --capabilities CAPABILITY_IAM \
  --no-confirm-changeset \
  --no-fail-on-empty-changeset \
  --parameter-overrides "${overrides[@]}"

echo "== stack outputs"
samlocal list stack-outputs --stack-name "$stack_name" --region "$region" --output table || true
cat <<EOF

LocalStack serves the API under its own host names rather than execute-api.amazonaws.com,
e.g. http://<HttpApiId>.execute-api.localhost.localstack.cloud:4566/v1/integrations/halo
(see LocalStack's API Gateway documentation for the forms your version supports).
Remove the stack with:
  samlocal delete --stack-name $stack_name --region $region
The table and the KMS key are retained by design (DeletionPolicy: Retain); delete them with
awslocal for a clean slate, or simply remove LocalStack's volume directory.
EOF
