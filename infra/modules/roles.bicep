// Role assignments: only what Digest uses, each on the narrowest scope that needs it, named with guid() so a rerun
// finds the same assignment, and with principalType so a just-created identity is not looked up too early.

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of the operator who uploads articles, reads briefings and manages subscribers from the command line; empty: none.')
param operatorPrincipalId string = ''

@description('Kind of principal the operator is: User, or ServicePrincipal when azd runs in a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Principal id of the articles Event Grid system topic\'s identity, which writes dead-lettered events.')
param articlesTopicPrincipalId string

@description('Name of the storage account.')
param storageAccountName string

@description('Blob container of dead-lettered article events.')
param deadLetterContainerName string

@description('Name of the key vault.')
param keyVaultName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Azure AI Language resource; empty when the built-in summarizer is used.')
param languageName string = ''

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // app: host state, blob trigger receipts, deployment package, articles/summaries/briefings
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // operator: upload to articles, read and delete replayed dead letters; Event Grid: write dead letters
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // operator: read briefings
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // app: email-jobs queue, blob trigger internals
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // app: subscribers and deliveries; operator: subscribers
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // app: Key Vault references in app settings
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // app: Application Insights ingestion with Entra ID
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908' // app: Azure AI Language with Entra ID
}

// The app's identity: account-wide, because the Functions host keeps its own state in containers, queues and
// tables it creates itself (azure-webjobs-*), beside Digest's.
var appStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var hasOperator = !empty(operatorPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource articles 'containers' existing = {
      name: 'articles'
    }

    resource briefings 'containers' existing = {
      name: 'briefings'
    }

    resource deadLetters 'containers' existing = {
      name: deadLetterContainerName
    }
  }

  resource tableService 'tableServices' existing = {
    name: 'default'

    resource subscribers 'tables' existing = {
      name: 'subscribers'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(languageName)) {
  name: languageName
}

// 2022-04-01 is the newest generally available API version of role assignments.
resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appStorageRoles: {
    name: guid(storage.id, appPrincipalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The operator: upload articles, read briefings, manage subscribers, replay and delete dead-lettered events.
resource operatorArticles 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage::blobService::articles.id, operatorPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::articles
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorBriefings 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage::blobService::briefings.id, operatorPrincipalId, roles.storageBlobDataReader)
  scope: storage::blobService::briefings
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// Contributor, not Reader: scripts/replay-dead-letters.sh --delete removes each dead letter it replayed.
resource operatorDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage::blobService::deadLetters.id, operatorPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetters
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorSubscribers 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasOperator) {
  name: guid(storage::tableService::subscribers.id, operatorPrincipalId, roles.storageTableDataContributor)
  scope: storage::tableService::subscribers
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// Event Grid's system topic writes dead letters to their container only.
resource topicDeadLetters 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetters.id, articlesTopicPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetters
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: articlesTopicPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appLanguage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(languageName)) {
  name: guid(language.id, appPrincipalId, roles.cognitiveServicesUser)
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}
