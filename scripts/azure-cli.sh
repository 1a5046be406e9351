# Sourced by the deploy scripts (POSIX sh). Every `az` call they make names the subscription azd deploys to
# (--subscription "$AZURE_SUBSCRIPTION_ID"), so the Azure CLI's own default subscription does not matter; this checks
# first that az is signed in with access to it, and stops with what to do when it is not. azd signs in only azd:
# `azd auth login` (laptop) or `azd auth login --federated-credential-provider github` (CI) do not sign in az.

require_azure_cli() {
  : "${AZURE_SUBSCRIPTION_ID:?set AZURE_SUBSCRIPTION_ID (azd sets it; without azd: export AZURE_SUBSCRIPTION_ID=<subscription id>)}"
  if ! az account show --subscription "$AZURE_SUBSCRIPTION_ID" --output none; then
    echo "The Azure CLI (az) is not signed in with access to subscription $AZURE_SUBSCRIPTION_ID, which azd deploys to." >&2
    echo "On a laptop: az login (with --tenant <tenant id> for another tenant), then run this again." >&2
    echo "In CI: sign az in next to azd with the pipeline's federated credential: the azure/login action, or" >&2
    echo "  az login --service-principal --username \"\$AZURE_CLIENT_ID\" --tenant \"\$AZURE_TENANT_ID\" --federated-token <OIDC token>" >&2
    echo "(README, Deploy to Azure: From CI)." >&2
    exit 1
  fi
}
