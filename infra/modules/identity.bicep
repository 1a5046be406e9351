// The one user-assigned identity Digest runs as: storage (AzureWebJobsStorage__*), the deployment package,
// Key Vault references, Application Insights ingestion and Azure AI Language all sign in with it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity, for the function app and its deployment storage.')
output id string = identity.id

@description('Client id of the identity, for AzureWebJobsStorage__clientId and the other identity-based settings.')
output clientId string = identity.properties.clientId

@description('Principal (object) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId
