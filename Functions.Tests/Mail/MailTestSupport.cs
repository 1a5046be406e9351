using System.Text;
using Digest.Mail;
using Digest.Subscribers;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Mail;

/// <summary>The builder and tokens the mail tests share.</summary>
internal static class MailTestSupport
{
    public static readonly DateTimeOffset SentAt = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    public static SubscriberTokens Tokens { get; } = new(Encoding.UTF8.GetBytes("mail-tests-signing-key-0123456789abcdef"));

    public static MailOptions Options(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions
        {
            FromAddress = "digest@digest.example.org",
            PublicBaseUrl = "https://digest.example.org/",
            PostalAddress = "Digest, 1 Harbor Road, Port Town",
        };
        configure?.Invoke(options);
        return options;
    }

    public static BriefingEmailBuilder Builder(Action<MailOptions>? configure = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(configure)), Tokens, new Digest.Tests.TestSupport.ManualTime(SentAt));

    /// <summary>Expected unsubscribe link of <paramref name="email"/>, from the token rules rather than the builder.</summary>
    public static string UnsubscribeUrl(string email) =>
        $"https://digest.example.org/api/unsubscribe?token={Tokens.Create(SubscriberTokens.Unsubscribe, email)}";
}

/// <summary>Compares two emails by every field, headers included (records compare dictionaries by reference).</summary>
internal sealed class EmailComparer : IEqualityComparer<EmailMessage>
{
    public static EmailComparer Instance { get; } = new();

    public bool Equals(EmailMessage? x, EmailMessage? y) =>
        x is not null && y is not null
        && x with { Headers = y.Headers } == y
        && x.Headers.OrderBy(h => h.Key).SequenceEqual(y.Headers.OrderBy(h => h.Key));

    public int GetHashCode(EmailMessage obj) => obj.MessageId.GetHashCode(StringComparison.Ordinal);
}
