// Digest on Azure: one resource group holding the storage account, the Flex Consumption function app (.NET isolated
// worker, the azd service `digest`), its user-assigned identity and roles, Key Vault, monitoring, the Event Grid system topic for uploaded
// articles and, when a cloud summarizer is chosen, Azure AI Language. No keys: every service is reached with the
// app's identity. The Event Grid subscription to SummarizeArticle is created after the code is deployed
// (infra/events/articles-subscription.bicep, run by scripts/subscribe-articles.sh as azd's postdeploy hook).
targetScope = 'subscription'

@description('Name of the environment (e.g. dev, prod); names the resource group and seeds the unique resource token.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Name of the resource group; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Principal id of the operator who uploads articles, reads briefings and manages subscribers from the command line (azd fills in the signed-in user or service principal); empty: no operator roles.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is: User when a person runs azd, ServicePrincipal when a pipeline does (azd sets AZURE_PRINCIPAL_TYPE).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Sender address of briefing email (Mail:FromAddress); a sender SendGrid has verified.')
param senderAddress string

@description('Sender display name of briefing email (Mail:FromName).')
@maxLength(64)
param senderName string = 'Digest'

@description('Postal address printed in every email footer (Mail:PostalAddress); required: anti-spam laws (CAN-SPAM and others) demand it in bulk email.')
@minLength(1)
@maxLength(300)
param postalAddress string

@description('NCRONTAB schedule (six fields) of the daily briefing, in UTC: Linux Flex Consumption apps run timers in UTC.')
param briefingSchedule string = '0 0 7 * * *'

@description('IANA time zone whose calendar day a briefing covers (Briefing:TimeZone), e.g. Europe/Berlin.')
param briefingTimeZone string = 'UTC'

@description('Summarizer:Provider. A language- provider also creates an Azure AI Language resource; the first one in a subscription may need the Responsible AI terms accepted in the Azure portal first.')
@allowed([
  'builtin'
  'language-extractive'
  'language-abstractive'
])
param summarizerProvider string = 'builtin'

@description('Azure region of the Language resource (abstractive summaries are offered in fewer regions); empty: location.')
param languageLocation string = ''

@description('Pricing tier of the Language resource: S, or F0 (free, one per subscription).')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Most instances the function app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each function app instance in MB: 512, 2048 or 4096 (the Flex Consumption sizes; Azure rejects others).')
@minValue(512)
@maxValue(4096)
param instanceMemoryMB int = 2048

@description('App settings of your own, merged over what the app had (settings added by hand are kept too); Digest\'s own settings win on a clash.')
param extraAppSettings object = {}

@description('SendGrid API key with Mail Send permission; stored in Key Vault only.')
@secure()
@minLength(1)
param sendGridApiKey string

@description('Secret (32+ characters) that signs unsubscribe and confirmation links; stored in Key Vault only. Keep it across deployments: changing it breaks links in emails already sent.')
@secure()
@minLength(32)
param subscriptionSigningKey string

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var useLanguage = summarizerProvider != 'builtin'
// The service in azure.yaml whose code azd deploys to the function app (found by its azd-service-name tag).
var serviceName = 'digest'
var functionAppName = '${abbrs.webSitesFunctions}digest-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}digest-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    subscriptionSigningKey: subscriptionSigningKey
  }
}

module language 'modules/language.bicep' = if (useLanguage) {
  name: 'language'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
    location: !empty(languageLocation) ? languageLocation : location
    tags: tags
    sku: languageSku
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    articlesTopicPrincipalId: articlesTopic.outputs.principalId
    storageAccountName: storage.outputs.name
    deadLetterContainerName: storage.outputs.deadLetterContainerName
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    languageName: useLanguage ? '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}' : ''
  }
  dependsOn: [
    language
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    appName: functionAppName
    serviceName: serviceName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    senderAddress: senderAddress
    senderName: senderName
    postalAddress: postalAddress
    briefingSchedule: briefingSchedule
    briefingTimeZone: briefingTimeZone
    summarizerProvider: summarizerProvider
    languageEndpoint: useLanguage ? language!.outputs.endpoint : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    extraAppSettings: extraAppSettings
  }
  // The identity holds its roles before the app first starts and resolves its Key Vault references.
  dependsOn: [
    roles
  ]
}

module articlesTopic 'modules/articles-topic.bicep' = {
  name: 'articlesTopic'
  scope: rg
  params: {
    name: '${abbrs.eventGridSystemTopics}articles-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

@description('Azure region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group that holds every Digest resource.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the function app (for zip deploy, keys and logs).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Public base URL of the app: web view, subscribe and unsubscribe links.')
output DIGEST_PUBLIC_URL string = functionApp.outputs.url

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint of the storage account, for upload --storage.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Name of the key vault that holds the SendGrid API key and the signing key.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Event Grid system topic the post-deploy step subscribes SummarizeArticle to.')
output ARTICLES_SYSTEM_TOPIC_NAME string = articlesTopic.outputs.name

@description('Blob container where Event Grid dead-letters article events it could not deliver (scripts/replay-dead-letters.sh replays them).')
output ARTICLES_DEAD_LETTER_CONTAINER string = storage.outputs.deadLetterContainerName

@description('Client id of the app\'s user-assigned identity.')
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
