using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>The functions.metadata the Worker SDK writes: every function the host must load, with its trigger as designed.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Metadata_Functions_AreExactlyTheAppsFunctions()
    {
        Assert.Equal(
            ["ComposeBriefing", "Confirm", "GetArchive", "GetBriefing", "Health", "SendBriefing", "Subscribe", "SummarizeArticle", "Unsubscribe"],
            FunctionsMetadata.All.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(FunctionsMetadata.All, f => Assert.StartsWith("Digest.Functions.", f.EntryPoint, StringComparison.Ordinal));
    }

    [Fact]
    public void SummarizeArticle_Trigger_IsAnEventGridBlobTriggerOnArticles()
    {
        var trigger = FunctionsMetadata.Named("SummarizeArticle").Trigger;

        Assert.Equal("blobTrigger", trigger.Type);
        Assert.Equal("articles/{name}", trigger.Property("path"));
        Assert.Equal("EventGrid", trigger.Property("source"));
        Assert.Equal("AzureWebJobsStorage", trigger.Property("connection"));
    }

    [Fact]
    public void ComposeBriefing_Trigger_IsATimerOnTheScheduleSettingWithRetries()
    {
        var function = FunctionsMetadata.Named("ComposeBriefing");

        Assert.Equal("timerTrigger", function.Trigger.Type);
        Assert.Equal("%BriefingSchedule%", function.Trigger.Property("schedule"));
        Assert.Equal("exponentialBackoff", function.Retry!.Value.GetProperty("strategy").GetString());
    }

    [Fact]
    public void SendBriefing_Trigger_IsTheEmailJobsQueue()
    {
        var trigger = FunctionsMetadata.Named("SendBriefing").Trigger;

        Assert.Equal("queueTrigger", trigger.Type);
        Assert.Equal("email-jobs", trigger.Property("queueName"));
        Assert.Equal("AzureWebJobsStorage", trigger.Property("connection"));
    }

    [Theory]
    [InlineData("Subscribe", "subscribe", "get,post")]
    [InlineData("Confirm", "confirm", "get,post")]
    [InlineData("Unsubscribe", "unsubscribe", "get,post")]
    [InlineData("GetBriefing", "briefings/{date}", "get")]
    [InlineData("GetArchive", "archive", "get")]
    [InlineData("Health", "health", "get")]
    public void HttpFunction_Trigger_IsAnonymousOnItsRouteAndMethods(string name, string route, string methods)
    {
        var trigger = FunctionsMetadata.Named(name).Trigger;

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal(route, trigger.Property("route"));
        Assert.Equal("Anonymous", trigger.Property("authLevel"));
        Assert.Equal(methods.Split(','), (string[])trigger.Properties.Single(p => p.Key == "methods").Value);
    }

    [Fact]
    public void Readme_EveryFunction_IsNamedWithItsTrigger()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        Assert.All(FunctionsMetadata.All, f => Assert.Contains($"`{f.Name}`", readme, StringComparison.Ordinal));
        Assert.Contains("%BriefingSchedule%", readme, StringComparison.Ordinal);
        Assert.Contains("articles/{name}", readme, StringComparison.Ordinal);
        Assert.Contains("email-jobs", readme, StringComparison.Ordinal);
    }
}
