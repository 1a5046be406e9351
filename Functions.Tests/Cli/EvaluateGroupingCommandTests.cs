using Digest.Cli;

namespace Digest.Tests.Cli;

public class EvaluateGroupingCommandTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "samples", "hard-cases");

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await DigestCli.InvokeAsync(["evaluate-grouping", .. args], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task EvaluateGrouping_LabelledHardCaseDay_ScoresItsStoriesThroughTheWholePath()
    {
        var (exit, output, error) = await RunAsync(Path.Combine(Folder, "articles"), "--labels", Path.Combine(Folder, "labels.json"));

        Assert.True(exit == 0, error);
        Assert.Contains("texts 10 read: 10 summarized, 0 set aside, 0 without a label", output);
        Assert.Contains("stories 5 (5 with labelled texts) for 5 events", output);
        Assert.Contains("B-cubed precision 1.000  recall 1.000  F1 1.000", output);
        Assert.Contains("stories mixing events 0 of 5; among the first 5: 0", output);
        Assert.Contains("events split 0 of 5 with several texts", output);
    }

    [Fact]
    public async Task EvaluateGrouping_WrongLabels_ShowTheMixedStoryAndTheSplitEvent()
    {
        var labels = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.json");
        // The two bridge reports labelled as two events, the two fire reports as the cyclist's event.
        File.WriteAllText(labels, """
            {"pellham-bridge-closed-northfield-gazette.md": "bridge-a", "pellham-bridge-closed-ridgeline-post.json": "bridge-b",
             "millbrook-house-fire-valley-ledger.md": "cyclist", "millbrook-house-fire-ridgeline-post.json": "fire",
             "millbrook-cyclist-metro-wire.md": "cyclist", "millbrook-cyclist-harbor-times.json": "cyclist"}
            """);
        try
        {
            var (exit, output, _) = await RunAsync(Path.Combine(Folder, "articles"), "--labels", labels, "--list");

            Assert.Equal(0, exit);
            Assert.Contains("4 without a label", output);
            Assert.Contains("stories mixing events 2 of 3", output);
            Assert.Contains("events split 1 of 1 with several texts (100.0%)", output);
            Assert.Contains("split event cyclist:", output);
        }
        finally
        {
            File.Delete(labels);
        }
    }

    [Theory]
    [InlineData("missing-folder", "labels.json")]
    [InlineData("articles", "no-such-labels.json")]
    public async Task EvaluateGrouping_MissingInput_ExitsWithTwoAndSaysWhy(string folder, string labels)
    {
        var (exit, _, error) = await RunAsync(Path.Combine(Folder, folder), "--labels", Path.Combine(Folder, labels));

        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }
}
