using Digest.Summaries.Screening;

namespace Digest.Tests.Summaries;

public class BoilerplateLinesTests
{
    [Theory]
    [InlineData("By Ana Ruiz | Harbor Times")]
    [InlineData("By ANA RUIZ and Li Wei, Staff Writers")]
    [InlineData("By Jean-Paul de la Cruz")]
    [InlineData("Reporting by Li Wei; Editing by Sam Holt")]
    [InlineData("Photo: Workers inspect a damaged seawall near Pier 9.")]
    [InlineData("Rescuers search the rubble on Tuesday. (AP Photo/Jane Doe)")]
    [InlineData("A man walks past the closed factory. Jane Doe/Getty Images")]
    [InlineData("Credit: Harbor Times")]
    [InlineData("Read more: How coastal cities prepare for rising seas")]
    [InlineData("Sign up for our morning newsletter and get the news in your inbox.")]
    [InlineData("Click here to subscribe to our daily briefing today.")]
    [InlineData("\u00A9 2025 Harbor Times. All rights reserved.")]
    [InlineData("Tags: Flooding, City Council, Climate")]
    [InlineData("Politics | Economy | World")]
    [InlineData("Tuesday, March 4, 2025 at 6:15 p.m. ET")]
    [InlineData("Updated: March 4, 2025")]
    [InlineData("Published on Monday, Nov. 3")]
    public void Matches_PageFurniture_IsTrue(string line)
    {
        Assert.True(BoilerplateLines.Matches(line));
    }

    [Theory]
    [InlineData("By Monday, the water had receded from most streets.")]
    [InlineData("By the end of the day, crews had restored power to 9,000 homes.")]
    [InlineData("Subscribers to the streaming service rose 10 percent last year.")]
    [InlineData("The photographer said she had covered three floods in a decade.")]
    [InlineData("Copyright lawsuits against the company have multiplied.")]
    [InlineData("The council will vote on March 4 at 6 p.m. on the plan.")]
    [InlineData("Read the room, the mayor told reporters, and you will see the anger.")]
    public void Matches_ReportingThatLooksSimilar_IsFalse(string line)
    {
        Assert.False(BoilerplateLines.Matches(line));
    }
}
