#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/**/*Benchmark.java) and writes the results to
# docs/benchmarks/<date>-<benchmark>.{json,txt}. Not part of the tests or CI: numbers on shared
# 2-core machines vary, so compare runs made on the same machine.
#   infra/bench/run.sh [JMH options, e.g. -wi 3 -i 5 -f 2]   (default: short run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
mkdir -p docs/benchmarks
stamp=$(date -u +%Y-%m-%d)
out="docs/benchmarks/$stamp-webhook-path"
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-wi 3 -w 2s -i 5 -r 2s -f 1)
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  "${options[@]}" -rf json -rff "$out.json" WebhookPathBenchmark | tee "$out.txt"
{
  echo
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
} >> "$out.txt"
echo "Results: $out.json, $out.txt"
