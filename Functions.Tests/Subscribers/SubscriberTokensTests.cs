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
    public void Check_ConfirmTokenWithName_ReturnsAddressAndName()
    {
        var expires = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
        var token = CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com", expires, "Ada Lovelace");

        var check = CreateSut().Check(SubscriberTokens.Confirm, token, expires.AddHours(-1));

        Assert.Equal(new TokenCheck(TokenStatus.Valid, "ada@example.com", "Ada Lovelace"), check);
    }

    [Theory]
    [InlineData("Ada\nBcc: victim@example.com")]
    [InlineData("Ada\r")]
    public void Create_NameWithLineBreak_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com", DateTimeOffset.UnixEpoch.AddYears(60), name));

    [Fact]
    public void Verify_AnyByteChanged_ReturnsNull()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com");

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(CreateSut().Verify(SubscriberTokens.Unsubscribe, changed));
        }
    }

    [Fact]
    public void Create_Token_DoesNotShowTheAddressAndIsStablePerReaderAndPurpose()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com");
        var readable = Convert.ToBase64String(Encoding.UTF8.GetBytes("ada@example.com")).TrimEnd('=');

        Assert.DoesNotContain("ada", token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(readable[..12], token, StringComparison.Ordinal);
        Assert.Equal(token, CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com"));
        Assert.NotEqual(token, CreateSut().Create(SubscriberTokens.Unsubscribe, "grace@example.com"));
        Assert.NotEqual(token, CreateSut().Create(SubscriberTokens.Confirm, "ada@example.com"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".onlysignature")]
    [InlineData("!!!.???")]
    [InlineData("c2hvcnQ")]
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
    public void Check_TokenOfAnotherKey_IsInvalid()
    {
        var other = new SubscriberTokens(System.Text.Encoding.UTF8.GetBytes("another-signing-key-0123456789xx"));
        var token = other.Create(SubscriberTokens.Confirm, "ada@example.com", Now.AddHours(1));

        Assert.Equal(TokenStatus.Invalid, CreateSut().Check(SubscriberTokens.Confirm, token, Now).Status);
    }

    [Fact]
    public void Verify_ExpiringToken_IsNotAcceptedWhereNonExpiringOnesAre()
    {
        var token = CreateSut().Create(SubscriberTokens.Unsubscribe, "ada@example.com", Now.AddHours(1));

        Assert.Equal(TokenStatus.Valid, CreateSut().Check(SubscriberTokens.Unsubscribe, token, Now).Status);
        Assert.Null(CreateSut().Verify(SubscriberTokens.Unsubscribe, token));
    }
}
