using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests.RealWorld;

/// <summary>
/// Opt-in run over real LLM sample apps (eng/real-world/run.sh sets STRUCTUREDLLM_REALWORLD_DIRS). Each repository's
/// C# files are compiled together against the references this process has (the repositories cannot restore here),
/// so unresolved packages leave error types: the run requires zero AD0001 and reports every finding and the time.
/// </summary>
public class RealWorldRun
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    [Fact]
    public async Task Analyze_real_world_repositories()
    {
        var dirs = Environment.GetEnvironmentVariable("STRUCTUREDLLM_REALWORLD_DIRS");
        if (string.IsNullOrWhiteSpace(dirs))
        {
            Assert.Skip("Set STRUCTUREDLLM_REALWORLD_DIRS (name=path;...) or run eng/real-world/run.sh.");
        }

        var report = new StringBuilder();
        var crashes = 0;
        foreach (var entry in dirs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=', 2);
            var (name, path) = parts.Length == 2 ? (parts[0], parts[1]) : (Path.GetFileName(entry), entry);
            crashes += await AnalyzeAsync(name, path, report);
        }

        var output = Environment.GetEnvironmentVariable("STRUCTUREDLLM_REALWORLD_OUT");
        if (!string.IsNullOrEmpty(output))
        {
            await File.WriteAllTextAsync(output, report.ToString(), TestContext.Current.CancellationToken);
        }

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.Equal(0, crashes);
    }

    private static async Task<int> AnalyzeAsync(string name, string root, StringBuilder report)
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.g.cs", cancellationToken: ct) };
        foreach (var file in files)
        {
            trees.Add(CSharpSyntaxTree.ParseText(await File.ReadAllTextAsync(file, ct), parse, path: Path.GetRelativePath(root, file), cancellationToken: ct));
        }

        var compilation = CSharpCompilation.Create(
            name,
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var compileWatch = Stopwatch.StartNew();
        var errors = compilation.GetDiagnostics(ct).Count(d => d.Severity == DiagnosticSeverity.Error);
        compileWatch.Stop();

        var analyzer = new PromptInjectionAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Verify.TestConfigProvider(Environment.GetEnvironmentVariable("STRUCTUREDLLM_REALWORLD_CONFIG")?.Replace("\\n", "\n", StringComparison.Ordinal))), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var diagnostics = (await withAnalyzers.GetAnalyzerDiagnosticsAsync(ct))
            .Where(d => d.Id.StartsWith("SLLM", StringComparison.Ordinal) || d.Id == "AD0001")
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, ct);

        report.AppendLine(CultureInfo.InvariantCulture, $"## {name}");
        report.AppendLine(CultureInfo.InvariantCulture, $"{files.Count} files, {errors} compile errors (unresolvable packages), compile (binding) {compileWatch.ElapsedMilliseconds} ms, analyzer {telemetry.ExecutionTime.TotalMilliseconds:F0} ms, {diagnostics.Count(d => d.Id == "AD0001")} AD0001");
        report.AppendLine();
        foreach (var d in diagnostics)
        {
            var span = d.Location.GetLineSpan();
            report.AppendLine(CultureInfo.InvariantCulture, $"- {d.Id} {span.Path}:{span.StartLinePosition.Line + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }

        report.AppendLine();
        return diagnostics.Count(d => d.Id == "AD0001");
    }
}
