// The Flex Consumption plan and Digest's function app: a Linux .NET isolated-worker app (runtime dotnet-isolated 10.0)
// that runs as the user-assigned identity, loads its deployment package from blob storage with that identity, and
// reads its secrets through Key Vault references. Its app settings are in app-settings.bicep.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app; its default host name is <name>.azurewebsites.net.')
param appName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('Name of the azd service whose code is deployed to the app (its azd-service-name tag; azure.yaml services).')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Blob service endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Queue service endpoint of the storage account, ending in a slash.')
param queueEndpoint string

@description('Table service endpoint of the storage account, ending in a slash.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Connection string of Application Insights.')
param applicationInsightsConnectionString string

@description('Name of the key vault that holds the signing key and the mail secret.')
param keyVaultName string

@description('How briefing email leaves (Mail:Sender): sendgrid or smtp.')
@allowed([
  'sendgrid'
  'smtp'
])
param mailSender string

@description('Host name of the SMTP relay (Mail:Smtp:Host); empty unless mailSender is smtp.')
param smtpHost string = ''

@description('Port of the SMTP relay (Mail:Smtp:Port).')
param smtpPort int = 587

@description('User name for SMTP AUTH (Mail:Smtp:UserName); empty: no AUTH and no password reference.')
param smtpUserName string = ''

@description('Sender address of briefing email (Mail:FromAddress).')
param senderAddress string

@description('Sender display name of briefing email (Mail:FromName).')
param senderName string

@description('Postal address shown in every email footer (Mail:PostalAddress).')
param postalAddress string

@description('NCRONTAB schedule (six fields, UTC) of the daily briefing, read by the ComposeBriefing timer as %BriefingSchedule%.')
param briefingSchedule string

@description('IANA time zone whose calendar day a briefing covers (Briefing:TimeZone).')
param briefingTimeZone string

@description('Summarizer:Provider: builtin, language-extractive or language-abstractive.')
param summarizerProvider string

@description('Endpoint of the Azure AI Language resource; empty when the built-in summarizer is used.')
param languageEndpoint string = ''

@description('Azure region of the Language resource (Summarizer:Language:Region).')
param languageRegion string = ''

@description('Most instances the app scales out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('App settings of the operator\'s own, merged over the app\'s current settings; Digest\'s own settings win on a clash.')
param extraAppSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
    }
  }
}

// The settings the app has now (none on the first deployment), so a redeployment keeps settings added by hand.
resource currentAppSettings 'Microsoft.Web/sites/config@2024-04-01' existing = {
  parent: functionApp
  name: 'appsettings'
}

module appSettings 'app-settings.bicep' = {
  name: 'appSettings'
  params: {
    appName: functionApp.name
    currentAppSettings: currentAppSettings.list().properties
    extraAppSettings: extraAppSettings
    identityClientId: identityClientId
    blobEndpoint: blobEndpoint
    queueEndpoint: queueEndpoint
    tableEndpoint: tableEndpoint
    applicationInsightsConnectionString: applicationInsightsConnectionString
    keyVaultName: keyVaultName
    mailSender: mailSender
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    senderAddress: senderAddress
    senderName: senderName
    postalAddress: postalAddress
    publicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    briefingSchedule: briefingSchedule
    briefingTimeZone: briefingTimeZone
    summarizerProvider: summarizerProvider
    languageEndpoint: languageEndpoint
    languageRegion: languageRegion
  }
}

@description('Name of the function app.')
output name string = functionApp.name

@description('Resource id of the function app.')
output id string = functionApp.id

@description('Public base URL of the app (Mail:PublicBaseUrl).')
output url string = 'https://${functionApp.properties.defaultHostName}'
