// Azure AI Language for cloud summaries (Summarizer:Provider language-extractive or language-abstractive).
// Keys are off: the app signs in with its identity (Cognitive Services User), which needs the custom subdomain.

@description('Name of the Language resource; also its custom subdomain (https://<name>.cognitiveservices.azure.com).')
param name string

@description('Azure region of the Language resource (abstractive summaries are offered in fewer regions).')
param location string

@description('Tags applied to the Language resource.')
param tags object = {}

@description('Pricing tier: F0 (free, one per subscription) or S.')
@allowed([
  'F0'
  'S'
])
param sku string = 'S'

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Resource id of the Language resource, for its role assignment.')
output id string = language.id

@description('Endpoint of the Language resource (Summarizer:Language:Endpoint).')
output endpoint string = language.properties.endpoint
