using System.Text.RegularExpressions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

public sealed partial class EventGridSubscriptionTests
{
    private static ArmTemplate Subscription => CompiledBicep.ArticlesSubscription;

    private static ArmResource EventSubscription() =>
        Assert.Single(Subscription.Resources(), r => r.Type == "Microsoft.EventGrid/systemTopics/eventSubscriptions");

    private static string SubscribedFunction() =>
        WebhookFunction().Match(ArmExpression.Resolve(Subscription, EventSubscription().String("destination.properties.endpointUrl")!)) is { Success: true } match
            ? match.Groups["function"].Value
            : throw new InvalidOperationException($"{Subscription.Path}: the endpointUrl is not the blobs extension webhook of a function.");

    private static string SubscribedContainer() =>
        SubjectFilter().Match(ArmExpression.Resolve(Subscription, EventSubscription().String("filter.subjectBeginsWith")!)) is { Success: true } match
            ? match.Groups["container"].Value
            : throw new InvalidOperationException($"{Subscription.Path}: subjectBeginsWith is not /blobServices/default/containers/<name>/.");

    [Fact]
    public void Subscription_Function_IsAnEventGridBlobTriggerOfTheCatalog()
    {
        var name = SubscribedFunction();

        var function = FunctionsMetadata.All.SingleOrDefault(f => f.Name == name);
        Assert.True(function is not null, $"{Subscription.Path} subscribes function '{name}', which functions.metadata does not declare.");
        Assert.True(EventGridBlobTriggerContainer(function) is not null, $"{Subscription.Path} subscribes '{name}', which has no blob trigger with source EventGrid.");
    }

    [Fact]
    public void Subscription_Container_IsTheOneTheTriggerWatches()
    {
        var function = FunctionsMetadata.All.Single(f => f.Name == "SummarizeArticle");

        var watched = EventGridBlobTriggerContainer(function);

        Assert.True(watched == SubscribedContainer(), $"{Subscription.Path} subscribes container '{SubscribedContainer()}', but {function.Name} watches '{watched}'.");
        Assert.Equal(Digest.Storage.AzureStorage.StorageNames.ArticlesContainer, watched);
    }

    [Fact]
    public void Catalog_EveryEventGridBlobTrigger_HasASubscription()
    {
        var unsubscribed = FunctionsMetadata.All.Where(f => EventGridBlobTriggerContainer(f) is not null && f.Name != SubscribedFunction()).Select(f => f.Name).ToArray();

        Assert.True(unsubscribed.Length == 0, $"No Event Grid subscription in {Subscription.Path} for: {string.Join(", ", unsubscribed)}.");
    }

    [Fact]
    public void Subscription_Events_AreBlobCreatedOnly()
    {
        var types = EventSubscription().Property("filter.includedEventTypes")!.Value.EnumerateArray().Select(t => t.GetString());

        Assert.Equal(["Microsoft.Storage.BlobCreated"], types);
        Assert.Equal("WebHook", EventSubscription().String("destination.endpointType"));
        Assert.Equal("EventGridSchema", EventSubscription().String("eventDeliverySchema"));
    }

    [Fact]
    public void Subscription_Webhook_UsesTheBlobsExtensionSystemKey()
    {
        Assert.Contains(".systemKeys.blobs_extension", EventSubscription().String("destination.properties.endpointUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_UndeliverableEvents_AreDeadLetteredToBlobStorageWithTheTopicsIdentity()
    {
        var deadLetter = EventSubscription().Property("deadLetterWithResourceIdentity");

        Assert.True(deadLetter is not null, $"{Subscription.Path}: events that cannot be delivered are dropped (no deadLetterWithResourceIdentity).");
        Assert.Null(EventSubscription().Property("deadLetterDestination"));
        Assert.Equal("SystemAssigned", deadLetter.Value.GetProperty("identity").GetProperty("type").GetString());
        var destination = deadLetter.Value.GetProperty("deadLetterDestination");
        Assert.Equal("StorageBlob", destination.GetProperty("endpointType").GetString());
        Assert.Equal("[parameters('deadLetterContainerName')]", destination.GetProperty("properties").GetProperty("blobContainerName").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", destination.GetProperty("properties").GetProperty("resourceId").GetString());
    }

    [Fact]
    public void ArticlesTopic_HasASystemAssignedIdentityForDeadLettering()
    {
        var topic = Assert.Single(CompiledBicep.Main.Resources(), r => r.Type == "Microsoft.EventGrid/systemTopics" && !r.Existing);

        Assert.Equal("SystemAssigned", topic.Element.GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public void DeadLetterContainer_IsCreatedAndHandedToThePostDeployStep()
    {
        var storage = CompiledBicep.Main.Module("storage");
        var name = storage.Variable("deadLetterContainerName").GetString();
        var containers = Assert.Single(storage.Resources(), r => r.Type == "Microsoft.Storage/storageAccounts/blobServices/containers" && r.CopyCount is not null);
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scripts", "subscribe-articles.sh"));

        Assert.False(string.IsNullOrEmpty(name));
        Assert.Contains("variables('deadLetterContainerName')", containers.CopyCount, StringComparison.Ordinal);
        Assert.Contains(CompiledBicep.Main.Outputs(), o => o.Key == "ARTICLES_DEAD_LETTER_CONTAINER");
        Assert.Contains("deadLetterContainerName=\"$ARTICLES_DEAD_LETTER_CONTAINER\"", script, StringComparison.Ordinal);
        Assert.Contains("storageAccountName=\"$AZURE_STORAGE_ACCOUNT_NAME\"", script, StringComparison.Ordinal);
    }

    private static string? EventGridBlobTriggerContainer(FunctionDefinition function)
    {
        var trigger = function.Bindings.FirstOrDefault(b => b.Type == "blobTrigger"
            && b.Properties.Any(p => p.Key == "source" && (string)p.Value == "EventGrid"));
        var path = trigger?.Properties.FirstOrDefault(p => p.Key == "path").Value as string;
        return path?.Split('/')[0];
    }

    [GeneratedRegex(@"/runtime/webhooks/blobs\?functionName=Host\.Functions\.(?<function>\w+)&code=")]
    private static partial Regex WebhookFunction();

    [GeneratedRegex(@"^/blobServices/default/containers/(?<container>[a-z0-9-]+)/$")]
    private static partial Regex SubjectFilter();
}
