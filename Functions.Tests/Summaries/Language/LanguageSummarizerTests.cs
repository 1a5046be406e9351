using System.Diagnostics;
using System.Text.Json.Nodes;
using Digest.Articles;
using Digest.Summaries;
using Digest.Summaries.Cloud;
using Digest.Tests.Summaries;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Summaries.Language;

/// <summary>The Azure AI Language summarizer against a local server that plays the documented analyze-text jobs API.</summary>
public sealed class LanguageSummarizerTests : IAsyncLifetime
{
    private const string Key = "test-key-5f0c9d2e";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private readonly SteppingTime _time = new(Now);
    private readonly LogSink<LanguageSummarizer> _log = new();
    private LanguageServiceDouble _service = null!;

    public async Task InitializeAsync() => _service = await LanguageServiceDouble.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private SummarizerOptions Options(
        string provider = SummarizerProviders.LanguageExtractive, int timeoutSeconds = 60, int documentCharacters = 20_000, string language = "en") => new()
    {
        Provider = provider,
        Sentences = 3,
        Language = new LanguageServiceOptions
        {
            Endpoint = _service.Endpoint.ToString(),
            ApiKey = Key,
            TimeoutSeconds = timeoutSeconds,
            DocumentCharacters = documentCharacters,
            DocumentLanguage = language,
        },
    };

    private static Reply NextLinkTo(string link)
    {
        var state = JsonNode.Parse(JobStates.Extractive(("1", [("A sentence of the article.", 0.5, 0)])).Body!)!.AsObject();
        state["nextLink"] = link;
        return new Reply(200, state.ToJsonString());
    }

