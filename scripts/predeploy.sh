#!/bin/sh
# azd predeploy hook, run before azd deploys the code (`azd up`, `azd deploy`). It deploys nothing itself: azd's
# deploy that follows is the only one. It makes sure that deploy can succeed and the code can start:
# 1. az is signed in with access to azd's subscription (scripts/azure-cli.sh).
# 2. The app's Key Vault references are resolved (scripts/wait-for-key-vault-references.sh): a reference fetched
#    before the identity's Key Vault role applied stays unresolved, and start-up refuses the reference text.
# 3. On the first deployment (the app runs no functions yet), the app identity's storage role is effective: right
#    after provisioning it may not be, and the zip deploy, which stores the package with that identity, answers 403.
#    The Functions host keeps its keys in blob storage with the same identity and role, so once
#    `az functionapp keys list` answers, the role applies. Waited for with bounded retries.
# Needs: Azure CLI; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME (azd sets them).
# Optional: DIGEST_WAIT_ATTEMPTS (default 20), DIGEST_WAIT_SECONDS (default 15).
set -eu
cd "$(dirname "$0")/.."
. scripts/azure-cli.sh

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP (an output of infra/main.bicep)}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep)}"
require_azure_cli
attempts="${DIGEST_WAIT_ATTEMPTS:-20}"
pause="${DIGEST_WAIT_SECONDS:-15}"

./scripts/wait-for-key-vault-references.sh

count=$(az functionapp function list --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "$AZURE_FUNCTION_APP_NAME" --query "length(@)" --output tsv) || count=""
if [ -n "$count" ] && [ "$count" != "0" ]; then
  echo "$AZURE_FUNCTION_APP_NAME runs $count functions; azd deploys the new code."
  exit 0
fi

echo "$AZURE_FUNCTION_APP_NAME runs no code yet: waiting until its identity's storage role applies before azd deploys."
attempt=1
until az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" --query masterKey --output none; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "The Functions host of $AZURE_FUNCTION_APP_NAME still cannot use its storage after $attempt attempts: the identity's role assignments may still be applying. Run azd deploy again in a few minutes." >&2
    exit 1
  fi
  echo "Storage role not effective yet; checking again in ${pause}s ($attempt of $attempts)..."
  sleep "$pause"
  attempt=$((attempt + 1))
done
echo "$AZURE_FUNCTION_APP_NAME can use its storage; azd deploys the code."
