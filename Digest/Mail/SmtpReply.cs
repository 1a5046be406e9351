namespace Digest.Mail;

/// <summary>A server's reply: the three-digit code and its text lines (without the code).</summary>
internal sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>2xx and 3xx: the command went through.</summary>
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>4xx: try again later.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    public override string ToString() => $"{Code} {AddressRedaction.Redact(string.Join(" ", Lines))}";
}
