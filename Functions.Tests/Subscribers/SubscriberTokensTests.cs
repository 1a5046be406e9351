using System.Text;
using Digest.Subscribers;

namespace Digest.Tests.Subscribers;

public class SubscriberTokensTests
{
    private static SubscriberTokens CreateSut(string key = "test-signing-key-0123456789") => new(Encoding.UTF8.GetBytes(key));

    [Fact]
    public void Verify_TokenItMade_ReturnsTheAddress()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "Ada@Example.com");

        Assert.Equal("ada@example.com", CreateSut().Verify(SubscriberTokens.Unsubscribe, token));
    }

    [Fact]
    public void Verify_TamperedAddress_ReturnsNull()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com");
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("eve@example.com")).TrimEnd('=') + token[token.IndexOf('.')..];

        Assert.Null(CreateSut().Verify(SubscriberTokens.Unsubscribe, forged));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".onlysignature")]
    [InlineData("!!!.???")]
    public void Verify_MalformedToken_ReturnsNull(string token)
    {
        Assert.Null(CreateSut().Verify(SubscriberTokens.Unsubscribe, token));
    }

    [Fact]
    public void Verify_OtherKeyOrPurpose_ReturnsNull()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com");

        Assert.Null(CreateSut("another-key-0123456789").Verify(SubscriberTokens.Unsubscribe, token));
        Assert.Null(CreateSut().Verify("confirm", token));
    }
}
