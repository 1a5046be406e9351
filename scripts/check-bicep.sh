#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ with the real Bicep CLI. Fails on any warning or error.
# infra/main.parameters.json (azd's parameters, ${VAR} substituted by azd) is not Bicep: the Bicep CLI cannot build
# it, so Functions.Tests/Infrastructure/ParametersFileTests holds it against the compiled main.bicep.
# The CLI is the NuGet package Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props), which the
# test project downloads on restore.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

dotnet restore Functions.Tests/Functions.Tests.csproj --verbosity quiet >/dev/null || { echo "bicep: restore failed" >&2; exit 1; }
root=$(dotnet msbuild Functions.Tests/Functions.Tests.csproj -getProperty:NuGetPackageRoot)
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
bicep="${root%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[ -f "$bicep" ] || { echo "bicep: $bicep not found after restore" >&2; exit 1; }
[ -x "$bicep" ] || chmod u+x "$bicep"
export BICEP_TELEMETRY_ENABLED=false
"$bicep" --version

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
problems=0

# Runs one bicep command; any diagnostic line (warning or error) or a failing exit counts as a problem.
check() {
  local log="$out/log" status
  "$bicep" "$@" >"$out/stdout" 2>"$log"
  status=$?
  cat "$log"
  if [ "$status" -ne 0 ] || grep -qE ' : (Warning|Error) ' "$log"; then
    echo "bicep $1: failed (exit $status)"
    problems=$((problems + 1))
  else
    echo "bicep $1: ok"
  fi
}

check build --pattern 'infra/**/*.bicep' --outdir "$out/json"
check lint --pattern 'infra/**/*.bicep'

files=$(find infra -name '*.bicep' | wc -l)
echo "bicep: $files files built and linted; $problems problems"
[ "$problems" -eq 0 ]
