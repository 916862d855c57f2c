#!/usr/bin/env bash
# Cold start, warm path and memory of the packaged JVM functions, through Lambda's runtime interface
# client and a Runtime API on loopback, against a moto server of its own
# (com.halopsaconnector.lambdaruntime.LambdaRuntimeBenchmark).
# Writes docs/benchmarks/<date>-lambda-runtime.{md,json}. Not part of the tests: run it on an idle machine.
#   infra/bench/lambda-runtime.sh                 # builds target/function-jvm.zip first (infra/package/jvm.sh)
#   SKIP_PACKAGE=1 infra/bench/lambda-runtime.sh  # the zip as it is
# Sizes: -Dbench.cold-runs=10 -Dbench.warm-deliveries=2000 -Dbench.rss-deliveries=10000 (as BENCH_OPTS).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

[ "${SKIP_PACKAGE:-}" = 1 ] || infra/package/jvm.sh
# shellcheck disable=SC2086
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager ${BENCH_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" com.halopsaconnector.lambdaruntime.LambdaRuntimeBenchmark
