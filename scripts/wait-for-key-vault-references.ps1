# Windows twin of wait-for-key-vault-references.sh: asks the function app to fetch its Key Vault references again
# (configreferences/appsettings/refresh) and waits, with bounded retries, until every one is Resolved.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'azure-cli.ps1')

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name (an output of infra/main.bicep)" }
}
Assert-AzureCli
$attempts = if ($env:DIGEST_WAIT_ATTEMPTS) { [int]$env:DIGEST_WAIT_ATTEMPTS } else { 20 }
$pause = if ($env:DIGEST_WAIT_SECONDS) { [int]$env:DIGEST_WAIT_SECONDS } else { 15 }

$references = "https://management.azure.com/subscriptions/$env:AZURE_SUBSCRIPTION_ID/resourceGroups/$env:AZURE_RESOURCE_GROUP/providers/Microsoft.Web/sites/$env:AZURE_FUNCTION_APP_NAME/config/configreferences/appsettings"
$api = 'api-version=2022-03-01'

for ($attempt = 1; ; $attempt++) {
  $unresolved = '(their status could not be read)'
  az rest --method post --url "$references/refresh?$api" --output none
  if ($LASTEXITCODE -eq 0) {
    $json = az rest --method get --url "$references`?$api" --output json
    if ($LASTEXITCODE -eq 0) {
      $pending = @(($json | Out-String | ConvertFrom-Json).value | Where-Object { $_.properties.status -ne 'Resolved' } |
        ForEach-Object { "$(($_.id -split '/')[-1]) ($($_.properties.status))" })
      if ($pending.Count -eq 0) {
        Write-Host "Key Vault references of ${env:AZURE_FUNCTION_APP_NAME}: all resolved."
        exit 0
      }
      $unresolved = $pending -join ', '
    }
  }
  if ($attempt -ge $attempts) {
    throw ("Key Vault references of $env:AZURE_FUNCTION_APP_NAME are not resolved after $attempt attempts: $unresolved. " +
      'The app would see the reference text and refuse to start. The identity''s Key Vault Secrets User role may still be applying: run azd deploy again in a few minutes; if a secret is missing, set its value (README, Deploy to Azure) and run azd provision.')
  }
  Write-Host "Key Vault references not resolved yet: $unresolved; checking again in ${pause}s ($attempt of $attempts)..."
  Start-Sleep -Seconds $pause
}
