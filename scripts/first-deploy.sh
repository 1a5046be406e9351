#!/bin/sh
# azd predeploy hook. On the first deployment after provisioning, the app identity's role assignments may not be
# effective yet and a zip deploy can answer 403. When the app has no functions yet, this deploys the code with
# scripts/deploy-code.sh (retried with a pause, then the app restarted), so azd's own deploy that follows finds the
# roles in place. Once the app runs code, it does nothing.
# Needs: Azure CLI signed in; AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME (azd sets them from the outputs).
set -eu
cd "$(dirname "$0")/.."

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"

count=$(az functionapp function list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query "length(@)" --output tsv 2>/dev/null || echo 0)
if [ "${count:-0}" != "0" ]; then
  echo "$AZURE_FUNCTION_APP_NAME already runs $count functions; azd deploys the new code."
  exit 0
fi

echo "$AZURE_FUNCTION_APP_NAME has no code yet: first deployment, retried while its role assignments apply."
./scripts/deploy-code.sh