    private static List<(string Id, string Text)> SentDocuments(RecordedRequest submit) =>
        submit.Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("text").GetString()!))
            .ToList();

    private LanguageSummarizer CreateSut(SummarizerOptions? options = null) => new(options ?? Options(), _time, _log);

    private Task<ArticleSummary> BuiltInSummaryAsync(Article article) =>
        new BuiltInSummarizer(new SummarizerOptions { Sentences = 3 }, _time).SummarizeAsync(article);

    private static string Body(Article article) => string.Join("\n\n", article.Paragraphs);

    [Fact]
    public async Task Summarize_ExtractiveJobSucceeds_UsesTheServiceSentencesInArticleOrder()
    {
        var article = NewsArticles.FloodWall();
        var body = Body(article);
        var first = article.Paragraphs[2];
        var second = article.Paragraphs[3];
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(second, 0.9, body.IndexOf(second, StringComparison.Ordinal)), (first, 0.7, body.IndexOf(first, StringComparison.Ordinal))])));

        var summary = await CreateSut().SummarizeAsync(article);

        var builtIn = await BuiltInSummaryAsync(article);
        Assert.Equal([first, second], summary.Sentences);
        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(builtIn.KeyPhrases, summary.KeyPhrases);
        Assert.Equal(builtIn.WordCount, summary.WordCount);
        Assert.Equal((article.Name, article.Title, article.Outlet, article.Url, article.PublishedAt, article.ContentHash),
            (summary.Article, summary.Title, summary.Outlet, summary.Url, summary.PublishedAt, summary.ContentHash));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task Summarize_Extractive_SubmitsTheDocumentedJobAndPollsItsOperationLocation()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        await CreateSut().SummarizeAsync(article);

        Assert.Equal(2, _service.Requests.Count);
        var submit = _service.Requests[0];
        Assert.Equal(("POST", "/language/analyze-text/jobs", "?api-version=2025-11-01"), (submit.Method, submit.Path, submit.Query));
        Assert.Equal(Key, submit.Header("Ocp-Apim-Subscription-Key"));
        Assert.StartsWith("application/json", submit.Header("Content-Type"), StringComparison.Ordinal);
        var document = Assert.Single(submit.Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray());
        Assert.Equal("1", document.GetProperty("id").GetString());
        Assert.Equal("en", document.GetProperty("language").GetString());
        Assert.Equal(Body(article), document.GetProperty("text").GetString());
        var task = Assert.Single(submit.Json.GetProperty("tasks").EnumerateArray());
        Assert.Equal("ExtractiveSummarization", task.GetProperty("kind").GetString());
        Assert.Equal(3, task.GetProperty("parameters").GetProperty("sentenceCount").GetInt32());
        Assert.Equal("Offset", task.GetProperty("parameters").GetProperty("sortBy").GetString());
        Assert.Equal(60, submit.Json.GetProperty("cancelAfter").GetDouble());
        Assert.False(submit.Json.TryGetProperty("defaultLanguage", out _));

        var poll = _service.Requests[1];
        Assert.Equal(("GET", "/language/analyze-text/jobs/" + Reply.JobId, "?api-version=2025-11-01"), (poll.Method, poll.Path, poll.Query));
        Assert.Equal(Key, poll.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal("", poll.Body);
    }

    [Fact]
    public async Task Summarize_AbstractiveJobSucceeds_SplitsTheSummaryIntoSentences()
    {
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Abstractive(("1",
            "Harbor City approved a $1.2 billion flood wall on Tuesday. Mr. Okafor and one other member voted against it.\n" +
            "The wall will protect about 40,000 residents.")));

        var summary = await CreateSut(Options(SummarizerProviders.LanguageAbstractive)).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(
            [
                "Harbor City approved a $1.2 billion flood wall on Tuesday.",
                "Mr. Okafor and one other member voted against it.",
                "The wall will protect about 40,000 residents.",
            ],
            summary.Sentences);
        Assert.Equal(SummarizerProviders.LanguageAbstractive, summary.Provider);
        var task = Assert.Single(_service.Submits[0].Json.GetProperty("tasks").EnumerateArray());
        Assert.Equal("AbstractiveSummarization", task.GetProperty("kind").GetString());
        Assert.Equal(3, task.GetProperty("parameters").GetProperty("sentenceCount").GetInt32());
        Assert.False(task.GetProperty("parameters").TryGetProperty("sortBy", out _));
    }

    [Fact]
    public async Task Summarize_AbstractiveSummaryLongerThanWanted_KeepsTheConfiguredNumberOfSentences()
    {
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Abstractive(("1", "One happened. Two happened. Three happened. Four happened. Five happened.")));

        var summary = await CreateSut(Options(SummarizerProviders.LanguageAbstractive)).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(["One happened.", "Two happened.", "Three happened."], summary.Sentences);
    }

    [Fact]
    public async Task Summarize_JobStillRunning_PollsWithBackoffUntilItSucceeds()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Running("notStarted"), JobStates.Running(), JobStates.Running(), JobStates.Running(),
            JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(5, _service.Polls.Count);
        Assert.Equal([1, 2, 4, 5, 5], _time.Waits.Select(w => w.TotalSeconds));
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("partiallyCompleted")]
    [InlineData("cancelled")]
    public async Task Summarize_JobDidNotSucceed_FallsBackToTheBuiltInSummaryAndWarns(string status)
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Running(), JobStates.Ended(status, "InvalidDocument", "Document text is empty."));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "JobFailed");
        Assert.Contains($"'{status}'", _log.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("InvalidDocument", _log.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_ThrottledWithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(
            Reply.Error(429, "429", "Rate limit is exceeded.", new Dictionary<string, string> { ["Retry-After"] = "7" }),
            Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(2, _service.Submits.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), _time.Waits[0]);
        Assert.Empty(_log.Warnings);
    }

    [Theory]
    [InlineData("Retry-After", "Sat, 21 Nov 2026 06:00:09 GMT", 9)]
    [InlineData("retry-after-ms", "2500", 2.5)]
    [InlineData("x-ms-retry-after-ms", "1500", 1.5)]
    public async Task Summarize_ThrottledWithRetryAfterInAnotherForm_WaitsAsAsked(string header, string value, double seconds)
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(429, "429", "Rate limit is exceeded.", new Dictionary<string, string> { [header] = value }), Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(TimeSpan.FromSeconds(seconds), _time.Waits[0]);
    }

    [Fact]
    public async Task Summarize_PollAnswerWithRetryAfter_WaitsAsAskedBeforeTheNextPoll()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(
            JobStates.Running() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "3" } },
            JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        await CreateSut().SummarizeAsync(article);

        Assert.Equal([1, 3], _time.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Summarize_PollAnswersAskingForNoWait_StillPollAtMostOncePerSecond()
    {
        _service.OnSubmit(Reply.Accepted() with { Headers = new Dictionary<string, string>
        {
            ["Operation-Location"] = "{endpoint}/language/analyze-text/jobs/" + Reply.JobId + "?api-version=2025-11-01",
            ["Retry-After"] = "0",
        } });
        _service.OnPoll(JobStates.Running() with { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });

        var summary = await CreateSut(Options(timeoutSeconds: 10)).SummarizeAsync(NewsArticles.FloodWall());

        Assert.Equal(SummarizerProviders.BuiltIn, summary.Provider);
        Assert.All(_time.Waits, w => Assert.Equal(TimeSpan.FromSeconds(1), w));
        Assert.Equal(9, _service.Polls.Count);
    }

    [Fact]
    public async Task Summarize_ThrottledForLongerThanTheTimeLeft_FallsBackWithoutWaiting()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(429, "429", "Rate limit is exceeded.", new Dictionary<string, string> { ["Retry-After"] = "120" }));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Throttled");
        Assert.Single(_service.Requests);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task Summarize_ThrottledOnEveryAttempt_FallsBackAfterFourAttempts()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(429, "429", "Rate limit is exceeded.", new Dictionary<string, string> { ["Retry-After"] = "2" }));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Throttled");
        Assert.Equal(4, _service.Submits.Count);
        Assert.Equal([2, 2, 2], _time.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Summarize_ServiceUnavailableOnce_RetriesWithBackoffThenSucceeds()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(503, "ServiceUnavailable", "Try again."), Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut().SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(2, _service.Submits.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), _time.Waits[0]);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Summarize_CredentialsRefused_FallsBackAtOnceWithAConfigurationError(int status)
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(status, status.ToString(), "Access denied due to invalid subscription key or wrong API endpoint."));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Unauthorized");
        Assert.Single(_service.Requests);
        Assert.Contains($"HTTP {status}", _log.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Summarizer:Language:ApiKey", _log.Warnings[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_JobSlowerThanTheTimeout_FallsBackWithoutWaitingPastIt()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Running());

        var summary = await CreateSut(Options(timeoutSeconds: 20)).SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Timeout");
        // Waits of 1, 2, 4, 5 and 5 s leave 3 s: the next 5 s wait is not started.
        Assert.Equal([1, 2, 4, 5, 5], _time.Waits.Select(w => w.TotalSeconds));
        Assert.Equal(5, _service.Polls.Count);
    }

    [Fact]
    public async Task Summarize_ServiceDoesNotAnswer_FallsBackWhenTheTimeoutEnds()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted() with { Delay = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();

        var summary = await new LanguageSummarizer(Options(timeoutSeconds: 1), TimeProvider.System, _log).SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Timeout");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Summarize_ServiceUnreachable_FallsBackAfterRetrying()
    {
        var article = NewsArticles.FloodWall();
        var closed = _service.Endpoint;
        await _service.DisposeAsync();
        _service = await LanguageServiceDouble.StartAsync();
        var options = Options();
        options.Language.Endpoint = closed.ToString();

        var summary = await CreateSut(options).SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Unavailable");
        Assert.Equal([1, 2, 4], _time.Waits.Select(w => w.TotalSeconds));
    }

    public static TheoryData<string> MalformedAnswers => [.. Malformed.Keys];

    private static readonly Dictionary<string, Action<LanguageServiceDouble>> Malformed = new()
    {
        ["job state is not JSON"] = s => s.OnPoll(new Reply(200, "{\"status\": \"succ")),
        ["job state is not an object"] = s => s.OnPoll(new Reply(200, "[1, 2, 3]")),
        ["succeeded without tasks"] = s => s.OnPoll(Reply.Job(new { jobId = Reply.JobId, createdDateTime = "2026-11-21T06:00:00Z", lastUpdatedDateTime = "2026-11-21T06:00:03Z", status = "succeeded" })),
        ["succeeded without the sent document"] = s => s.OnPoll(JobStates.Extractive(("7", [("A sentence.", 0.5, 0)]))),
        ["succeeded without sentences"] = s => s.OnPoll(JobStates.Extractive(("1", []))),
        ["unknown status"] = s => s.OnPoll(JobStates.Running("exploded")),
        ["accepted without Operation-Location"] = s => s.OnSubmit(new Reply(202)),
        ["Operation-Location on another host"] = s => s.OnSubmit(new Reply(202, Headers: new Dictionary<string, string>
        {
            ["Operation-Location"] = "https://elsewhere.example/language/analyze-text/jobs/" + Reply.JobId + "?api-version=2025-11-01",
        })),
        ["Operation-Location naming no job"] = s => s.OnSubmit(new Reply(202, Headers: new Dictionary<string, string>
        {
            ["Operation-Location"] = "{endpoint}/",
        })),
        ["nextLink on another host"] = s => s.OnPoll(NextLinkTo("https://elsewhere.example/language/analyze-text/jobs/" + Reply.JobId + "?api-version=2025-11-01&top=20&skip=20")),
        ["nextLink that never ends"] = s => s.OnPoll(NextLinkTo("{endpoint}/language/analyze-text/jobs/" + Reply.JobId + "?api-version=2025-11-01&top=20&skip=20")),
        ["submit answered 200 instead of 202"] = s => s.OnSubmit(new Reply(200, "{}")),
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task Summarize_MalformedAnswer_FallsBackToTheBuiltInSummary(string answer)
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Running());
        Malformed[answer](_service);

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "MalformedResponse");
        Assert.DoesNotContain(_service.Requests, r => r.Path.Contains("elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_LongArticle_SendsWholeParagraphDocumentsAndMergesTheBestSentences()
    {
        // Two sentences (about 195 characters) a paragraph: five paragraphs fit in a 1,000-character document.
        var paragraphs = Enumerable.Range(1, 12)
            .Select(p => string.Join(" ", Enumerable.Range(1, 2).Select(s => $"Paragraph {p} reports fact {s} about the harbor flood wall and the vote that approved it on Tuesday.")))
            .ToArray();
        var article = NewsArticles.WithParagraphs(paragraphs);
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(
            ("2", [("Paragraph 7 reports fact 2.", 0.8, 500), ("Paragraph 6 reports fact 1.", 0.95, 0)]),
            ("1", [("Paragraph 1 reports fact 1.", 0.9, 0), ("Paragraph 2 reports fact 1.", 0.1, 200)]),
            ("3", [("Paragraph 12 reports fact 2.", 0.3, 300)])));

        var summary = await CreateSut(Options(documentCharacters: 1_000)).SummarizeAsync(article);

        var documents = _service.Submits[0].Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()
            .Select(d => (Id: d.GetProperty("id").GetString(), Text: d.GetProperty("text").GetString()!))
            .ToList();
        Assert.Equal(["1", "2", "3"], documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.InRange(d.Text.Length, 1, 1_000));
        Assert.Equal(paragraphs, documents.SelectMany(d => d.Text.Split("\n\n")));
        Assert.Equal(["Paragraph 1 reports fact 1.", "Paragraph 6 reports fact 1.", "Paragraph 7 reports fact 2."], summary.Sentences);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task Summarize_ArticleBeyondTheRequestLimits_SendsItsFirst125000CharactersIn25DocumentsAtMost()
    {
        var paragraph = string.Join(" ", Enumerable.Repeat("The harbor flood wall vote drew a large crowd to the council chamber on Tuesday.", 12));
        var article = NewsArticles.WithParagraphs([.. Enumerable.Repeat(paragraph, 200)]);
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Ended("failed", "InvalidDocumentBatch", "Too large."));

        await CreateSut(Options(documentCharacters: 5_000)).SummarizeAsync(article);

        var texts = _service.Submits[0].Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()
            .Select(d => d.GetProperty("text").GetString()!)
            .ToList();
        Assert.InRange(texts.Count, 2, 25);
        Assert.InRange(texts.Sum(t => t.Length), 100_000, 125_000);
        Assert.All(texts, t => Assert.All(t.Split("\n\n"), p => Assert.Equal(paragraph, p)));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Template.Contains("first {SentCharacters}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summarize_CallerCancels_StopsWithoutFallingBack()
    {
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Running() with { Delay = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SummarizeAsync(NewsArticles.FloodWall(), cancel.Token));

        Assert.Empty(_log.Warnings);
    }

    public static TheoryData<string, string> ChineseAndJapanese => new() { { "zh", "zh-hans" }, { "ja", "ja" } };

    [Theory]
    [MemberData(nameof(ChineseAndJapanese))]
    public async Task Summarize_ChineseOrJapaneseArticle_ReachesTheServiceInItsLanguage(string article, string language)
    {
        var chosen = article == "zh" ? NewsArticles.Chinese() : NewsArticles.Japanese();
        var sentence = Digest.Language.SentenceSplitter.Split(chosen.Paragraphs[1])[0];
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(sentence, 0.9, 40)])));

        var summary = await CreateSut(Options(language: language.ToUpperInvariant())).SummarizeAsync(chosen);

        Assert.Equal([sentence], summary.Sentences);
        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        var document = Assert.Single(_service.Submits[0].Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray());
        Assert.Equal(language, document.GetProperty("language").GetString());
        Assert.Equal(Body(chosen), document.GetProperty("text").GetString());
        Assert.Empty(_log.Warnings);
    }

    /// <summary>Arabic sentences, which the built-in summarizer's screening does not read: it finds no usable sentence.</summary>
    private static Article Arabic() => NewsArticles.WithParagraphs(
        "وافق مجلس مدينة الميناء يوم الثلاثاء على بناء جدار للحماية من الفيضانات بتكلفة مليار دولار.",
        "سيحمي الجدار نحو أربعين ألف ساكن على طول الساحل من العواصف.");

    [Fact]
    public async Task Summarize_ArticleTheBuiltInSummarizerRejects_StillReachesTheService()
    {
        var article = Arabic();
        await Assert.ThrowsAsync<ArticleRejectedException>(() => BuiltInSummaryAsync(article));
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Abstractive(("1", "وافق المجلس على بناء جدار للحماية من الفيضانات.")));

        var summary = await CreateSut(Options(SummarizerProviders.LanguageAbstractive, language: "ar")).SummarizeAsync(article);

        Assert.Equal(["وافق المجلس على بناء جدار للحماية من الفيضانات."], summary.Sentences);
        Assert.Equal(SummarizerProviders.LanguageAbstractive, summary.Provider);
        Assert.Empty(summary.KeyPhrases);
        Assert.Equal(article.Paragraphs.Sum(Digest.Language.Words.Count), summary.WordCount);
        Assert.Equal((article.Name, article.ContentHash), (summary.Article, summary.ContentHash));
        Assert.Equal("ar", Assert.Single(_service.Submits[0].Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()).GetProperty("language").GetString());
    }

    [Fact]
    public async Task Summarize_ArticleWithoutUsableSentencesAndNoServiceSummary_IsRejectedWithTheBuiltInReason()
    {
        var article = NewsArticles.WithParagraphs("By Ana Ruiz | Harbor Times", "Tags: Flooding | Harbor City");
        var builtIn = await Assert.ThrowsAsync<ArticleRejectedException>(() => BuiltInSummaryAsync(article));
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [])));

        var rejected = await Assert.ThrowsAsync<ArticleRejectedException>(() => CreateSut().SummarizeAsync(article));

        Assert.Equal((builtIn.Code, builtIn.Reason), (rejected.Code, rejected.Reason));
        Assert.Single(_service.Submits);
        var warning = Assert.Single(_log.Warnings);
        Assert.Equal("MalformedResponse", warning.Values["Fault"]?.ToString());
        Assert.Contains("rejected", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_SucceededJobWithADocumentError_KeepsTheOtherDocumentsAndLogsTheInnermostCode()
    {
        var paragraphs = Enumerable.Range(1, 12)
            .Select(p => string.Join(" ", Enumerable.Range(1, 2).Select(s => $"Paragraph {p} reports fact {s} about the harbor flood wall and the vote that approved it on Tuesday.")))
            .ToArray();
        var article = NewsArticles.WithParagraphs(paragraphs);
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Succeeded(
            "ExtractiveSummarizationLROResults",
            [
                JobStates.ExtractiveDocument("1", [("Paragraph 1 reports fact 1.", 0.9, 0)]),
                JobStates.ExtractiveDocument("3", [("Paragraph 12 reports fact 2.", 0.3, 300)]),
            ],
            [JobStates.DocumentError("2", "UnsupportedLanguageCode", "Invalid language code 'en'. Supported languages: zh-hans, en.")]));

        var summary = await CreateSut(Options(documentCharacters: 1_000)).SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal(["Paragraph 1 reports fact 1.", "Paragraph 12 reports fact 2."], summary.Sentences);
        var warning = Assert.Single(_log.Warnings);
        Assert.Equal(("2", "UnsupportedLanguageCode"), (warning.Values["Document"], warning.Values["ErrorCode"]));
        Assert.Contains("Invalid language code", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_SucceededJobWhoseEveryDocumentFailed_FallsBackNamingTheInnermostCode()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Succeeded(
            "ExtractiveSummarizationLROResults", [], [JobStates.DocumentError("1", "UnsupportedLanguageCode", "Invalid language code.")]));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "JobFailed");
        Assert.Contains("UnsupportedLanguageCode", _log.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_JobOfMoreDocumentsThanAPage_FollowsNextLinkToTheLastPage()
    {
        // 22 documents of about 1,000 characters: the service pages its results 20 at a time.
        var paragraphs = Enumerable.Range(1, 22)
            .Select(p => string.Join(" ", Enumerable.Range(1, 10).Select(s => $"Paragraph {p} reports fact {s} about the harbor wall vote.")))
            .ToArray();
        var article = NewsArticles.WithParagraphs(paragraphs);
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive([.. Enumerable.Range(1, 22).Select(d => (
            d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new[] { ($"Paragraph {d} reports fact 1 about the harbor wall vote.", d == 22 ? 0.99 : 0.1 + d / 100.0, 0) }))]));

        var summary = await CreateSut(Options(documentCharacters: 1_000)).SummarizeAsync(article);

        Assert.Equal(22, SentDocuments(_service.Submits[0]).Count);
        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Contains("Paragraph 22 reports fact 1 about the harbor wall vote.", summary.Sentences);
        Assert.Equal(2, _service.Polls.Count);
        Assert.Equal("?api-version=2025-11-01&top=20&skip=20", _service.Polls[1].Query);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task Summarize_AutoLanguage_SendsTheDefaultLanguageAndLogsWarningsAndTheDetectedLanguage()
    {
        var article = NewsArticles.FloodWall();
        var options = Options(language: "auto");
        options.Language.DefaultLanguage = "de";
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Succeeded("ExtractiveSummarizationLROResults",
        [
            JobStates.ExtractiveDocument(
                "1",
                [(article.Paragraphs[2], 0.9, 10)],
                [JobStates.Warning("LongWordsInDocument", "The document contains very long words (longer than 64 characters).")],
                JobStates.Detected("English", "en", 0.98)),
        ]));

        var summary = await CreateSut(options).SummarizeAsync(article);

        Assert.Equal([article.Paragraphs[2]], summary.Sentences);
        var submit = _service.Submits[0].Json;
        Assert.Equal("auto", submit.GetProperty("analysisInput").GetProperty("documents")[0].GetProperty("language").GetString());
        Assert.Equal("de", submit.GetProperty("defaultLanguage").GetString());
        Assert.Empty(_log.Warnings);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && Equals(e.Values.GetValueOrDefault("WarningCode"), "LongWordsInDocument"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && Equals(e.Values.GetValueOrDefault("Language"), "en"));
    }

    [Fact]
    public async Task Summarize_OversizeRequestRefusedAtSubmit_FallsBackNamingTheInnermostCode()
    {
        var article = NewsArticles.FloodWall();
        _service.OnSubmit(Reply.Error(400, "InvalidArgument", "Invalid document in request.",
            "InvalidDocumentBatch", "Batch request contains too many characters. Max 125000 characters permitted."));

        var summary = await CreateSut().SummarizeAsync(article);

        await AssertFellBackAsync(article, summary, "Rejected");
        Assert.Contains("HTTP 400", _log.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("InvalidDocumentBatch", _log.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Single(_service.Requests);
    }

    [Theory]
    [InlineData("{endpoint}/language/analyze-text/jobs/" + Reply.JobId)]
    [InlineData("{endpoint}/language/analyze-text/jobs/" + Reply.JobId + "?showStats=false")]
    public async Task Summarize_OperationLocationWithoutApiVersion_PollsTheJobWithTheConfiguredOne(string location)
    {
        var article = NewsArticles.FloodWall();
        var options = Options();
        options.Language.ApiVersion = "2025-11-01";
        _service.OnSubmit(new Reply(202, Headers: new Dictionary<string, string> { ["Operation-Location"] = location }));
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut(options).SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        var poll = Assert.Single(_service.Polls);
        Assert.Equal(("/language/analyze-text/jobs/" + Reply.JobId, "?api-version=2025-11-01"), (poll.Path, poll.Query));
    }

    /// <summary>The summary is the built-in one, and one warning without article text says why.</summary>
    private async Task AssertFellBackAsync(Article article, ArticleSummary summary, string fault)
    {
        var builtIn = await BuiltInSummaryAsync(article);
        Assert.Equal(SummarizerProviders.BuiltIn, summary.Provider);
        Assert.Equal(builtIn.Sentences, summary.Sentences);
        Assert.Equal(builtIn.KeyPhrases, summary.KeyPhrases);
        var warning = Assert.Single(_log.Warnings);
        Assert.Equal(fault, warning.Values["Fault"]?.ToString());
        Assert.Equal(article.Name, warning.Values["Article"]);
        Assert.StartsWith("Azure AI Language did not summarize {Article} ({Fault}): {Reason}.", warning.Template, StringComparison.Ordinal);
        Assert.All(article.Paragraphs.SelectMany(Digest.Language.SentenceSplitter.Split), s => Assert.DoesNotContain(s, warning.Message, StringComparison.Ordinal));
    }
}
