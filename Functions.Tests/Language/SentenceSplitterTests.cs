using Digest.Language;

namespace Digest.Tests.Language;

public class SentenceSplitterTests
{
    public static TheoryData<string, string[]> Abbreviations => new()
    {
        { "U.S. officials met on Monday. They agreed.", ["U.S. officials met on Monday.", "They agreed."] },
        { "The U.K. government said it would act.", ["The U.K. government said it would act."] },
        { "Mr. Smith and Mrs. Jones met Dr. Lee at St. Mary's Hospital.", ["Mr. Smith and Mrs. Jones met Dr. Lee at St. Mary's Hospital."] },
        { "The company, based in St. Louis, grew.", ["The company, based in St. Louis, grew."] },
        { "The hearing is on Jan. 5 and the vote on Feb. 12.", ["The hearing is on Jan. 5 and the vote on Feb. 12."] },
        { "Sept. 11 changed everything. It was 2001.", ["Sept. 11 changed everything.", "It was 2001."] },
        { "The meeting is at 10 a.m. in Room 4 and ends by 2 p.m. on Friday.", ["The meeting is at 10 a.m. in Room 4 and ends by 2 p.m. on Friday."] },
        { "Apple Inc. said profits rose. Microsoft Corp. Chief Executive Satya Nadella agreed.", ["Apple Inc. said profits rose.", "Microsoft Corp. Chief Executive Satya Nadella agreed."] },
        { "Gov. Newsom, Sen. Padilla and Rep. Pelosi spoke.", ["Gov. Newsom, Sen. Padilla and Rep. Pelosi spoke."] },
        { "He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."] },
    };

    public static TheoryData<string, string[]> SentenceEndsAfterAbbreviations => new()
    {
        { "The plan was approved in the U.S. The vote was close.", ["The plan was approved in the U.S.", "The vote was close."] },
        { "The meeting ended at 10 a.m. The council then voted.", ["The meeting ended at 10 a.m.", "The council then voted."] },
        { "Shares rose at Acme Inc. But bonds fell.", ["Shares rose at Acme Inc.", "But bonds fell."] },
    };

    public static TheoryData<string, string[]> NumbersAndInitials => new()
    {
        { "Revenue rose to $1.2 billion, up 3.5% from last year. Profit fell.", ["Revenue rose to $1.2 billion, up 3.5% from last year.", "Profit fell."] },
        { "The vote was 7-2. The measure passed.", ["The vote was 7-2.", "The measure passed."] },
        { "J.R.R. Tolkien wrote it. George W. Bush read it.", ["J.R.R. Tolkien wrote it.", "George W. Bush read it."] },
    };

    public static TheoryData<string, string[]> Ellipses => new()
    {
        { "He paused... then continued.", ["He paused... then continued."] },
        { "The numbers were bad\u2026 Then they got worse.", ["The numbers were bad\u2026", "Then they got worse."] },
    };

    public static TheoryData<string, string[]> Quotations => new()
    {
        { "\"We will rebuild.\" she said.", ["\"We will rebuild.\" she said."] },
        { "\"We will rebuild,\" she said. The crowd cheered.", ["\"We will rebuild,\" she said.", "The crowd cheered."] },
        { "\u201CWe will rebuild.\u201D she said.", ["\u201CWe will rebuild.\u201D she said."] },
        { "\u201CWe will rebuild,\u201D she said.", ["\u201CWe will rebuild,\u201D she said."] },
        { "\"Why now?\" she asked.", ["\"Why now?\" she asked."] },
        { "He said: \"It is over.\" Then he left.", ["He said: \"It is over.\"", "Then he left."] },
        { "\u201CIt is over.\u201D Then he left.", ["\u201CIt is over.\u201D", "Then he left."] },
        { "The law passed (after a long debate.) Critics objected.", ["The law passed (after a long debate.)", "Critics objected."] },
    };

    public static TheoryData<string, string[]> QuestionsAndExclamations => new()
    {
        { "Is this the end? Officials say no! The plan continues.", ["Is this the end?", "Officials say no!", "The plan continues."] },
        { "What next?! Nobody knows.", ["What next?!", "Nobody knows."] },
    };

    [Theory]
    [MemberData(nameof(Abbreviations))]
    [MemberData(nameof(SentenceEndsAfterAbbreviations))]
    [MemberData(nameof(NumbersAndInitials))]
    [MemberData(nameof(Ellipses))]
    [MemberData(nameof(Quotations))]
    [MemberData(nameof(QuestionsAndExclamations))]
    public void Split_NewsParagraph_FindsSentenceBoundaries(string paragraph, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(paragraph));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Split_BlankText_GivesNoSentences(string paragraph)
    {
        Assert.Empty(SentenceSplitter.Split(paragraph));
    }

    [Fact]
    public void Split_TextWithoutFinalMark_KeepsTheRestAsASentence()
    {
        Assert.Equal(["Officials met.", "No decision yet"], SentenceSplitter.Split("Officials met.  No decision yet "));
    }

    public static TheoryData<string, string[]> ChineseAndJapanese => new()
    {
        { "海港市议会周二批准了防洪墙计划。这道墙将保护约四万名居民。", ["海港市议会周二批准了防洪墙计划。", "这道墙将保护约四万名居民。"] },
        { "真的吗？当然！工程明年开工。", ["真的吗？", "当然！", "工程明年开工。"] },
        { "市長は「工事は来年始まる。」と述べた。反対派もいる。", ["市長は「工事は来年始まる。」と述べた。", "反対派もいる。"] },
        { "防潮堤を承認した｡住民は喜んだ！？本当だ。", ["防潮堤を承認した｡", "住民は喜んだ！？", "本当だ。"] },
        { "The council met. 议会批准了计划。 It ends.", ["The council met.", "议会批准了计划。", "It ends."] },
    };

    [Theory]
    [MemberData(nameof(ChineseAndJapanese))]
    public void Split_ChineseOrJapaneseTerminators_EndSentencesWithoutAFollowingSpace(string paragraph, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(paragraph));
    }
}
