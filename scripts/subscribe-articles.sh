#!/bin/sh
# Post-deploy step: subscribes SummarizeArticle to BlobCreated events of the articles container
# (infra/events/articles-subscription.bicep). Run it after the code is deployed: the blobs_extension key the
# webhook needs is created when the Functions host first loads the blob trigger, so this waits for it. azd runs it
# as the postdeploy hook.
# Needs: Azure CLI signed in; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, ARTICLES_SYSTEM_TOPIC_NAME,
# AZURE_STORAGE_ACCOUNT_NAME and ARTICLES_DEAD_LETTER_CONTAINER (outputs of infra/main.bicep).
set -eu
cd "$(dirname "$0")/.."
. scripts/azure-cli.sh

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"
: "${ARTICLES_SYSTEM_TOPIC_NAME:?set ARTICLES_SYSTEM_TOPIC_NAME (an output of infra/main.bicep)}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME (an output of infra/main.bicep)}"
: "${ARTICLES_DEAD_LETTER_CONTAINER:?set ARTICLES_DEAD_LETTER_CONTAINER (an output of infra/main.bicep)}"
require_azure_cli

attempts=0
until key=$(az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null) && [ -n "$key" ]; do
  attempts=$((attempts + 1))
  if [ "$attempts" -ge 30 ]; then
    echo "The blobs_extension key of $AZURE_FUNCTION_APP_NAME did not appear within 5 minutes; is the code deployed?" >&2
    exit 1
  fi
  echo "Waiting for the Functions host to create the blobs_extension key ($attempts)..."
  sleep 10
done

az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name articles-subscription \
  --template-file infra/events/articles-subscription.bicep \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" systemTopicName="$ARTICLES_SYSTEM_TOPIC_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" deadLetterContainerName="$ARTICLES_DEAD_LETTER_CONTAINER" \
  --output none
echo "Articles uploaded to the articles container now reach SummarizeArticle; undeliverable events go to $ARTICLES_DEAD_LETTER_CONTAINER."
