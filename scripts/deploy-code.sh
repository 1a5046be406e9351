#!/bin/sh
# Deploys without azd: builds Digest's deployment package with its own `package` command (dotnet publish of
# Functions/ -c Release, zipped to artifacts/digest-functions.zip), waits until the app's Key Vault references resolve
# (scripts/wait-for-key-vault-references.sh), zip-deploys the package and restarts the app.
# Right after provisioning, the app identity's role on the deployment container may not be effective yet (Azure
# takes minutes to apply role assignments) and the deploy answers 403: it is retried after a pause.
# Needs: .NET SDK, Azure CLI signed in; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME
# (outputs of infra/main.bicep). Optional: DIGEST_DEPLOY_ATTEMPTS (default 6), DIGEST_DEPLOY_PAUSE_SECONDS (default 30).
set -eu
cd "$(dirname "$0")/.."
. scripts/azure-cli.sh

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"
require_azure_cli
attempts="${DIGEST_DEPLOY_ATTEMPTS:-6}"
pause="${DIGEST_DEPLOY_PAUSE_SECONDS:-30}"

zip="artifacts/digest-functions.zip"
dotnet run --project Cli -- package --out "$zip"
./scripts/wait-for-key-vault-references.sh

attempt=1
until az functionapp deployment source config-zip --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --src "$zip" --output none; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "Deploying to $AZURE_FUNCTION_APP_NAME failed $attempt times; if it answered 403, the role assignments may still be applying: run this again in a few minutes." >&2
    exit 1
  fi
  echo "Deploy attempt $attempt of $attempts failed (role assignments take minutes to apply after provisioning); retrying in ${pause}s..."
  sleep "$pause"
  attempt=$((attempt + 1))
done

az functionapp restart --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "$AZURE_FUNCTION_APP_NAME" --output none
echo "Deployed $zip to $AZURE_FUNCTION_APP_NAME and restarted it."
