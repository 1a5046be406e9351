using Digest.Tests.TestSupport;

namespace Digest.Tests.Infrastructure;

/// <summary>
/// Every function in the functions.metadata the build writes, held against the compiled Bicep (the storage it binds to,
/// the connection and schedule settings, the Event Grid subscription) and the README's Deploy section.
/// </summary>
public sealed class FunctionBindingsTests
{
    public static TheoryData<string> Functions() => [.. FunctionsMetadata.All.Select(f => f.Name)];

    private static ArmTemplate Storage => CompiledBicep.Main.Module("storage");

    private static IReadOnlyList<string> Created(string variable) => [.. Storage.Variable(variable).EnumerateArray().Select(n => n.GetString()!)];

    private static IReadOnlySet<string> SettingNames() => DeployedAppSettings.Read().Select(s => s.Name).ToHashSet();

    /// <summary>The README's "Deploy to Azure" section, up to the next top-level heading.</summary>
    internal static string DeploySection()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("\n## Deploy to Azure", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Deploy to Azure' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The rows of the table under the Deploy section's "### Functions" heading, header rows left out.</summary>
    private static IReadOnlyList<string> FunctionTable()
    {
        var lines = DeploySection().Split('\n');
        var heading = Array.FindIndex(lines, l => l.TrimEnd() == "### Functions");
        Assert.True(heading >= 0, "README's Deploy section has no '### Functions' heading.");
        return [.. lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)];
    }

    /// <summary>The row of the Deploy section's function table that names the function.</summary>
    private static string ReadmeRow(string function)
    {
        var row = FunctionTable().FirstOrDefault(l => l.StartsWith($"| `{function}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"README's Deploy section has no table row for {function}.");
        return row;
    }

    [Fact]
    public void Metadata_HasTheFunctionsOfTheApp()
    {
        Assert.Contains(FunctionsMetadata.All, f => f.Trigger.Type == "blobTrigger");
        Assert.Contains(FunctionsMetadata.All, f => f.Trigger.Type == "queueTrigger");
        Assert.Contains(FunctionsMetadata.All, f => f.Trigger.Type == "timerTrigger");
        Assert.Contains(FunctionsMetadata.All, f => f.Trigger.Type == "httpTrigger");
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_Trigger_IsBackedByTheDeployedResourcesAndSettings(string name)
    {
        var trigger = FunctionsMetadata.Named(name).Trigger;

        switch (trigger.Type)
        {
            case "blobTrigger":
                var container = trigger.Property("path")!.Split('/')[0];
                Assert.True(Created("containerNames").Contains(container), $"{name} watches container '{container}', which {Storage.Path} does not create.");
                Assert.True(trigger.Property("source") == "EventGrid", $"{name} is a polling blob trigger; Flex Consumption runs blob triggers with source EventGrid only.");
                AssertConnection(name, trigger, "blobServiceUri");
                break;
            case "queueTrigger":
                var queue = trigger.Property("queueName")!;
                Assert.True(Created("queueNames").Contains(queue), $"{name} reads queue '{queue}', which {Storage.Path} does not create.");
                Assert.True(Created("queueNames").Contains(queue + "-poison"), $"{Storage.Path} does not create the poison queue of '{queue}'.");
                AssertConnection(name, trigger, "queueServiceUri");
                break;
            case "timerTrigger":
                var schedule = trigger.Property("schedule")!;
                Assert.Matches("^%[A-Za-z0-9_]+%$", schedule);
                Assert.True(SettingNames().Contains(schedule.Trim('%')), $"{name}'s schedule {schedule} names an app setting the Bicep does not set.");
                break;
            case "httpTrigger":
                Assert.False(string.IsNullOrEmpty(trigger.Property("route")), $"{name} has no route.");
                break;
            default:
                Assert.Fail($"{name} has a {trigger.Type}, which the infrastructure tests do not know; add what it needs to the Bicep and to this test.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_ReadmeRow_NamesItsTriggerAsTheMetadataDoes(string name)
    {
        var trigger = FunctionsMetadata.Named(name).Trigger;
        var row = ReadmeRow(name);

        var expected = trigger.Type switch
        {
            "blobTrigger" => [$"blob `{trigger.Property("path")}`", trigger.Property("source") == "EventGrid" ? "Event Grid" : "polling", $"`{trigger.Property("connection")}`"],
            "queueTrigger" => [$"queue `{trigger.Property("queueName")}`", $"`{trigger.Property("connection")}`"],
            "timerTrigger" => [$"timer `{trigger.Property("schedule")}`"],
            "httpTrigger" => ["HTTP", $"/api/{trigger.Property("route")}`", .. ((string[])FunctionsMetadata.Named(name).Trigger.Properties.Single(p => p.Key == "methods").Value).Select(m => $"`{m.ToUpperInvariant()}")],
            _ => new[] { trigger.Type },
        };

        Assert.All(expected, part => Assert.True(row.Contains(part, StringComparison.Ordinal), $"README's row for {name} does not say {part}: {row}"));
    }

    [Fact]
    public void Readme_FunctionTable_NamesOnlyFunctionsThatExist()
    {
        var names = FunctionsMetadata.All.Select(f => f.Name).ToHashSet();

        var rows = FunctionTable().Select(l => l.Split('|')[1].Trim().Trim('`')).ToArray();

        Assert.Equal(names.Count, rows.Length);
        Assert.All(rows, row => Assert.True(names.Contains(row), $"README's Deploy section lists function {row}, which functions.metadata does not have."));
    }

    private static void AssertConnection(string function, BindingDefinition trigger, string serviceUriKey)
    {
        var connection = trigger.Property("connection");
        Assert.False(string.IsNullOrEmpty(connection), $"{function} has no connection.");
        var settings = SettingNames();
        Assert.True(
            settings.Contains($"{connection}__{serviceUriKey}") && settings.Contains($"{connection}__credential") && settings.Contains($"{connection}__clientId"),
            $"{function} uses connection {connection}, but the Bicep does not give it an identity-based {serviceUriKey}, credential and clientId.");
        Assert.DoesNotContain(connection, settings);
    }
}
