// The function app's app settings. Every name here is one the app or the Functions host reads
// (Functions.Tests/Infrastructure checks them against the options classes and functions.metadata). The host and
// Digest's own store share one identity-based connection, AzureWebJobsStorage.
// A deployment replaces the whole settings set, so the set written is: the app's current settings (an operator's
// hand-added ones survive a redeployment), then extraAppSettings, then Digest's own, which win on a clash.

@description('Name of the function app whose settings these are.')
param appName string

@description('The app settings the app has before this deployment (kept unless Digest sets the same name).')
param currentAppSettings object = {}

@description('App settings of the operator\'s own (azd: DIGEST_EXTRA_APP_SETTINGS); Digest\'s own settings win on a clash.')
param extraAppSettings object = {}

@description('Client id of the user-assigned identity the app runs as.')
param identityClientId string

@description('Blob service endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('Queue service endpoint of the storage account, ending in a slash.')
param queueEndpoint string

@description('Table service endpoint of the storage account, ending in a slash.')
param tableEndpoint string

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

@description('Host name of the SMTP relay (Mail:Smtp:Host); used when mailSender is smtp.')
param smtpHost string = ''

@description('Port of the SMTP relay (Mail:Smtp:Port).')
param smtpPort int = 587

@description('User name for SMTP AUTH (Mail:Smtp:UserName); empty: no AUTH, and no Mail:Smtp:Password reference.')
param smtpUserName string = ''

@description('Sender address of briefing email (Mail:FromAddress).')
param senderAddress string

@description('Sender display name of briefing email (Mail:FromName).')
param senderName string

@description('Postal address shown in every email footer (Mail:PostalAddress).')
param postalAddress string

@description('Public base URL of the app (Mail:PublicBaseUrl): https://<default host name>.')
param publicBaseUrl string

@description('NCRONTAB schedule (six fields, UTC) of the daily briefing, read by the ComposeBriefing timer as %BriefingSchedule%.')
param briefingSchedule string

@description('IANA time zone whose calendar day a briefing covers (Briefing:TimeZone).')
param briefingTimeZone string

@description('Summarizer:Provider: builtin, language-extractive or language-abstractive.')
param summarizerProvider string

@description('Endpoint of the Azure AI Language resource; empty when the built-in summarizer is used.')
param languageEndpoint string = ''

@description('Azure region of the Language resource (Summarizer:Language:Region), which the app checks against the regions that offer abstractive summaries.')
param languageRegion string = ''

var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

var digestSettings = {
  BriefingSchedule: briefingSchedule
  Briefing__TimeZone: briefingTimeZone
  Summarizer__Provider: summarizerProvider
  Mail__Sender: mailSender
  Mail__FromAddress: senderAddress
  Mail__FromName: senderName
  Mail__PostalAddress: postalAddress
  Mail__PublicBaseUrl: publicBaseUrl
  Subscriptions__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=subscription-signing-key)'
  // The subscribe limit believes X-Forwarded-For only from the Functions host and Azure's front ends.
  Subscriptions__TrustedProxies: 'platform'
}

// Each sender's settings are set only when it is chosen: its secret is in Key Vault only then.
var sendGridSettings = {
  Mail__SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sendgrid-api-key)'
}

var smtpSettings = {
  Mail__Smtp__Host: smtpHost
  Mail__Smtp__Port: string(smtpPort)
}

var smtpAuthSettings = {
  Mail__Smtp__UserName: smtpUserName
  Mail__Smtp__Password: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=smtp-password)'
}

// Set only with a Language resource (Summarizer:Provider language-...).
var languageSettings = {
  Summarizer__Language__Endpoint: languageEndpoint
  Summarizer__Language__ManagedIdentityClientId: identityClientId
  Summarizer__Language__Region: languageRegion
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    currentAppSettings,
    extraAppSettings,
    hostSettings,
    digestSettings,
    mailSender == 'sendgrid' ? sendGridSettings : {},
    mailSender == 'smtp' ? smtpSettings : {},
    mailSender == 'smtp' && !empty(smtpUserName) ? smtpAuthSettings : {},
    empty(languageEndpoint) ? {} : languageSettings
  )
}
