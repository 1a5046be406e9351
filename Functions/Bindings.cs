using Digest.Storage.AzureStorage;

namespace Digest.Functions;

/// <summary>The names the functions' trigger attributes use: the same names the Bicep and the README use.</summary>
public static class Bindings
{
    /// <summary>The connection every storage trigger uses: Azurite locally, managed identity in Azure.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>App setting holding the NCRONTAB schedule of ComposeBriefing (UTC on Flex Consumption).</summary>
    public const string BriefingScheduleSetting = "BriefingSchedule";

    public const string ArticlesPath = StorageNames.ArticlesContainer + "/{name}";
    public const string EmailJobsQueue = StorageNames.EmailJobsQueue;
}
