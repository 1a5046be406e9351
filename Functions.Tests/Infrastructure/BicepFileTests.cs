namespace Digest.Tests.Infrastructure;

public sealed class BicepFileTests
{
    private static BicepFile Parse(string text) => BicepFile.Parse("test.bicep", text);

    [Fact]
    public void Resources_DeclarationWithConditionAndLoop_ReadsTypeVersionConditionAndWholeBody()
    {
        var bicep = Parse("""
            resource one 'Microsoft.Storage/storageAccounts@2024-01-01' = {
              name: 'a'
              properties: {
                minimumTlsVersion: 'TLS1_2'
              }
            }

            resource two 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(x)) {
              name: guid(a, b)
            }

            resource three 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
              for n in names: {
                name: n
              }
            ]

            resource four 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
              name: 'kv'
            }
            """);

        var resources = bicep.Resources();

        Assert.Equal(["one", "two", "three", "four"], resources.Select(r => r.Symbol));
        Assert.Equal("Microsoft.Authorization/roleAssignments", resources[1].Type);
        Assert.Equal("2022-04-01", resources[1].ApiVersion);
        Assert.Equal("!empty(x)", resources[1].Condition);
        Assert.Null(resources[0].Condition);
        Assert.Equal("'TLS1_2'", resources[0].Property("minimumTlsVersion"));
        Assert.EndsWith("]", resources[2].Body, StringComparison.Ordinal);
        Assert.Equal("n", resources[2].Property("name"));
        Assert.True(resources[3].Existing);
    }

    [Fact]
    public void Resources_BracesAndApostrophesInStringsAndComments_DoNotEndTheBody()
    {
        var bicep = Parse("""
            // The app's identity } {
            resource app 'Microsoft.Web/sites@2024-04-01' = {
              name: 'x}{'
              /* a } block { comment */
              tags: { note: 'it\'s } here' }
              url: 'https://${app.properties.defaultHostName}/a?code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
              last: true // trailing } comment
            }
            """);

        var app = Assert.Single(bicep.Resources());

        Assert.Equal("true", app.Property("last"));
        Assert.EndsWith("}", app.Body.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", app.Property("url"), StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectVariable_ConditionalObjects_ReadsTopLevelKeysOfBothWithoutComments()
    {
        var bicep = Parse("""
            var settings = empty(endpoint)
              ? {}
              : {
                  First__Key: endpoint // a comment
                  'quoted-key': 'value'
                  Nested: {
                    Inner: 1
                  }
                }

            var other = {
              Other: 'x'
            }
            """);

        var settings = bicep.ObjectVariable("settings");

        Assert.Equal(["First__Key", "Nested", "quoted-key"], settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("endpoint", settings["First__Key"]);
        Assert.Equal("'value'", settings["quoted-key"]);
    }

    [Fact]
    public void StringArray_ArrayOfLiterals_ReadsEachInOrder()
    {
        var bicep = Parse("""
            var names = [
              'articles' // uploads
              'summaries'
            ]
            var next = 'x'
            """);

        Assert.Equal(["articles", "summaries"], bicep.StringArray("names"));
    }

    [Fact]
    public void StringArray_MissingVariable_ThrowsNamingIt()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Parse("var a = ['x']").StringArray("names"));

        Assert.Contains("names", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpolate_StringVariables_AreReplacedAndExpressionsKept()
    {
        var bicep = Parse("""
            var functionName = 'SummarizeArticle'
            var container = 'articles'
            """);

        Assert.Equal(
            "'https://${app.properties.defaultHostName}/x?functionName=Host.Functions.SummarizeArticle&path=/containers/articles/'",
            bicep.Interpolate("'https://${app.properties.defaultHostName}/x?functionName=Host.Functions.${functionName}&path=/containers/${container}/'"));
    }

    [Fact]
    public void Interpolate_UnknownVariable_ThrowsNamingIt()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Parse("var a = 'x'").Interpolate("'${b}'"));

        Assert.Contains("${b}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_UnclosedBody_ThrowsNamingTheFile()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Parse("resource a 'X.Y/z@2024-01-01' = {\n  name: 'a'\n").Resources());

        Assert.Contains("test.bicep", failure.Message, StringComparison.Ordinal);
    }
}
