# Windows twin of azure-cli.sh, dot-sourced by the deploy scripts: every `az` call names azd's subscription
# (--subscription $env:AZURE_SUBSCRIPTION_ID); this checks first that az is signed in with access to it.

function Assert-AzureCli {
  if (-not $env:AZURE_SUBSCRIPTION_ID) {
    throw 'set AZURE_SUBSCRIPTION_ID (azd sets it; without azd: $env:AZURE_SUBSCRIPTION_ID = "<subscription id>")'
  }
  az account show --subscription $env:AZURE_SUBSCRIPTION_ID --output none
  if ($LASTEXITCODE -ne 0) {
    throw ("The Azure CLI (az) is not signed in with access to subscription $env:AZURE_SUBSCRIPTION_ID, which azd deploys to. " +
      'On a laptop: az login (with --tenant <tenant id> for another tenant), then run this again. ' +
      'In CI: sign az in next to azd with the pipeline''s federated credential: the azure/login action, or ' +
      'az login --service-principal --username $env:AZURE_CLIENT_ID --tenant $env:AZURE_TENANT_ID --federated-token <OIDC token> ' +
      '(README, Deploy to Azure: From CI).')
  }
}
