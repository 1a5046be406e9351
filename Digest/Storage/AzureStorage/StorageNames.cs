namespace Digest.Storage.AzureStorage;

/// <summary>The containers, queue and tables Digest keeps in its one storage account (infrastructure must create the same).</summary>
public static class StorageNames
{
    /// <summary>Uploaded article files.</summary>
    public const string ArticlesContainer = "articles";

    /// <summary>Summary records (<c>summary/NAME.json</c>) and rejections (<c>rejected/NAME.json</c>).</summary>
    public const string SummariesContainer = "summaries";

    /// <summary>Briefings as <c>DATE.json|.html|.txt</c>.</summary>
    public const string BriefingsContainer = "briefings";

    /// <summary>One message per email to send.</summary>
    public const string EmailJobsQueue = "email-jobs";

    /// <summary>Where email jobs that keep failing end up (the Functions host's naming).</summary>
    public const string EmailJobsPoisonQueue = EmailJobsQueue + "-poison";

    /// <summary>Subscribers, one entity per email address.</summary>
    public const string SubscribersTable = "subscribers";

    /// <summary>Delivery records, one entity per briefing date and recipient.</summary>
    public const string DeliveriesTable = "deliveries";

    public static IReadOnlyList<string> Containers { get; } = [ArticlesContainer, SummariesContainer, BriefingsContainer];

    public static IReadOnlyList<string> Queues { get; } = [EmailJobsQueue, EmailJobsPoisonQueue];

    public static IReadOnlyList<string> Tables { get; } = [SubscribersTable, DeliveriesTable];
}
