#!/bin/sh
# Builds Digest's Functions package (host.json, one function.json per function, the self-contained handler) and
# deploys it to the function app with zip deploy.
# Needs: .NET SDK, Azure CLI signed in; AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME (azd sets them).
set -eu
cd "$(dirname "$0")/.."

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"

zip="artifacts/digest-functions.zip"
dotnet run -c Release --project Functions -- package --out "$zip"

echo "Deploying $zip to $AZURE_FUNCTION_APP_NAME..."
az functionapp deployment source config-zip \
  --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --src "$zip" --output none
echo "Deployed."
