using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace StructuredLlm.PackageTests;

/// <summary>
/// Packs src/StructuredLlm once (no rebuild: the test project builds it first, in the same configuration)
/// into a fresh folder feed, under a version no earlier run can have cached.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    public string RepoRoot { get; } = Metadata("RepoRoot");

    public string Configuration { get; } = Metadata("Configuration");

    /// <summary>Unique per run, so neither the global packages folder nor an HTTP cache can serve a stale package.</summary>
    public string Version { get; } = "0.0.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "structuredllm-pkgtest-" + Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(WorkRoot, "feed");

    public string PackageFile => Path.Combine(Feed, $"StructuredLlm.{Version}.nupkg");

    public DotnetCli.Result? PackResult { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var project = Path.Combine(RepoRoot, "src", "StructuredLlm", "StructuredLlm.csproj");
        PackResult = await DotnetCli.RunAsync(RepoRoot, null, StepTimeout, TestContext.Current.CancellationToken,
            "pack", project, "--no-build", "-c", Configuration, "-o", Feed, "-p:PackageVersion=" + Version);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private static string Metadata(string key) =>
        typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value ?? throw new InvalidOperationException(key);
}
