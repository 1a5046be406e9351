#!/bin/sh
# Before code is deployed: makes the function app resolve its Key Vault references, and waits until every one is.
# Right after provisioning, the app identity's Key Vault Secrets User role may not be effective yet; the platform then
# caches the reference unresolved and the app sees the literal @Microsoft.KeyVault(...) text, which Digest's start-up
# refuses, until its next fetch (up to a day). This asks the platform to fetch the references again
# (POST .../config/configreferences/appsettings/refresh) and reads their status
# (GET .../config/configreferences/appsettings), retried with a pause until every reference is Resolved.
# Needs: Azure CLI signed in; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME.
# Optional: DIGEST_WAIT_ATTEMPTS (default 20), DIGEST_WAIT_SECONDS (default 15).
set -eu
cd "$(dirname "$0")/.."
. scripts/azure-cli.sh

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"
require_azure_cli
attempts="${DIGEST_WAIT_ATTEMPTS:-20}"
pause="${DIGEST_WAIT_SECONDS:-15}"

# Documented at https://learn.microsoft.com/azure/app-service/app-service-key-vault-references (rotation).
references="https://management.azure.com/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Web/sites/$AZURE_FUNCTION_APP_NAME/config/configreferences/appsettings"
api="api-version=2022-03-01"

attempt=1
while :; do
  if az rest --method post --url "$references/refresh?$api" --output none \
    && statuses=$(az rest --method get --url "$references?$api" \
      --query "value[].[id, properties.status]" --output tsv); then
    # One line per reference: <id ending in the setting name> <status>.
    unresolved=$(printf '%s\n' "$statuses" | awk 'NF && $2 != "Resolved" { n = split($1, p, "/"); printf "%s%s (%s)", sep, p[n], $2; sep = ", " }')
    if [ -z "$unresolved" ]; then
      echo "Key Vault references of $AZURE_FUNCTION_APP_NAME: all resolved."
      exit 0
    fi
  else
    unresolved="(their status could not be read)"
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    echo "Key Vault references of $AZURE_FUNCTION_APP_NAME are not resolved after $attempt attempts: $unresolved." >&2
    echo "The app would see the reference text and refuse to start. The identity's Key Vault Secrets User role may still be applying: run azd deploy again in a few minutes; if a secret is missing, set its value (README, Deploy to Azure) and run azd provision." >&2
    exit 1
  fi
  echo "Key Vault references not resolved yet: $unresolved; checking again in ${pause}s ($attempt of $attempts)..."
  sleep "$pause"
  attempt=$((attempt + 1))
done
