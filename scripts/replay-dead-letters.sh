#!/bin/sh
# Replays article events Event Grid dead-lettered (undelivered for 24 hours) to SummarizeArticle: each dead-letter
# blob holds a JSON array of events, which this posts to the blobs-extension webhook exactly as Event Grid would.
# SummarizeArticle skips articles already summarized, so replaying twice is harmless. A replayed blob is kept unless
# --delete is passed, which deletes each blob once its events were posted.
# Needs: Azure CLI signed in with the operator roles (Storage Blob Data Contributor on the dead-letter container: read,
# and delete with --delete), curl, jq; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# AZURE_STORAGE_ACCOUNT_NAME, ARTICLES_DEAD_LETTER_CONTAINER.
set -eu
. "$(dirname "$0")/azure-cli.sh"

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME (an output of infra/main.bicep)}"
: "${ARTICLES_DEAD_LETTER_CONTAINER:?set ARTICLES_DEAD_LETTER_CONTAINER (an output of infra/main.bicep)}"
require_azure_cli
delete=false
[ "${1:-}" = "--delete" ] && delete=true

key=$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query "systemKeys.blobs_extension" --output tsv)
host=$(az functionapp show --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName --output tsv)
webhook="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.SummarizeArticle&code=$key"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
replayed=0
for blob in $(az storage blob list --subscription "$AZURE_SUBSCRIPTION_ID" --auth-mode login \
    --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
    --container-name "$ARTICLES_DEAD_LETTER_CONTAINER" --query "[].name" --output tsv); do
  az storage blob download --subscription "$AZURE_SUBSCRIPTION_ID" --auth-mode login \
    --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
    --container-name "$ARTICLES_DEAD_LETTER_CONTAINER" --name "$blob" --file "$work/events.json" --output none
  jq -c '.[] | del(.deadLetterReason, .deliveryAttempts, .lastDeliveryOutcome, .publishTime, .lastDeliveryAttemptTime)' \
    "$work/events.json" | while read -r event; do
    echo "Replaying $(printf '%s' "$event" | jq -r .subject)"
    printf '[%s]' "$event" | curl -fsS -X POST "$webhook" -H "aeg-event-type: Notification" \
      -H "content-type: application/json" --data-binary @- >/dev/null
  done
  replayed=$((replayed + 1))
  if [ "$delete" = true ]; then
    az storage blob delete --subscription "$AZURE_SUBSCRIPTION_ID" --auth-mode login \
      --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
      --container-name "$ARTICLES_DEAD_LETTER_CONTAINER" --name "$blob" --output none
  fi
done
echo "Replayed $replayed dead-letter blobs to SummarizeArticle."
