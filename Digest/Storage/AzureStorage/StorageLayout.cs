namespace Digest.Storage.AzureStorage;

/// <summary>
/// The container, queue and table names one <see cref="AzureStorageStore"/> uses. Production uses
/// <see cref="Default"/> (<see cref="StorageNames"/>); tests give each store its own names so they never share data.
/// </summary>
public sealed record StorageLayout(string Articles, string Summaries, string Briefings, string EmailJobs, string Subscribers, string Deliveries)
{
    public static StorageLayout Default { get; } = new(
        StorageNames.ArticlesContainer, StorageNames.SummariesContainer, StorageNames.BriefingsContainer,
        StorageNames.EmailJobsQueue, StorageNames.SubscribersTable, StorageNames.DeliveriesTable);

    /// <summary>Names made unique by <paramref name="suffix"/> (lower-case letters and digits), e.g. for one test.</summary>
    public static StorageLayout WithSuffix(string suffix) => new(
        $"articles-{suffix}", $"summaries-{suffix}", $"briefings-{suffix}", $"email-jobs-{suffix}", $"subscribers{suffix}", $"deliveries{suffix}");
}
