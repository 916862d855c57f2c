#!/usr/bin/env bash
# Plays Halo's side of a "Tickets Changed" webhook: posts one of the sample deliveries to a callback URL.
#   infra/local/send-webhook.sh <callbackUrl> [full|event-only|batch]     (default: full)
# Each run gives the events new ids, as Halo does for every new delivery; SAME_ID=1 posts the sample
# unchanged, like a re-send from Halo's delivery log (answered as a duplicate after the first time).
# WEBHOOK_USER / WEBHOOK_PASSWORD send Basic auth, for a connection saved with webhookAuth.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

url="${1:?usage: infra/local/send-webhook.sh <callbackUrl> [full|event-only|batch]}"
case "${2:-full}" in
  full) sample=webhook-full-object.json ;;
  event-only) sample=webhook-event-only.json ;;
  batch) sample=webhook-batch.json ;;
  *) echo "payload type must be full, event-only or batch" >&2; exit 2 ;;
esac

samples=../shared/halo-samples
[ -f "$samples/$sample" ] || samples=src/test/resources/halo-samples

if [ "${SAME_ID:-0}" = 1 ]; then
  body=$(cat "$samples/$sample")
else
  body=$(python3 - "$samples/$sample" <<'PY'
import json, sys, uuid
with open(sys.argv[1]) as f:
    delivery = json.load(f)
for event in delivery if isinstance(delivery, list) else [delivery]:
    event["id"] = str(uuid.uuid4())
print(json.dumps(delivery))
PY
)
fi

auth=()
if [ -n "${WEBHOOK_USER:-}" ]; then
  auth=(-u "$WEBHOOK_USER:${WEBHOOK_PASSWORD:-}")
fi
echo "POST $sample to the callback URL"
curl -sS "${auth[@]}" -X POST -H 'Content-Type: application/json' --data-binary "$body" "$url" -w '\nHTTP %{http_code}\n'
