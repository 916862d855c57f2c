#!/usr/bin/env bash
# Builds the JVM package of both functions for Lambda's provided.al2023 runtime: target/function-jvm.zip
#   bootstrap   starts the bundled JDK with AWS's runtime interface client (infra/package/bootstrap)
#   runtime/    a JDK 25 runtime image (jlink): the JVM that trained app.aot, and the only one it fits
#   app/        the application's jars (Quarkus' JVM build) and the runtime interface client; app/classpath
#   app.aot     the AOT cache (JEP 483/514/515), written by a training run that drives both functions'
#               real paths through Lambda's Runtime API (com.halopsaconnector.lambdaruntime.AotTraining)
#
#   infra/package/jvm.sh              # ./mvnw -B package -DskipTests first, then the package
#   infra/package/jvm.sh --no-build   # from target/ as the last build left it (the pom's pre-integration-test)
#
# Needs: a JDK 25 (JAVA25_HOME, else JAVA_HOME if it is 25 or later, else /usr/lib/jvm/temurin-25-jdk-amd64),
# moto_server on PATH (the training run starts one of its own), zip. The JDK and the cache belong to one CPU
# architecture: build on the architecture the functions run on (the template's Architecture).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

build=1
[ "${1:-}" = "--no-build" ] && build=0

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_jdk25() {
  local candidate
  for candidate in "${JAVA25_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK 25 found: set JAVA25_HOME to a JDK 25 (with jlink) of the target architecture" >&2
  return 1
}
jdk=$(find_jdk25)

if [ "$build" = 1 ]; then
  ./mvnw -B package -DskipTests
fi
runner=$(ls target/*-runner.jar)
[ -f target/test-classpath.txt ] && [ -d target/lambda-runtime-client ] && [ -d target/lib ] \
  || { echo "target/ lacks the build's outputs: run without --no-build" >&2; exit 1; }

out=target/jvm-package
rm -rf "$out" target/function-jvm.zip
mkdir -p "$out/app/lib" "$out/app/runtime-client"
cp "$runner" "$out/app/"
cp target/lib/*.jar "$out/app/lib/"
cp target/lambda-runtime-client/*.jar "$out/app/runtime-client/"
cp infra/package/bootstrap "$out/bootstrap"
chmod 755 "$out/bootstrap"
# Jars only, no directories: a JVM refuses an AOT cache when a non-empty directory is on the class path.
# The runner jar's manifest names the jars under app/lib.
( cd "$out" && { echo -n "app/$(basename "$runner")"; for jar in app/runtime-client/*.jar; do echo -n ":$jar"; done; } > app/classpath )

modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 -q \
  --class-path "$out/app/lib/*:$out/app/runtime-client/*" "$runner")
echo "jlink: $modules,jdk.zipfs"
# The JDK's default CDS archive as a stock JDK has one (the JVM runs on without app.aot, should Lambda's
# unpacking change the jars' times); modules compressed to keep the package well under Lambda's 250 MB.
"$jdk/bin/jlink" --add-modules "$modules,jdk.zipfs" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$out/runtime"
# Never read here: the CDS archive for heaps over 32 GB, and javac's symbol table (jdk.compiler is
# pulled in by a library's references, not used at run time).
rm -f "$out/runtime/lib/server/classes_nocoops.jsa" "$out/runtime/lib/ct.sym"

# One fixed time on every file: the AOT cache checks each jar's size and modification time, and a zip
# keeps even seconds only, so the times Lambda unpacks must be the ones the training run saw.
file_time="@${SOURCE_DATE_EPOCH:-946684800}"
find "$out" -exec touch -h -d "$file_time" {} +

echo "AOT training run (log: target/aot-training.log)"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" com.halopsaconnector.lambdaruntime.AotTraining "$out" \
  > target/aot-training.log 2>&1 || { tail -40 target/aot-training.log >&2; exit 1; }
[ -s "$out/app.aot" ] || { echo "The training run wrote no $out/app.aot; see target/aot-training.log" >&2; exit 1; }
touch -h -d "$file_time" "$out/app.aot"

( cd "$out" && zip -q -r -y ../function-jvm.zip . )
echo "target/function-jvm.zip: $(du -h target/function-jvm.zip | cut -f1) ($(du -sh "$out/runtime" | cut -f1) runtime, $(du -h "$out/app.aot" | cut -f1) AOT cache)"
