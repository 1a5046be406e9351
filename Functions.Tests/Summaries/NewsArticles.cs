using Digest.Articles;

namespace Digest.Tests.Summaries;

/// <summary>Articles written for the summarizer tests.</summary>
internal static class NewsArticles
{
    public const string Lead =
        "The Harbor City Council voted 7-2 on Tuesday to build a $1.2 billion flood wall along the eastern waterfront, " +
        "the largest public works project in the city's history.";

    public const string Restated =
        "The council's 7-2 vote on Tuesday approved the $1.2 billion flood wall for the eastern waterfront.";

    /// <summary>Page furniture that intake is supposed to drop, left in the body on purpose.</summary>
    public static readonly string[] Furniture =
    [
        "By Ana Ruiz | Harbor Times",
        "Photo: Workers inspect a damaged seawall near Pier 9, where the new flood wall will begin. (Harbor Times/Li Wei)",
        "Read more: How other coastal cities are preparing for rising seas and stronger storms",
        "Sign up for our newsletter to get the latest city council and flood wall news in your inbox.",
        "Tags: Flooding | Harbor City | City Council | Climate",
        "Tuesday, March 4, 2025 at 6:15 p.m. ET",
    ];

    /// <summary>A news story about a flood wall vote, with its key fact restated late and boilerplate mixed in.</summary>
    public static Article FloodWall(string name = "flood-wall.txt") => new()
    {
        Name = name,
        Title = "Harbor City approves $1.2 billion flood wall",
        Outlet = "Harbor Times",
        Url = "https://example.org/news/flood-wall",
        PublishedAt = new DateTimeOffset(2025, 3, 4, 18, 15, 0, TimeSpan.Zero),
        ContentHash = "3f1c2a",
        Paragraphs =
        [
            Furniture[0],
            "HARBOR CITY \u2014 " + Lead,
            "The wall, which will stretch 4.5 miles from the ferry terminal to the old naval yard, is designed to protect " +
            "about 40,000 residents from storm surges that engineers expect to grow worse as sea levels rise.",
            Furniture[1],
            "Mayor Dana Brooks said the vote ended two years of debate over how to shield the waterfront. " +
            "\u201CWe will rebuild, and we will build it better,\u201D she said.",
            Furniture[5],
            "Construction is expected to begin next spring and take six years. The city will pay for the project with a " +
            "mix of federal grants, state loans and a new bond issue that voters approved in March.",
            Furniture[2],
            "Critics on the council argued that the wall would cut residents off from the water and that the cost " +
            "estimates were too optimistic. Council member Raj Patel, who voted against the plan, said the city should " +
            "have considered restoring wetlands instead.",
            Furniture[3],
            "Engineers from the Army Corps of Engineers reviewed the design last year and found that it would reduce " +
            "flood damage by more than 80 percent during a major storm.",
            Restated,
            Furniture[4],
        ],
    };

    public static Article WithParagraphs(params string[] paragraphs) => new()
    {
        Name = "short.txt",
        ContentHash = "ab12",
        Paragraphs = paragraphs,
    };
}
