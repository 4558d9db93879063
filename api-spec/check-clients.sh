#!/usr/bin/env bash
# The contracts as integrators meet them: generates TypeScript and Go clients from the files the
# services serve at /q/openapi (api-spec's bundles in api-spec/target/classes/openapi; each service's
# OperationsTest proves they are what it serves) and compiles them, with a check that a client gets
# the register as JSON and as CSV and accepts values of open lists it does not know. The Java client
# (api-client, generated from the same bundles) is compiled and tested by ./mvnw verify.
#
#   api-spec/check-clients.sh          after ./mvnw verify (or it bundles the contracts itself)
#
# Installs what the machine lacks: Go from Debian (golang-go) and, if need be, Node.js; the npm
# packages (openapi-typescript, typescript 5) and the openapi-generator CLI (Maven Central) go to a
# temporary directory. The Go client builds with the standard library only: no module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bundles=$root/api-spec/target/classes/openapi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '\n--- %s\n' "$*"; }

install_debian() {
    if [ "$(id -u)" != 0 ]; then
        echo "check-clients: install $* (Debian packages) first" >&2
        exit 1
    fi
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}

command -v go >/dev/null 2>&1 || install_debian golang-go
command -v npm >/dev/null 2>&1 || install_debian nodejs npm
go version
echo "node $(node --version)"

if ! ls "$bundles"/*.yaml >/dev/null 2>&1; then
    say "Bundling the contracts"
    ./mvnw -B -q -pl api-spec generate-sources
fi
contracts=$(cd "$bundles" && ls *.yaml | sed 's/\.yaml$//')
echo "contracts: $(echo $contracts)"

say "TypeScript (openapi-typescript, tsc --noEmit)"
ts=$work/ts
mkdir -p "$ts/src"
npm install --prefix "$ts" --no-audit --no-fund --loglevel=error openapi-typescript@7 typescript@5 >/dev/null
for contract in $contracts; do
    "$ts/node_modules/.bin/openapi-typescript" "$bundles/$contract.yaml" -o "$ts/src/$contract.ts" >/dev/null
done
cat > "$ts/src/check.ts" <<'EOF'
// What an integrator relies on, checked by the compiler against the generated types.
import type { components, paths } from "./membership";

type Register = paths["/senates/{slug}/register"]["get"]["responses"][200]["content"]["application/json"];
type RegisterCsv = paths["/senates/{slug}/register.csv"]["get"]["responses"][200]["content"]["text/csv"];

export const register: Register = {
    senate: "south-east", senateName: "South East Clinical Senate", asOf: "2026-11-23",
    decisionMakers: [{ name: "Dr Amara Okafor", role: "chair", profession: "medicine", returnStatus: "declared", declarations: [] }],
    noDeclaration: [],
};
export const csv: RegisterCsv = "Name,Title\r\n";
// open lists are strings: a value added after this client was generated still type-checks
export const status: components["schemas"]["AppointmentStatus"] = "suspended";
export const returnStatus: Register["decisionMakers"][number]["returnStatus"] = "some-new-status";
EOF
cat > "$ts/tsconfig.json" <<'EOF'
{ "compilerOptions": { "strict": true, "noEmit": true, "target": "es2022", "module": "es2022",
    "moduleResolution": "bundler", "noUncheckedIndexedAccess": true }, "include": ["src"] }
EOF
"$ts/node_modules/.bin/tsc" -p "$ts/tsconfig.json"
echo "TypeScript: $(echo $contracts) compile"

say "Go (openapi-generator's go generator, go build, go test)"
generator_version=$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' pom.xml)
./mvnw -B -q -N dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true
go_root=$work/go
for contract in $contracts; do
    # withGoMod=false: the module below has no dependencies, so nothing is fetched
    java -jar "$work/openapi-generator-cli.jar" generate --generator-name go \
        --input-spec "$bundles/$contract.yaml" --output "$go_root/$contract" --package-name "$contract" \
        --additional-properties=withGoMod=false,hideGenerationTimestamp=true,enumClassPrefix=true \
        --global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false >/dev/null
done
printf 'module clinicalsenate.example/clients\n\ngo 1.19\n' > "$go_root/go.mod"
mkdir -p "$go_root/check"
cat > "$go_root/check/register_test.go" <<'EOF'
package check

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"clinicalsenate.example/clients/membership"
)

// A generated Go client reads the register as JSON and as CSV, and takes values of open lists
// that it does not know.
func TestTheRegisterAsJsonAndAsCsv(t *testing.T) {
	const csv = "\uFEFFName,Title\r\nDr Amara Okafor,Consultant Stroke Physician\r\n"
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/senates/south-east/register":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"senate":"south-east","senateName":"South East Clinical Senate","asOf":"2026-11-23",
				"decisionMakers":[{"name":"Dr Amara Okafor","role":"chair","profession":"paramedicine",
				"returnStatus":"some-new-status","declarations":[]}],"noDeclaration":[]}`))
		case "/senates/south-east/register.csv":
			w.Header().Set("Content-Type", "text/csv; charset=UTF-8")
			w.Write([]byte(csv))
		default:
			http.NotFound(w, r)
		}
	}))
	defer server.Close()
	config := membership.NewConfiguration()
	config.Servers = membership.ServerConfigurations{{URL: server.URL}}
	client := membership.NewAPIClient(config)

	register, _, err := client.RegisterAPI.GetRegister(context.Background(), "south-east").Execute()
	if err != nil {
		t.Fatalf("register as JSON: %v", err)
	}
	if got := register.DecisionMakers[0].ReturnStatus; got != "some-new-status" {
		t.Errorf("return status %q", got)
	}
	file, _, err := client.RegisterAPI.GetRegisterCsv(context.Background(), "south-east").Execute()
	if err != nil {
		t.Fatalf("register as CSV: %v", err)
	}
	defer os.Remove(file.Name())
	text, err := io.ReadAll(file)
	if err != nil || string(text) != csv {
		t.Errorf("CSV %q (%v)", text, err)
	}
}
EOF
(cd "$go_root" && export GOFLAGS=-mod=mod GOPROXY=off && go build ./... && go test ./check/)
echo "Go: $(echo $contracts) compile"

echo
echo "check-clients: TypeScript and Go clients of $(echo $contracts) compile"
