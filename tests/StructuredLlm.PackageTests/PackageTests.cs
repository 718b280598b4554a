using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace StructuredLlm.PackageTests;

public sealed class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void Pack_produces_one_package_with_runtime_in_lib_and_roslyn_components_in_analyzers()
    {
        Assert.True(package.PackResult is { ExitCode: 0 }, package.PackResult?.ToString());
        var packages = Directory.GetFiles(package.Feed, "*.nupkg").Select(Path.GetFileName).ToArray();
        Assert.Equal([$"StructuredLlm.{package.Version}.nupkg"], packages);

        using var zip = ZipFile.OpenRead(package.PackageFile);
        var dlls = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "analyzers/dotnet/cs/StructuredLlm.Analyzers.dll",
                "analyzers/dotnet/cs/StructuredLlm.CodeFixes.dll",
                "analyzers/dotnet/cs/StructuredLlm.Generators.dll",
                "lib/net8.0/StructuredLlm.dll",
                "lib/netstandard2.0/StructuredLlm.dll",
            ],
            dlls);

        // The Roslyn components are private to the build: no dependency on them or on Roslyn itself.
        var nuspecEntry = zip.Entries.Single(e => e.FullName == "StructuredLlm.nuspec");
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id")).Distinct().ToArray();
        Assert.Equal(["Microsoft.Extensions.AI.Abstractions"], dependencies);
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group")
            .Select(e => (string?)e.Attribute("targetFramework")).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal([".NETStandard2.0", "net8.0"], groups);
    }

    [Fact]
    public async Task Consumer_restored_from_folder_feed_builds_warning_free_and_prints_generated_schemas()
    {
        Assert.True(package.PackResult is { ExitCode: 0 }, package.PackResult?.ToString());
        var token = TestContext.Current.CancellationToken;
        var consumer = Path.Combine(package.WorkRoot, "consumer");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumer"), consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="structuredllm-local" value="{package.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{GlobalPackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // An isolated packages folder: the StructuredLlm package can only come from the feed above;
        // everything else may come from the machine's cache (fallback) or the normal NuGet source.
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(package.WorkRoot, "packages"),
        };
        var app = Path.Combine(consumer, "App", "App.csproj");
        var build = await DotnetCli.RunAsync(consumer, environment, PackageFixture.StepTimeout, token,
            "build", app, "-c", "Release", "-p:StructuredLlmVersion=" + package.Version, "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
        // Outline.cs and Topic.cs are recursive (SLLM0009 under the Anthropic profile), silenced by a per-file
        // .editorconfig section and by #pragma: generator diagnostics obey both (with TreatWarningsAsErrors on).
        Assert.DoesNotContain("SLLM0009", build.Output, StringComparison.Ordinal);

        // The package (not some other copy) was used, and its generator ran in both projects.
        Assert.True(Directory.Exists(Path.Combine(package.WorkRoot, "packages", "structuredllm", package.Version)));
        Assert.NotEmpty(GeneratedFiles(Path.Combine(consumer, "App")));
        Assert.NotEmpty(GeneratedFiles(Path.Combine(consumer, "Models")));

        var run = await DotnetCli.RunAsync(consumer, environment, PackageFixture.StepTimeout, token,
            Path.Combine(consumer, "App", "bin", "Release", "net10.0", "App.dll"));
        Assert.True(run.ExitCode == 0, run.ToString());

        var sections = Sections(run.Output);
        Assert.Equal(["Registry at start", "Registry after Register", "SupportTicket SupportTicket", "ShippingAddress ShippingAddress", "Format SupportTicket", "End"], sections.Keys);
        Assert.Equal("Consumer.App.Outline\nConsumer.App.SupportTicket\nConsumer.App.Topic", sections["Registry at start"]);
        Assert.Equal("Consumer.App.Outline\nConsumer.App.SupportTicket\nConsumer.App.Topic\nConsumer.Models.ShippingAddress", sections["Registry after Register"]);

        using (var ticket = JsonDocument.Parse(sections["SupportTicket SupportTicket"]))
        {
            var root = ticket.RootElement;
            Assert.Equal("object", root.GetProperty("type").GetString());
            Assert.False(root.GetProperty("additionalProperties").GetBoolean());
            var names = root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(["category", "priority", "summary", "tags", "customerEmail"], names);
            // OpenAI strict: every member required, the optional one made nullable.
            Assert.Equal(names, root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray());
            var category = root.GetProperty("properties").GetProperty("category");
            Assert.Equal(["Billing", "Technical", "Account"], category.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal("Which team should handle it", category.GetProperty("description").GetString());
            var email = root.GetProperty("properties").GetProperty("customerEmail").GetProperty("type");
            Assert.Equal(["string", "null"], email.EnumerateArray().Select(e => e.GetString()).ToArray());
        }

        using (var address = JsonDocument.Parse(sections["ShippingAddress ShippingAddress"]))
        {
            var root = address.RootElement;
            Assert.Equal("object", root.GetProperty("type").GetString());
            Assert.Equal(["street", "city", "postalCode", "countryCode"],
                root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());
            // Plain JSON Schema: the nullable member is not required.
            Assert.Equal(["street", "city", "countryCode"],
                root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToArray());
        }
    }

    private static string[] GeneratedFiles(string projectDirectory)
    {
        var generated = Path.Combine(projectDirectory, "obj", "Release");
        return Directory.Exists(generated)
            ? Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories)
                .Where(f => f.Contains("StructuredLlm.Generators", StringComparison.Ordinal)).ToArray()
            : [];
    }

    /// <summary>Splits the program's output at its "== title" lines.</summary>
    private static Dictionary<string, string> Sections(string output)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? title = null;
        var body = new List<string>();
        foreach (var line in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                if (title is not null)
                {
                    sections.Add(title, string.Join('\n', body).Trim());
                }
                title = line[3..].Trim();
                body.Clear();
            }
            else
            {
                body.Add(line);
            }
        }
        if (title is not null)
        {
            sections.Add(title, string.Join('\n', body).Trim());
        }
        return sections;
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
