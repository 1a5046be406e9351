// Parameters for `azd up` (azd passes its environment's values as environment variables: `azd env set NAME value`)
// and for `az deployment sub create --location <region> --parameters infra/main.bicepparam` (export them first).
// Every parameter of main.bicep is here, so everything can be set through azd.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'digest')
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')
param resourceGroupName = readEnvironmentVariable('AZURE_RESOURCE_GROUP', '')
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

param senderAddress = readEnvironmentVariable('DIGEST_SENDER_ADDRESS')
param senderName = readEnvironmentVariable('DIGEST_SENDER_NAME', 'Digest')
param postalAddress = readEnvironmentVariable('DIGEST_POSTAL_ADDRESS')

// 07:00 UTC every day; the briefing covers the calendar day of briefingTimeZone up to Briefing:Cutoff (06:00 local).
param briefingSchedule = readEnvironmentVariable('DIGEST_BRIEFING_SCHEDULE', '0 0 7 * * *')
param briefingTimeZone = readEnvironmentVariable('DIGEST_BRIEFING_TIME_ZONE', 'UTC')
param summarizerProvider = readEnvironmentVariable('DIGEST_SUMMARIZER_PROVIDER', 'builtin')
param languageLocation = readEnvironmentVariable('DIGEST_LANGUAGE_LOCATION', '')
param languageSku = readEnvironmentVariable('DIGEST_LANGUAGE_SKU', 'S')

param maximumInstanceCount = int(readEnvironmentVariable('DIGEST_MAXIMUM_INSTANCES', '40'))
param instanceMemoryMB = int(readEnvironmentVariable('DIGEST_INSTANCE_MEMORY_MB', '2048'))
param logRetentionInDays = int(readEnvironmentVariable('DIGEST_LOG_RETENTION_DAYS', '30'))

// A JSON object, e.g. azd env set DIGEST_EXTRA_APP_SETTINGS '{"Briefing__Cutoff":"05:30"}'.
param extraAppSettings = json(readEnvironmentVariable('DIGEST_EXTRA_APP_SETTINGS', '{}'))

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY')
param subscriptionSigningKey = readEnvironmentVariable('DIGEST_SIGNING_KEY')
