// Post-deploy step: subscribes the SummarizeArticle blob trigger (source EventGrid) to BlobCreated events of the
// articles container. Deploy it after the code (azd's postdeploy hook, scripts/subscribe-articles.sh): the webhook's
// blobs_extension system key is created by the Functions host when it first loads the blob trigger, so before the
// code is deployed listKeys() has no key to return and Event Grid's validation handshake would have no endpoint.
// Events that cannot be delivered within 24 hours are dead-lettered to a blob container with the system topic's
// identity (Shared Key is off); scripts/replay-dead-letters.sh replays them.

@description('Name of the function app that runs Digest.')
param functionAppName string

@description('Name of the Event Grid system topic of the storage account.')
param systemTopicName string

@description('Name of the storage account that holds the dead-letter container.')
param storageAccountName string

@description('Blob container for events that could not be delivered.')
param deadLetterContainerName string

// Must match SummarizeArticle's trigger in functions.metadata (Functions.Tests/Infrastructure checks it).
var functionName = 'SummarizeArticle'
var articlesContainer = 'articles'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource articlesCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'articles-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${articlesContainer}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

@description('Name of the event subscription.')
output name string = articlesCreated.name
