using System.Runtime.CompilerServices;
using System.Text.Json;
using Digest.Briefings;
using Digest.Summaries;

namespace Digest.Storage;

/// <summary>
/// The embedded default storage: plain files under one folder, laid out as
/// <c>summaries/</c>, <c>rejected/</c>, <c>briefings/DATE.json|.html|.txt</c>, <c>deliveries/</c> and
/// <c>subscribers.json</c>. Every file name comes from <see cref="SafeNames"/>, so no article name can reach outside
/// the folder. Writes go to a temporary file first and are then moved into place, so a crash never leaves half a file.
/// </summary>
public sealed class LocalFolderStore(string root) : ISummaryStore, IBriefingStore, ISubscriberStore, IDeliveryLog
{
    private string SummariesFolder => Path.Combine(root, "summaries");

    private string RejectedFolder => Path.Combine(root, "rejected");

    private string BriefingsFolder => Path.Combine(root, "briefings");

    private string DeliveriesFolder => Path.Combine(root, "deliveries");

    public string Root => root;

    public string SubscribersFile => Path.Combine(root, "subscribers.json");

    public Task<ArticleSummary?> FindAsync(string article, CancellationToken cancellationToken = default) =>
        ReadAsync<ArticleSummary>(Path.Combine(SummariesFolder, SafeNames.ToFileName(article) + ".json"), cancellationToken);

    public Task SaveAsync(ArticleSummary summary, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(Path.Combine(SummariesFolder, SafeNames.ToFileName(summary.Article) + ".json"), summary, cancellationToken);

    public IAsyncEnumerable<ArticleSummary> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<ArticleSummary>(SummariesFolder, cancellationToken);

    public Task SaveRejectionAsync(Rejection rejection, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(Path.Combine(RejectedFolder, SafeNames.ToFileName(rejection.Article) + ".json"), rejection, cancellationToken);

    public IAsyncEnumerable<Rejection> ListRejectionsAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync<Rejection>(RejectedFolder, cancellationToken);

    public Task<Briefing?> FindAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        ReadAsync<Briefing>(BriefingPath(date, ".json"), cancellationToken);

    public async Task SaveAsync(StoredBriefing briefing, CancellationToken cancellationToken = default)
    {
        var date = briefing.Briefing.Date;
        await WriteTextAsync(BriefingPath(date, ".html"), briefing.Html, cancellationToken);
        await WriteTextAsync(BriefingPath(date, ".txt"), briefing.Text, cancellationToken);
        await WriteJsonAsync(BriefingPath(date, ".json"), briefing.Briefing, cancellationToken);
    }

    public async IAsyncEnumerable<Subscriber> ListConfirmedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(SubscribersFile))
        {
            yield break;
        }

        Subscriber[]? subscribers;
        await using (var stream = File.OpenRead(SubscribersFile))
        {
            try
            {
                subscribers = await JsonSerializer.DeserializeAsync<Subscriber[]>(stream, DigestJson.Options, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(
                    $"{SubscribersFile} is not a JSON array of {{\"email\": \"...\", \"name\": \"...\"}} objects: {ex.Message}", ex);
            }
        }

        foreach (var subscriber in subscribers ?? [])
        {
            if (!string.IsNullOrWhiteSpace(subscriber?.Email))
            {
                yield return subscriber;
            }
        }
    }

    public Task<bool> WasDeliveredAsync(string deliveryKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(DeliveryPath(deliveryKey)));

    public async Task RecordDeliveredAsync(string deliveryKey, string messageId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DeliveriesFolder);
        try
        {
            await using var stream = new FileStream(DeliveryPath(deliveryKey), FileMode.CreateNew, FileAccess.Write);
            await JsonSerializer.SerializeAsync(stream, new { deliveryKey, messageId }, DigestJson.Options, cancellationToken);
        }
        catch (IOException) when (File.Exists(DeliveryPath(deliveryKey)))
        {
            // Already recorded by an earlier attempt: delivery records are write-once.
        }
    }

    private string BriefingPath(DateOnly date, string extension) =>
        Path.Combine(BriefingsFolder, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + extension);

    private string DeliveryPath(string deliveryKey) => Path.Combine(DeliveriesFolder, SafeNames.ToFileName(deliveryKey) + ".json");

    private static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, DigestJson.Options, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadAllAsync<T>(string folder, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (await ReadAsync<T>(path, cancellationToken) is { } item)
            {
                yield return item;
            }
        }
    }

    private static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteTextAsync(path, JsonSerializer.Serialize(value, DigestJson.Options), cancellationToken);

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
