// The Event Grid system topic of the storage account, with a system-assigned identity: Shared Key is off, so it
// dead-letters undeliverable events to blob storage with that identity (roles.bicep grants it). Its subscription to the SummarizeArticle webhook is created
// after the code is deployed (infra/events/articles-subscription.bicep): the webhook's blobs_extension key exists
// only once the Functions host has loaded the blob trigger.

@description('Name of the Event Grid system topic.')
param name string

@description('Azure region of the storage account (a system topic lives where its source does).')
param location string

@description('Tags applied to the topic.')
param tags object = {}

@description('Resource id of the storage account whose events the topic publishes.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the system topic.')
output name string = topic.name

@description('Principal id of the topic\'s system-assigned identity, which writes dead-lettered events.')
output principalId string = topic.identity.principalId
