#!/usr/bin/env bash
# Local run (the embedded default): builds what is missing, then starts the three services on
# one embedded PostgreSQL with a local OIDC issuer, seeds demo data and prints tokens.
# Needs only a JDK 17+. Options: --rebuild (build again first); the rest go to the launcher
# (./run.sh --help). Ctrl-C stops everything. Data and logs: .local/ (delete it to reset).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1; then
  echo "run.sh: no java (set JAVA_HOME or put it on the PATH): install a JDK 17 or newer" >&2
  exit 1
fi
version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [[ -z "$version" || "${version%%.*}" -lt 17 ]]; then
  echo "run.sh: $java is Java ${version:-of unknown version}: a JDK 17 or newer is needed" >&2
  exit 1
fi

launcher=deploy/launcher/target/launcher-0.1.0-SNAPSHOT.jar
wanted=(
  "$launcher"
  membership-service/target/quarkus-app/quarkus-run.jar
  review-service/target/quarkus-app/quarkus-run.jar
  notification-service/target/quarkus-app/quarkus-run.jar
)

rebuild=false
help=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --help|-h) help=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

if $rebuild; then
  echo "run.sh: building everything: ./mvnw -q -B install -DskipTests"
  ./mvnw -q -B install -DskipTests
else
  missing=()
  for jar in "${wanted[@]}"; do
    [[ -f "$jar" ]] || missing+=("${jar%%/target/*}")
  done
  if (( ${#missing[@]} > 0 )) && ! { $help && [[ -f "$launcher" ]]; }; then
    modules=$(IFS=,; echo "${missing[*]}")
    echo "run.sh: not built yet: ${missing[*]}"
    echo "run.sh: ./mvnw -q -B install -DskipTests -pl $modules -am (the first build downloads dependencies: a few minutes)"
    ./mvnw -q -B install -DskipTests -pl "$modules" -am
  fi
fi

exec "$java" -jar "$launcher" ${args[@]+"${args[@]}"}
