# Windows twin of first-deploy.sh (azd predeploy hook): when the app has no functions yet, deploys the code with
# deploy-code.ps1 (retried while the role assignments apply), so azd's own deploy that follows finds them in place.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name (an output of infra/main.bicep)" }
}

$count = az functionapp function list --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --query "length(@)" --output tsv 2>$null
if ($LASTEXITCODE -eq 0 -and $count -and $count -ne '0') {
  Write-Host "$env:AZURE_FUNCTION_APP_NAME already runs $count functions; azd deploys the new code."
  exit 0
}

Write-Host "$env:AZURE_FUNCTION_APP_NAME has no code yet: first deployment, retried while its role assignments apply."
& (Join-Path $PSScriptRoot 'deploy-code.ps1')
