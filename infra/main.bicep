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

// The regions of Microsoft's Flex Consumption quickstart (functions-quickstart-dotnet-azd); azd offers only these.
@description('Azure region of every resource: one that offers the Flex Consumption plan.')
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({ azd: { type: 'location' } })
param location string

@description('Name of the resource group; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Principal id of the operator who uploads articles, reads briefings and manages subscribers from the command line (azd fills in the signed-in user or service principal as AZURE_PRINCIPAL_ID); empty: no operator roles.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is: User when a person runs azd (the default), ServicePrincipal when a pipeline does. azd does not detect it: the pipeline sets AZURE_PRINCIPAL_TYPE=ServicePrincipal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Whether operatorPrincipalId gets the operator roles (upload articles, read briefings and dead letters, manage subscribers). A pipeline that only deploys can turn them off (DIGEST_OPERATOR_ROLES=false).')
param grantOperatorRoles bool = true

@description('How briefing email leaves (Mail:Sender): sendgrid (sendGridApiKey) or smtp (smtpHost, and smtpUserName with smtpPassword for AUTH).')
@allowed([
  'sendgrid'
  'smtp'
])
param mailSender string = 'sendgrid'

@description('Sender address of briefing email (Mail:FromAddress): with SendGrid a verified sender, with SMTP one the relay may send as.')
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
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('App settings of your own as a JSON object, e.g. {"Briefing__Cutoff":"05:30"}, merged over what the app had (settings added by hand are kept too); Digest\'s own settings win on a clash. Empty: none.')
param extraAppSettings string = ''

@description('SendGrid API key with Mail Send permission, stored in Key Vault only; required when mailSender is sendgrid, unused otherwise.')
@secure()
param sendGridApiKey string = ''

@description('Host name of the SMTP relay (Mail:Smtp:Host); required when mailSender is smtp.')
param smtpHost string = ''

@description('Port of the SMTP relay (Mail:Smtp:Port): 587 for submission with STARTTLS.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('User name for SMTP AUTH (Mail:Smtp:UserName); empty: the relay is used without authentication.')
param smtpUserName string = ''

@description('Password for SMTP AUTH, stored in Key Vault only (Mail:Smtp:Password is a Key Vault reference); required with smtpUserName.')
@secure()
param smtpPassword string = ''

@description('Secret (32+ characters) that signs unsubscribe and confirmation links; stored in Key Vault only. Keep it across deployments: changing it breaks links in emails already sent.')
@secure()
@minLength(32)
param subscriptionSigningKey string

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var useLanguage = summarizerProvider != 'builtin'
var useSmtp = mailSender == 'smtp'
// SMTP AUTH is used when a user name is given; its password then goes to Key Vault.
var useSmtpAuth = useSmtp && !empty(smtpUserName)
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
    // Each mail secret is stored only for the sender that uses it, and a missing one stops the deployment here.
    sendGridApiKey: useSmtp ? '' : !empty(sendGridApiKey) ? sendGridApiKey : fail('sendGridApiKey (azd: SENDGRID_API_KEY) is required when mailSender is sendgrid.')
    smtpPassword: !useSmtpAuth ? '' : !empty(smtpPassword) ? smtpPassword : fail('smtpPassword (azd: DIGEST_SMTP_PASSWORD) is required when mailSender is smtp and smtpUserName is set.')
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
    operatorPrincipalId: grantOperatorRoles ? operatorPrincipalId : ''
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
    mailSender: mailSender
    smtpHost: !useSmtp ? '' : !empty(smtpHost) ? smtpHost : fail('smtpHost (azd: DIGEST_SMTP_HOST) is required when mailSender is smtp.')
    smtpPort: smtpPort
    smtpUserName: useSmtp ? smtpUserName : ''
    senderAddress: senderAddress
    senderName: senderName
    postalAddress: postalAddress
    briefingSchedule: briefingSchedule
    briefingTimeZone: briefingTimeZone
    summarizerProvider: summarizerProvider
    languageEndpoint: useLanguage ? language!.outputs.endpoint : ''
    languageRegion: !empty(languageLocation) ? languageLocation : location
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    extraAppSettings: empty(extraAppSettings) ? {} : json(extraAppSettings)
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

@description('Name of the key vault that holds the signing key and the mail secret (SendGrid API key or SMTP password).')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('Name of the Event Grid system topic the post-deploy step subscribes SummarizeArticle to.')
output ARTICLES_SYSTEM_TOPIC_NAME string = articlesTopic.outputs.name

@description('Blob container where Event Grid dead-letters article events it could not deliver (scripts/replay-dead-letters.sh replays them).')
output ARTICLES_DEAD_LETTER_CONTAINER string = storage.outputs.deadLetterContainerName

@description('Client id of the app\'s user-assigned identity.')
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
