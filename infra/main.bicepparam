// Parameters for `azd up` (azd passes its environment's values as environment variables) and for
// `az deployment sub create --location <region> --parameters infra/main.bicepparam` (export them first).
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'digest')
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')

param senderAddress = readEnvironmentVariable('DIGEST_SENDER_ADDRESS')
param senderName = readEnvironmentVariable('DIGEST_SENDER_NAME', 'Digest')
param postalAddress = readEnvironmentVariable('DIGEST_POSTAL_ADDRESS', '')

// 07:00 UTC every day; the briefing covers the calendar day of briefingTimeZone up to Briefing:Cutoff (06:00 local).
param briefingSchedule = readEnvironmentVariable('DIGEST_BRIEFING_SCHEDULE', '0 0 7 * * *')
param briefingTimeZone = readEnvironmentVariable('DIGEST_BRIEFING_TIME_ZONE', 'UTC')
param summarizerProvider = readEnvironmentVariable('DIGEST_SUMMARIZER_PROVIDER', 'builtin')
param maximumInstanceCount = int(readEnvironmentVariable('DIGEST_MAXIMUM_INSTANCES', '40'))

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY')
param subscriptionSigningKey = readEnvironmentVariable('DIGEST_SIGNING_KEY')
