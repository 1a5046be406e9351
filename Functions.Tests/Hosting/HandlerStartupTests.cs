using Digest.Hosting;
using Microsoft.Extensions.Options;

namespace Digest.Tests.Hosting;

public sealed class HandlerStartupTests : IDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-startup-").FullName;

    public void Dispose() => Directory.Delete(dataFolder, recursive: true);

    [Theory]
    [InlineData("--Briefing:TimeZone=Mars/Olympus_Mons", "Briefing:TimeZone")]
    [InlineData("--Briefing:Cutoff=6 o'clock", "Briefing:Cutoff")]
    [InlineData("--Summarizer:Provider=language-extractive", "Summarizer:Language:Endpoint")]
    [InlineData("--Summarizer:Sentences=0", "Sentences")]
    [InlineData("--Mail:FromAddress=not an address", "FromAddress")]
    public void Build_MalformedSetting_StopsStartUpNamingTheSetting(string setting, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => CustomHandler.Build([$"--{CustomHandler.PortVariable}=0", $"--Storage:LocalFolder={dataFolder}", setting]));

        Assert.True(error is OptionsValidationException or System.ComponentModel.DataAnnotations.ValidationException or ArgumentException, error.GetType().Name);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
