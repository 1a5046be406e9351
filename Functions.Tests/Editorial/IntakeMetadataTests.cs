using System.Text;
using Digest.Articles;

namespace Digest.Tests.Editorial;

/// <summary>
/// Intake reads titles, bylines and outlets by their place and shape; drops a title that shares nothing with its
/// body, a deck above a title, and sets aside page notices and articles not in the edition's language.
/// </summary>
public class IntakeMetadataTests
{
    private const string Body =
        "Port Calder fire chief Anders Raft resigned on Friday after a review found the department paid $2.1 million in overtime that no one approved.\n\n" +
        "The city council will meet on Monday to name an interim chief, council president Maya Lund said.\n";

    private static Article Read(string name, string text, string language = "en") =>
        new ArticleReader(new IntakeOptions { Language = language }).Read(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_LowerCaseBylineWithOutletBetweenDashes_NamesOutletAndKeepsHeadlineCasedTitle()
    {
        var article = Read("raft.txt",
            "Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.\n\n" +
            "by Simone Karras — The Calder Observer — posted Friday, March 20, 2026, 8:02 p.m.\n\n" + Body);

        Assert.Equal("Chief Raft Is Out. The Overtime Questions Aren't Going Anywhere.", article.Title);
        Assert.Equal("The Calder Observer", article.Outlet);
    }

    [Fact]
    public void Read_MarkdownBoldBylineWithOutlet_NamesOutlet()
    {
        var article = Read("raft.md", "# Port Calder fire chief resigns over overtime review\n\n**By Tobias Reinholt** | Meridian Post\n\n" + Body);

        Assert.Equal("Meridian Post", article.Outlet);
        Assert.Equal("Port Calder fire chief resigns over overtime review", article.Title);
    }

    [Theory]
    [InlineData("Jdarsie11 / Wikimedia Commons")]
    [InlineData("Ana Ruiz / Getty Images")]
    public void Read_PhotoCreditUnderByline_IsNotTheOutlet(string credit)
    {
        var article = Read("raft.txt", "Port Calder fire chief resigns over overtime review\n\nBy Simone Karras\n\n" + credit + "\n\n" + Body);

        Assert.NotEqual(credit, article.Outlet);
        Assert.DoesNotContain(credit, article.Paragraphs);
    }

    [Fact]
    public void Read_FirstLineTitleOfFourteenWords_IsTheTitle()
    {
        var article = Read("002.txt", "Port Calder fire chief could be replaced by Monday after overtime review, council president says\n\n" + Body);

        Assert.Equal("Port Calder fire chief could be replaced by Monday after overtime review, council president says", article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("Page Content")]
    [InlineData("Play Facebook")]
    [InlineData("Image copyright AFP")]
    [InlineData("Hide Transcript Show Transcript")]
    public void Read_FirstLineSharingNothingWithTheBody_IsDroppedAsClutter(string line)
    {
        var article = Read("a.txt", line + "\n\n" + Body);

        Assert.Null(article.Title);
        Assert.Contains(article.Dropped, d => d.Kind == DroppedKinds.Clutter && d.Text == line);
    }

    [Fact]
    public void Read_DeckOnTheDateLineAboveTheTitle_IsDroppedAsDeck()
    {
        const string deck = "Pinecrest shares jump 24% after Halvorsen agrees a cash-and-stock takeover; union seeks job guarantees at Ashford plant.";
        var article = Read("deal.txt",
            " date 2026-11-20 " + deck + "\nUPDATE 2-Pinecrest Creamery shares soar on Halvorsen deal; Ashford workers want guarantees\n\n" +
            "Shares of Pinecrest Creamery surged 24% on Friday after Halvorsen Foods agreed to buy the dairy company for $38.50 a share.\n\n" +
            "The union at Pinecrest's plant in Ashford said it wants written job guarantees before the deal closes.\n");

        Assert.DoesNotContain(deck, article.Paragraphs);
        Assert.Contains(article.Dropped, d => d.Kind == DroppedKinds.Deck && d.Text == deck);
        Assert.Equal("Pinecrest Creamery shares soar on Halvorsen deal; Ashford workers want guarantees", article.Title);
    }

    [Theory]
    [InlineData("Thank you for your interest in spreading the word about Science. Your message will be sent to the address you enter. We will not share your email address with anyone.")]
    [InlineData("Subscribe to the Valley Ledger today. You get unlimited access to every story on your phone and your computer. Your first month costs one dollar and you can cancel at any time.")]
    public void Read_PageNoticeAddressingTheReader_IsRejectedAsNotAnArticle(string notice)
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => Read("notice.txt", notice + "\n"));

        Assert.Equal(RejectionCode.NotAnArticle, rejected.Code);
        Assert.Contains("addressed to its visitor", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsQuotingSomeoneWhoSaysYou_IsKept()
    {
        var article = Read("letter.txt",
            "\"I know that a lot of people failed you that night,\" the former vice president wrote in a letter published on Thursday. " +
            "\"You did it anyway, in the hope that your strength might help others.\"\n\n" +
            "The letter was addressed to a woman who testified in a sexual assault case in California last year, her lawyer said on Thursday.\n");

        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Read_ArticleInDutch_IsRejectedWithTheLanguageAndTheSetting()
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => Read("raad.txt",
            "De gemeenteraad van Dunmore heeft dinsdagavond na een debat van zes uur de begroting voor volgend jaar goedgekeurd.\n\n" +
            "Volgens de burgemeester blijven de bibliotheken langer open en komen er twee extra wegenploegen bij.\n"));

        Assert.Equal(RejectionCode.NotEditionLanguage, rejected.Code);
        Assert.Contains("Dutch", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("Intake__Language", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArticleInDutch_IsReadWhenTheEditionIsDutchOrAny()
    {
        const string dutch = "De gemeenteraad van Dunmore heeft dinsdagavond na een debat van zes uur de begroting voor volgend jaar goedgekeurd.\n";

        Assert.NotNull(Read("raad.txt", dutch, "nl"));
        Assert.NotNull(Read("raad.txt", dutch, "any"));
    }

    [Theory]
    [InlineData("english")]
    [InlineData("xx")]
    [InlineData("")]
    public void IntakeOptions_UnknownLanguage_FailsValidationNamingTheSetting(string language)
    {
        var options = new IntakeOptions { Language = language };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(IntakeOptions.Language)));
    }
}
