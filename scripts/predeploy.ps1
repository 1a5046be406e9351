# Windows twin of predeploy.sh (azd predeploy hook). Deploys nothing: checks az is signed in to azd's subscription,
# waits until the Key Vault references resolve and, on the first deployment, until the app identity's storage role
# applies (the host's keys can be listed), so that azd's one deployment succeeds and the code starts.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'azure-cli.ps1')

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name (an output of infra/main.bicep)" }
}
Assert-AzureCli
$attempts = if ($env:DIGEST_WAIT_ATTEMPTS) { [int]$env:DIGEST_WAIT_ATTEMPTS } else { 20 }
$pause = if ($env:DIGEST_WAIT_SECONDS) { [int]$env:DIGEST_WAIT_SECONDS } else { 15 }

& (Join-Path $PSScriptRoot 'wait-for-key-vault-references.ps1')

$count = az functionapp function list --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --query "length(@)" --output tsv
if ($LASTEXITCODE -eq 0 -and $count -and $count -ne '0') {
  Write-Host "$env:AZURE_FUNCTION_APP_NAME runs $count functions; azd deploys the new code."
  exit 0
}

Write-Host "$env:AZURE_FUNCTION_APP_NAME runs no code yet: waiting until its identity's storage role applies before azd deploys."
for ($attempt = 1; ; $attempt++) {
  az functionapp keys list --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --query masterKey --output none
  if ($LASTEXITCODE -eq 0) { break }
  if ($attempt -ge $attempts) {
    throw "The Functions host of $env:AZURE_FUNCTION_APP_NAME still cannot use its storage after $attempt attempts: the identity's role assignments may still be applying. Run azd deploy again in a few minutes."
  }
  Write-Host "Storage role not effective yet; checking again in ${pause}s ($attempt of $attempts)..."
  Start-Sleep -Seconds $pause
}
Write-Host "$env:AZURE_FUNCTION_APP_NAME can use its storage; azd deploys the code."
