#!/usr/bin/env bash
# Runs the reliability figures at full size and writes their reports to docs/reliability/
# (docs/reliability.md says what each figure measures). Smaller runs of the same tests are part
# of `./mvnw -B test`; these are not.
#
#   infra/reliability/run.sh faults   # 10,000 webhook deliveries while 2% of DynamoDB calls fail
#   infra/reliability/run.sh fuzz     # 10,000 webhook + 2,000 Save And Sync fuzz cases
#   infra/reliability/run.sh all      # both
#
# Anything after the figure goes to Maven, e.g. -Dfault.seed=7.
# LAMBDA_TEST_PORT sets the Lambda mock event server's port (Quarkus' default: 8081);
# MOTO_ENDPOINT, when set, is used instead of starting moto_server (as in the tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

figure="${1:-all}"
shift || true
stamp=$(date -u +%Y-%m-%d)
out=docs/reliability
mkdir -p "$out" target
port_args=()
[ -z "${LAMBDA_TEST_PORT:-}" ] || port_args=("-Dquarkus.lambda.mock-event-server.test-port=$LAMBDA_TEST_PORT")

run() { # name, test classes, Maven arguments...
  local name=$1 tests=$2
  shift 2
  echo "== $name: ./mvnw -B test -Dtest=$tests $* (log: target/reliability-$name.log)"
  local started=$SECONDS status=0
  ./mvnw -B test "${port_args[@]}" -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > "target/reliability-$name.log" 2>&1 || status=$?
  echo "== $name: exit $status after $((SECONDS - started)) s; $(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "target/reliability-$name.log" | tail -1)"
  return $status
}

status=0
case "$figure" in
  faults|all)
    run faults WebhookFaultRunTest -Dfault.deliveries=10000 -Dfault.report="$out/$stamp-webhook-faults.md" "$@" || status=$?
    ;;&
  fuzz|all)
    run fuzz 'WebhookFuzzTest,SaveFuzzTest' -Dfuzz.webhook.cases=10000 -Dfuzz.save.cases=2000 \
      -Dfuzz.webhook.report="$out/$stamp-fuzz-webhook.md" -Dfuzz.save.report="$out/$stamp-fuzz-save.md" "$@" || status=$?
    ;;
  faults) ;;
  *) echo "usage: $0 faults|fuzz|all [Maven arguments]" >&2; exit 2 ;;
esac
echo "Reports: $(ls -1 "$out"/"$stamp"-* 2>/dev/null | tr '\n' ' ')"
exit $status
