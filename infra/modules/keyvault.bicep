// Key Vault in RBAC mode holding Digest's secrets: the signing key, and the mail sender's (SendGrid API key or SMTP
// password) when one is given. The app reads them through Key Vault references
// (@Microsoft.KeyVault(VaultName=...;SecretName=...)) with its user-assigned identity.

@description('Name of the key vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the key vault.')
param location string

@description('Tags applied to the key vault.')
param tags object = {}

@description('SendGrid API key (Mail:SendGrid:ApiKey); empty: not stored (SMTP is used).')
@secure()
param sendGridApiKey string = ''

@description('Password for SMTP AUTH (Mail:Smtp:Password); empty: not stored (SendGrid, or SMTP without AUTH).')
@secure()
param smtpPassword string = ''

@description('Secret that signs unsubscribe and confirmation links (Subscriptions:SigningKey), at least 32 characters.')
@secure()
@minLength(32)
param subscriptionSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Secret names are referenced by the app settings in function-app.bicep (Functions.Tests/Infrastructure checks it).
resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'sendgrid-api-key'
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'subscription-signing-key'
  properties: {
    value: subscriptionSigningKey
    contentType: 'text/plain'
  }
}

@description('Name of the key vault.')
output name string = vault.name

@description('URI of the key vault.')
output uri string = vault.properties.vaultUri
