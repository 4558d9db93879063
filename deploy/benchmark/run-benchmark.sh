#!/usr/bin/env bash
# Measures the performance targets (deploy/benchmark/README.md) against the running local platform
# (start it first with ./run.sh). Builds the benchmark if it is missing; the options go to the
# benchmark (--help). Writes deploy/benchmark/results/latest.md. Needs only a JDK 17+.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1; then
  echo "run-benchmark.sh: no java (set JAVA_HOME or put it on the PATH): install a JDK 17 or newer" >&2
  exit 2
fi

jar=deploy/benchmark/target/benchmark-0.1.0-SNAPSHOT.jar
if [[ ! -f "$jar" ]]; then
  echo "run-benchmark.sh: not built yet: ./mvnw -q -B package -DskipTests -pl deploy/benchmark -am"
  ./mvnw -q -B package -DskipTests -pl deploy/benchmark -am
fi

# a small heap that never grows mid-run (the generator's own pauses would count as latency);
# quiet SLF4J: jose4j (token signing) finds no logging backend, and needs none
exec "$java" -Xms256m -Xmx256m -XX:+UseParallelGC -Dslf4j.internal.verbosity=ERROR -jar "$jar" "$@"
