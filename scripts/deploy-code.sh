#!/bin/sh
# Builds Digest's deployment package with its own `package` command (dotnet publish of Functions/ -c Release, zipped
# to artifacts/digest-functions.zip) and zip-deploys it to the function app. azd does the same for the service
# `digest`; this is the path without azd.
# Needs: .NET SDK, Azure CLI signed in; AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME (outputs of infra/main.bicep).
set -eu
cd "$(dirname "$0")/.."

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"

zip="artifacts/digest-functions.zip"
dotnet run --project Cli -- package --out "$zip"

echo "Deploying $zip to $AZURE_FUNCTION_APP_NAME..."
az functionapp deployment source config-zip \
  --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --src "$zip" --output none
echo "Deployed."
