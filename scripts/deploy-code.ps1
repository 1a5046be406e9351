# Windows twin of deploy-code.sh (deploying without azd): builds the package with Digest's `package` command, waits
# until the Key Vault references resolve, zip-deploys it (retried with a pause while the role assignments of a fresh
# deployment apply) and restarts the app.
# Needs: .NET SDK, Azure CLI signed in; AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'azure-cli.ps1')

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name (an output of infra/main.bicep)" }
}
Assert-AzureCli
$attempts = if ($env:DIGEST_DEPLOY_ATTEMPTS) { [int]$env:DIGEST_DEPLOY_ATTEMPTS } else { 6 }
$pause = if ($env:DIGEST_DEPLOY_PAUSE_SECONDS) { [int]$env:DIGEST_DEPLOY_PAUSE_SECONDS } else { 30 }

$zip = 'artifacts/digest-functions.zip'
dotnet run --project Cli -- package --out $zip
if ($LASTEXITCODE -ne 0) { throw 'package failed' }
& (Join-Path $PSScriptRoot 'wait-for-key-vault-references.ps1')

for ($attempt = 1; ; $attempt++) {
  az functionapp deployment source config-zip --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --src $zip --output none
  if ($LASTEXITCODE -eq 0) { break }
  if ($attempt -ge $attempts) {
    throw "Deploying to $env:AZURE_FUNCTION_APP_NAME failed $attempt times; if it answered 403, the role assignments may still be applying: run this again in a few minutes."
  }
  Write-Host "Deploy attempt $attempt of $attempts failed (role assignments take minutes to apply after provisioning); retrying in ${pause}s..."
  Start-Sleep -Seconds $pause
}

az functionapp restart --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --output none
if ($LASTEXITCODE -ne 0) { throw 'restart failed' }
Write-Host "Deployed $zip to $env:AZURE_FUNCTION_APP_NAME and restarted it."
