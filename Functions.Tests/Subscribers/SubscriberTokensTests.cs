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

public class ExpiringSubscriberTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static SubscriberTokens CreateSut() => new(System.Text.Encoding.UTF8.GetBytes("test-signing-key-0123456789"));

    [Fact]
    public void Check_BeforeExpiry_IsValid()
    {
        var token = CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com", Now.AddHours(48));

        Assert.Equal(new TokenCheck(TokenStatus.Valid, "ada@example.com"), CreateSut().Check(SubscriberTokens.Confirm, token, Now.AddHours(47)));
    }

    [Fact]
    public void Check_AfterExpiry_IsExpiredAndStillNamesTheAddress()
    {
        var token = CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com", Now.AddHours(48));

        Assert.Equal(new TokenCheck(TokenStatus.Expired, "ada@example.com"), CreateSut().Check(SubscriberTokens.Confirm, token, Now.AddHours(48)));
    }

    [Fact]
    public void Check_ExpiryEditedInThePayload_IsInvalid()
    {
        var token = CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com", Now.AddHours(1));
        var longer = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ada@example.com\n9999999999")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(TokenStatus.Invalid, CreateSut().Check(SubscriberTokens.Confirm, longer + token[token.IndexOf('.')..], Now).Status);
    }

    [Fact]
    public void Verify_ExpiringToken_IsNotAcceptedWhereNonExpiringOnesAre()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com", Now.AddHours(1));

        Assert.Equal(TokenStatus.Valid, CreateSut().Check(SubscriberTokens.Unsubscribe, token, Now).Status);
        Assert.Null(CreateSut().Verify(SubscriberTokens.Unsubscribe, token));
    }
}
