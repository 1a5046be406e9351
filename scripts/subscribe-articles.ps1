# Windows twin of subscribe-articles.sh (azd postdeploy hook): waits for the blobs_extension key of the deployed code,
# then deploys infra/events/articles-subscription.bicep (Event Grid to SummarizeArticle, with its dead-letter container).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'azure-cli.ps1')

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'ARTICLES_SYSTEM_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_NAME', 'ARTICLES_DEAD_LETTER_CONTAINER') {
  if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name (an output of infra/main.bicep)" }
}
Assert-AzureCli

for ($attempt = 1; ; $attempt++) {
  $key = az functionapp keys list --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name $env:AZURE_FUNCTION_APP_NAME --query "systemKeys.blobs_extension" --output tsv 2>$null
  if ($LASTEXITCODE -eq 0 -and $key) { break }
  if ($attempt -ge 30) { throw "The blobs_extension key of $env:AZURE_FUNCTION_APP_NAME did not appear within 5 minutes; is the code deployed?" }
  Write-Host "Waiting for the Functions host to create the blobs_extension key ($attempt)..."
  Start-Sleep -Seconds 10
}

az deployment group create --subscription $env:AZURE_SUBSCRIPTION_ID --resource-group $env:AZURE_RESOURCE_GROUP --name articles-subscription `
  --template-file infra/events/articles-subscription.bicep `
  --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME systemTopicName=$env:ARTICLES_SYSTEM_TOPIC_NAME `
    storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME deadLetterContainerName=$env:ARTICLES_DEAD_LETTER_CONTAINER `
  --output none
if ($LASTEXITCODE -ne 0) { throw 'the Event Grid subscription deployment failed' }
Write-Host "Articles uploaded to the articles container now reach SummarizeArticle; undeliverable events go to $env:ARTICLES_DEAD_LETTER_CONTAINER."
