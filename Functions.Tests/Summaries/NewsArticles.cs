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

    /// <summary>A Chinese news article: sentences end with 。 and no space separates them or their words.</summary>
    public static Article Chinese() => new()
    {
        Name = "harbor-wall-zh.txt",
        Title = "海港市批准建设防洪墙",
        ContentHash = "c4e1",
        Paragraphs =
        [
            "海港市议会周二以七票对二票批准了一项耗资十二亿美元的防洪墙计划。这道防洪墙将保护沿海约四万名居民免受风暴潮的影响。",
            "市长表示，工程将于明年春季开工，预计需要五年时间完成。反对者认为，这笔资金应该用于搬迁低洼地区的住户。",
            "议员们还要求城市规划部门在六个月内提交详细的环境评估报告。",
        ],
    };

    /// <summary>A Japanese news article: sentences end with 。 or ！ inside or outside 「」 quotations.</summary>
    public static Article Japanese() => new()
    {
        Name = "harbor-wall-ja.txt",
        Title = "港湾市が防潮堤の建設を承認",
        ContentHash = "d5f2",
        Paragraphs =
        [
            "港湾市議会は火曜日、総額十二億ドルの防潮堤計画を七対二の賛成多数で承認した。防潮堤は沿岸に住む約四万人の住民を高潮から守る。",
            "市長は「工事は来年の春に始まり、完成まで五年かかる見込みだ。」と述べた。反対派は、この資金を低地の住宅の移転に使うべきだと主張している。",
            "議員たちは都市計画部に対し、六か月以内に詳しい環境評価を提出するよう求めた。",
        ],
    };
}
