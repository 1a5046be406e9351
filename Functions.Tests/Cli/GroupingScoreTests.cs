using Digest.Cli.Evaluation.Grouping;

namespace Digest.Tests.Cli;

public class GroupingScoreTests
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["a1"] = "A", ["a2"] = "A", ["b1"] = "B", ["c1"] = "C", ["c2"] = "C", ["c3"] = "C",
    };

    private static GroupingScore Score(int top, params string[][] stories) =>
        GroupingScore.Score(stories.Select(s => (IReadOnlyList<string>)s).ToArray(), Labels, top);

    [Fact]
    public void Score_StoriesExactlyTheEvents_IsPerfect()
    {
        var score = Score(20, ["c1", "c2", "c3"], ["a1", "a2"], ["b1"]);

        Assert.Equal(1.0, score.Precision, 9);
        Assert.Equal(1.0, score.Recall, 9);
        Assert.Equal(1.0, score.F1, 9);
        Assert.Equal(0, score.MixedStories);
        Assert.Equal(0, score.SplitEvents);
        Assert.Equal(2, score.MultiTextEvents);
        Assert.Equal((6, 3, 3), (score.Texts, score.Stories, score.Events));
    }

    [Fact]
    public void Score_EverythingInOneStory_HasFullRecallAndPrecisionOfTheShares()
    {
        var score = Score(20, ["a1", "a2", "b1", "c1", "c2", "c3"]);

        // Per text, the share of the story that is its event: A 2/6 twice, B 1/6, C 3/6 three times.
        Assert.Equal(((2 * 2.0 / 6) + (1.0 / 6) + (3 * 3.0 / 6)) / 6, score.Precision, 9);
        Assert.Equal(1.0, score.Recall, 9);
        Assert.Equal(1, score.MixedStories);
        Assert.Equal(1, score.MixedInTop);
        Assert.Equal(0, score.SplitEvents);
    }

    [Fact]
    public void Score_EveryTextAlone_HasFullPrecisionAndSplitsEachMultiTextEvent()
    {
        var score = Score(20, ["a1"], ["a2"], ["b1"], ["c1"], ["c2"], ["c3"]);

        Assert.Equal(1.0, score.Precision, 9);
        // Recall: A 1/2 twice, B 1, C 1/3 three times.
        Assert.Equal(((2 * 0.5) + 1 + (3 * (1.0 / 3))) / 6, score.Recall, 9);
        Assert.Equal(2 * score.Precision * score.Recall / (score.Precision + score.Recall), score.F1, 9);
        Assert.Equal(2, score.SplitEvents);
        Assert.Equal(1.0, score.SplitShare, 9);
    }

    [Fact]
    public void Score_MixedStoryBelowTheTop_CountsOverallButNotInTheTop()
    {
        var score = Score(top: 2, ["c1", "c2", "c3"], ["a1"], ["a2", "b1"]);

        Assert.Equal(1, score.MixedStories);
        Assert.Equal(0, score.MixedInTop);
        Assert.Equal(2, score.TopCount);
        Assert.Equal(1, score.SplitEvents);
    }

    [Fact]
    public void Score_UnlabelledTexts_AreLeftOutAndAStoryOfThemAloneIsNotCounted()
    {
        var score = Score(20, ["a1", "a2", "unlabelled-1"], ["unlabelled-2"], ["b1"], ["c1", "c2", "c3"]);

        Assert.Equal(1.0, score.Precision, 9);
        Assert.Equal(1.0, score.Recall, 9);
        Assert.Equal(3, score.Stories);
        Assert.Equal(6, score.Texts);
    }

    [Fact]
    public void Score_NoStories_IsZeroNotAnError()
    {
        var score = Score(20);

        Assert.Equal(0, score.F1);
        Assert.Equal(0, score.Texts);
        Assert.Equal(0, score.SplitShare);
    }
}

public class LabelledDayTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void ReadLabels_StringAndNumberEventIds_AreBothRead()
    {
        File.WriteAllText(file, """{"a.txt": "storm", "b.txt": 7}""");

        var labels = LabelledDay.ReadLabels(file);

        Assert.Equal("storm", labels["a.txt"]);
        Assert.Equal("7", labels["b.txt"]);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"a.txt\": [1]}")]
    [InlineData("{\"a.txt\": ")]
    public void ReadLabels_NotAnObjectOfIds_IsRefusedWithAReason(string json)
    {
        File.WriteAllText(file, json);

        var refused = Assert.Throws<InvalidDataException>(() => LabelledDay.ReadLabels(file));
        Assert.Contains(file, refused.Message);
    }
}
