using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Digest.Briefings;
using Digest.Cli;
using Digest.Mail;
using Digest.Subscribers;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench mail [--subscribers N] [--stories N]</c>: renders a briefing and builds every SendGrid request body (the SendGrid package's message, serialized) for
/// N subscribers (1,000 per request, each with its own unsubscribe token and headers), without sending; prints the
/// time, the request count and size, and the process's peak memory.
/// </summary>
public static class MailBench
{
    public static Command Create(TextWriter output)
    {
        var subscribers = new Option<int>("--subscribers") { Description = "Recipients", DefaultValueFactory = _ => 100_000 };
        var stories = new Option<int>("--stories") { Description = "Stories in the briefing", DefaultValueFactory = _ => 10 };
        var command = new Command("mail", "Measure rendering and building SendGrid payloads for a briefing to many subscribers.") { subscribers, stories };
        command.SetAction(async (parse, _) =>
        {
            await output.WriteLineAsync(Run(parse.GetValue(subscribers), parse.GetValue(stories)));
            return DigestCli.Success;
        });
        return command;
    }

    private static string Run(int subscriberCount, int storyCount)
    {
        var briefing = LongDay(storyCount);
        var builder = new BriefingEmailBuilder(
            Options.Create(new MailOptions { FromAddress = "digest@news.example.org", PublicBaseUrl = "https://news.example.org", PostalAddress = "Digest, 1 Harbor Road, Port Town" }),
            new SubscriberTokens(RandomNumberGenerator.GetBytes(32)),
            TimeProvider.System);
        var sendGrid = new SendGridOptions { ApiKey = "bench" };
        var sentAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
        var recipients = new string[subscriberCount];
        for (var i = 0; i < subscriberCount; i++)
        {
            recipients[i] = $"subscriber{i.ToString(CultureInfo.InvariantCulture)}@example.com";
        }

        // Warm-up: one small batch, so the timing is of steady work rather than start-up compilation.
        SendGridEmailSender.ToSendGridMessage(builder.BuildBatch(briefing, recipients[..Math.Min(10, subscriberCount)], sentAt), sendGrid).Serialize();

        var stopwatch = Stopwatch.StartNew();
        long totalBytes = 0, largest = 0;
        var requests = 0;
        int htmlBytes = 0;
        foreach (var chunk in recipients.Chunk(sendGrid.BatchSize))
        {
            var batch = builder.BuildBatch(briefing, chunk, sentAt);
            htmlBytes = System.Text.Encoding.UTF8.GetByteCount(batch.HtmlBody);
            // The request body exactly as the SendGrid package's client posts it.
            var payload = System.Text.Encoding.UTF8.GetByteCount(SendGridEmailSender.ToSendGridMessage(batch, sendGrid).Serialize());
            totalBytes += payload;
            largest = Math.Max(largest, payload);
            requests++;
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"{storyCount}-story briefing to {subscriberCount:N0} subscribers: {seconds:F2} s, {requests:N0} SendGrid requests, " +
            $"{totalBytes / (1024.0 * 1024):N0} MB of JSON (largest request {largest / 1024.0:N0} KB, HTML part {htmlBytes / 1024.0:N1} KB), " +
            $"peak memory {process.PeakWorkingSet64 / (1024.0 * 1024):N0} MB");
    }

    /// <summary>A long day: stories with four long sentences and six sources each, with long URLs and titles.</summary>
    internal static Briefing LongDay(int storyCount) => new()
    {
        Date = new DateOnly(2026, 11, 20),
        ArticleCount = storyCount * 6,
        Stories =
        [
            .. Enumerable.Range(1, storyCount).Select(number => new Story
            {
                Headline = $"Story {number}: regional transport authority approves a long-term plan for ferries, buses and trams",
                Summary =
                [
                    .. Enumerable.Range(1, 4).Select(sentence =>
                        $"Sentence {sentence} of story {number} explains in some detail what the authority decided, who will pay for it, " +
                        "when the first changes arrive and what passengers and residents along the routes should expect next year."),
                ],
                Sources =
                [
                    .. Enumerable.Range(1, 6).Select(source => new StorySource
                    {
                        Article = $"story-{number}-source-{source}.html",
                        Outlet = $"Regional Newspaper {source}",
                        Title = $"Transport authority approves long-term plan for ferries, buses and trams (report {number}.{source})",
                        Url = $"https://news{source}.example.com/2026/11/20/transport-authority-approves-long-term-plan-ferries-buses-trams-{number}?utm_source=rss",
                    }),
                ],
            }),
        ],
    };
}
