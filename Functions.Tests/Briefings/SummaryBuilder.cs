using Digest.Summaries;

namespace Digest.Tests.Briefings;

/// <summary>Summary records for grouping and composing tests.</summary>
internal static class SummaryBuilder
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static ArticleSummary Summary(string article, string outlet, string title, int hour, params string[] sentences) => new()
    {
        Article = article,
        Outlet = outlet,
        Title = title,
        Url = $"https://{outlet.Replace(" ", "").ToLowerInvariant()}.example/{article}",
        PublishedAt = Day.AddHours(hour),
        ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(article + title))),
        Sentences = sentences,
        SummarizedAt = Day.AddHours(hour),
        WordCount = 400,
    };

    public static ArticleSummary[] BrennportDay() =>
    [
        Summary("budget-harbor.txt", "Harbor Times", "Brennport council passes $48 million budget after late-night debate", 1,
            "Brennport's city council voted 7-2 early Wednesday to approve a $48 million budget for next year.",
            "The spending plan raises library hours and adds two road crews, Mayor Lena Ortiz said.",
            "Council members Tom Reyes and Ada Kim voted against the budget, citing the 3% property tax increase."),
        Summary("budget-ledger.md", "Valley Ledger", "Council approves Brennport spending plan in 7-2 vote", 2,
            "After six hours of public comment, the Brennport council approved the city's $48 million budget in a 7-2 vote.",
            "The plan includes a 3% property tax increase that opponents called a burden on retirees.",
            "\"This budget keeps our libraries open and our roads safe,\" Mayor Lena Ortiz said after the vote."),
        Summary("chief-harbor.html", "Harbor Times", "Brennport police chief Dana Webb resigns", 3,
            "Brennport police chief Dana Webb resigned Wednesday after eight years leading the department.",
            "Mayor Lena Ortiz thanked Webb and named deputy chief Sam Irving as interim chief.",
            "Webb did not give a reason for her resignation in a brief letter to the city council."),
        Summary("chief-wire.json", "Metro Wire", "Police chief steps down in Brennport, deputy to lead department", 4,
            "Dana Webb, Brennport's police chief since 2018, stepped down on Wednesday.",
            "Deputy chief Sam Irving will lead the police department until a search for a permanent chief is complete, Mayor Lena Ortiz said.",
            "In her resignation letter Webb thanked officers and said the department is stronger than when she arrived."),
        Summary("storm-wire.txt", "Metro Wire", "Storm knocks out power to 40,000 along the coast", 5,
            "High winds from an autumn storm knocked out power to about 40,000 homes along the coast on Wednesday.",
            "Utility crews expect to restore most service by Thursday evening."),
    ];
}
