using Digest.Functions;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>SummarizeArticle called as the host calls it: the blob's content and the <c>{name}</c> from <c>articles/{name}</c>.</summary>
public sealed class SummarizeArticleTests : IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-summarize-").FullName;
    private FunctionApp app = null!;

    public Task InitializeAsync()
    {
        app = FunctionApp.Create(dataFolder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private string[] Files(string folder, string pattern) =>
        Directory.Exists(Path.Combine(dataFolder, folder)) ? Directory.GetFiles(Path.Combine(dataFolder, folder), pattern) : [];

    [Fact]
    public async Task SummarizeArticle_NestedBlobName_StoresItsSummary()
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(Samples, "articles", "selkie-launch-valley-ledger.json"));

        await app.Function<SummarizeArticle>().RunAsync(new MemoryStream(content), "2026/selkie launch #1.json", CancellationToken.None);

        var summary = Assert.Single(Files("summaries", "2026_selkie*"));
        Assert.Contains("\"article\": \"2026/selkie launch #1.json\"", await File.ReadAllTextAsync(summary));
    }

    [Fact]
    public async Task SummarizeArticle_SameArticleDeliveredTwice_SecondChangesNothing()
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(Samples, "articles", "kessing-bay-storm-harbor-times.md"));
        var function = app.Function<SummarizeArticle>();
        await function.RunAsync(new MemoryStream(content), "twice.md", CancellationToken.None);
        var summary = Assert.Single(Files("summaries", "twice.md*"));
        var first = await File.ReadAllTextAsync(summary);
        var written = File.GetLastWriteTimeUtc(summary);

        await function.RunAsync(new MemoryStream(content), "twice.md", CancellationToken.None);

        Assert.Equal(first, await File.ReadAllTextAsync(summary));
        Assert.Equal(written, File.GetLastWriteTimeUtc(summary));
    }

    [Theory]
    [InlineData("notes.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "unsupported extension")]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("broken.json", new byte[] { 0x7B, 0x22, 0x74 }, "JSON")]
    public async Task SummarizeArticle_BadArticle_RecordsTheRejectionWithItsReasonAndSucceeds(string name, byte[] content, string reason)
    {
        await app.Function<SummarizeArticle>().RunAsync(new MemoryStream(content), name, CancellationToken.None);

        var rejection = Assert.Single(Files("rejected", name + "*"));
        Assert.Contains(reason, await File.ReadAllTextAsync(rejection), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Files("summaries", name + "*"));
    }

    [Fact]
    public async Task SummarizeArticle_BlobOverTheSizeLimit_IsRejectedWithItsSizeWithoutBeingRead()
    {
        var blob = new UnreadableStream(length: 3L * 1024 * 1024 * 1024);

        await app.Function<SummarizeArticle>().RunAsync(blob, "huge.txt", CancellationToken.None);

        var rejection = Assert.Single(Files("rejected", "huge.txt*"));
        Assert.Contains("3,221,225,472 bytes, over the 2,097,152-byte limit", await File.ReadAllTextAsync(rejection));
    }

    [Fact]
    public async Task SummarizeArticle_EndlessStreamWithoutALength_StopsReadingJustPastTheLimit()
    {
        var endless = new EndlessStream();

        await app.Function<SummarizeArticle>().RunAsync(endless, "endless.txt", CancellationToken.None);

        Assert.Equal((2 * 1024 * 1024) + 1, endless.BytesRead);
        Assert.Contains("over the 2,097,152-byte limit", await File.ReadAllTextAsync(Assert.Single(Files("rejected", "endless.txt*"))));
    }

    /// <summary>A blob stream with a known length that fails if anyone reads it.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The blob was read.");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Text without end and without a length, like a network stream of unknown size.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
