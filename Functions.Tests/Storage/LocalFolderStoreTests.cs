using Digest.Storage;
using Digest.Tests.Briefings;

namespace Digest.Tests.Storage;

public sealed class LocalFolderStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digest-store-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private LocalFolderStore CreateSut() => new(root);

    [Fact]
    public async Task SaveAsync_ThenFindAsync_ReturnsTheSameSummary()
    {
        var summary = SummaryBuilder.BrennportDay()[0];

        await CreateSut().SaveAsync(summary);
        var found = await CreateSut().FindAsync(summary.Article);

        Assert.NotNull(found);
        Assert.Equal(summary.ContentHash, found.ContentHash);
        Assert.Equal(summary.Sentences, found.Sentences);
    }

    [Theory]
    [InlineData("../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\escape.txt")]
    public async Task SaveAsync_NameThatTriesToEscape_StaysInsideTheFolder(string name)
    {
        var summary = SummaryBuilder.BrennportDay()[0] with { Article = name };

        await CreateSut().SaveAsync(summary);

        var written = Assert.Single(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        Assert.StartsWith(Path.Combine(root, "summaries") + Path.DirectorySeparatorChar, written);
        Assert.Equal(name, (await CreateSut().FindAsync(name))!.Article);
    }

    [Fact]
    public async Task RecordDeliveredAsync_SameKeyTwice_KeepsOneRecord()
    {
        var store = CreateSut();

        await store.RecordDeliveredAsync("2026-11-20/abc", "m1");
        await store.RecordDeliveredAsync("2026-11-20/abc", "m1");

        Assert.True(await store.WasDeliveredAsync("2026-11-20/abc"));
        Assert.False(await store.WasDeliveredAsync("2026-11-20/other"));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(root, "deliveries")));
    }

    [Fact]
    public async Task ListConfirmedAsync_MalformedSubscribersFile_SaysWhichFileAndWhatShape()
    {
        await File.WriteAllTextAsync(Path.Combine(root, "subscribers.json"), "{ not json");

        var error = await Assert.ThrowsAsync<DamagedRecordException>(async () => await CreateSut().ListConfirmedAsync().ToListAsync());

        Assert.Contains("subscribers.json", error.Message);
    }

    [Fact]
    public async Task ListConfirmedAsync_NoFile_ReturnsNobody()
    {
        Assert.Empty(await CreateSut().ListConfirmedAsync().ToListAsync());
    }

    [Theory]
    [InlineData("x.txt", "x.txt/a.txt")]
    [InlineData("x.txt/a.txt", "x.txt")]
    public async Task AddArticleAsync_NameClashingWithAFolderOrFile_IsAClearConflictAndLeavesNothingBehind(string first, string second)
    {
        var store = CreateSut();
        Assert.True(await store.AddArticleAsync(new StoredArticle(first, [1, 2, 3])));

        var clash = await Assert.ThrowsAsync<ArticleNameClashException>(() => store.AddArticleAsync(new StoredArticle(second, [4, 5, 6])));

        Assert.Contains(second, clash.Message, StringComparison.Ordinal);
        Assert.Equal([first], await store.ListArticleNamesAsync().ToListAsync());
        Assert.DoesNotContain(Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories), _ => true);
    }
}
