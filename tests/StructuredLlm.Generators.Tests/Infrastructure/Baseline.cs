using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace StructuredLlm.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot testing without Verify: generated files are compared with Baselines/{Test}/{HintName}.txt in the source
/// tree. On mismatch a git-ignored *.received.txt is written next to it and the test fails with a diff.
/// Set STRUCTUREDLLM_ACCEPT=1 to overwrite the baselines (never in CI).
/// </summary>
internal static class Baseline
{
    private const string VersionPlaceholder = "{GeneratorVersion}";

    private const string ReaderSuffix = ".LlmReader.g.cs";

    /// <summary>Every generated file except the readers (those have their own baselines: <see cref="VerifyReaders"/>).</summary>
    public static void Verify(string testName, GeneratorRun run, [CallerFilePath] string callerPath = "")
        => Verify(testName, run, hint => !hint.EndsWith(ReaderSuffix, StringComparison.Ordinal), callerPath);

    /// <summary>Only the generated readers (<c>*.LlmReader.g.cs</c>).</summary>
    public static void VerifyReaders(string testName, GeneratorRun run, [CallerFilePath] string callerPath = "")
        => Verify(testName, run, hint => hint.EndsWith(ReaderSuffix, StringComparison.Ordinal), callerPath);

    /// <summary>
    /// The caller's file in the source tree. CI builds are deterministic (<c>ContinuousIntegrationBuild</c>), so the
    /// compiler maps the repository root to <c>/_/</c> in caller paths; map it back with the root recorded at build time.
    /// </summary>
    private static string SourcePath(string callerPath)
    {
        if (File.Exists(callerPath))
        {
            return callerPath;
        }

        string? repoRoot = typeof(Baseline).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        const string Mapped = "/_/";
        if (repoRoot is not null && callerPath.StartsWith(Mapped, StringComparison.Ordinal))
        {
            string mapped = Path.Combine(repoRoot, callerPath.Substring(Mapped.Length));
            if (File.Exists(mapped))
            {
                return mapped;
            }
        }

        throw new InvalidOperationException($"Cannot find the test source file '{callerPath}' (repository root: '{repoRoot}').");
    }

    private static void Verify(string testName, GeneratorRun run, Func<string, bool> include, string callerPath)
    {
        string directory = Path.Combine(Path.GetDirectoryName(SourcePath(callerPath))!, "Baselines", testName);
        bool accept = Environment.GetEnvironmentVariable("STRUCTUREDLLM_ACCEPT") == "1";
        var actual = run.Sources.Where(s => include(s.HintName)).ToDictionary(s => s.HintName + ".txt", s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);

        // Readable companions: each profile's schema pretty-printed (also proves every schema parses as JSON).
        foreach (var source in run.Sources.Where(s => include(s.HintName) && s.HintName.EndsWith(".LlmOutput.g.cs", StringComparison.Ordinal)))
        {
            string stem = source.HintName.Substring(0, source.HintName.Length - ".LlmOutput.g.cs".Length);
            foreach ((string profile, string json) in SchemaExtractor.Extract(run, source.HintName))
            {
                actual[$"{stem}.{profile}.schema.json.txt"] = SchemaExtractor.Pretty(json);
            }
        }

        if (accept)
        {
            if (Directory.Exists(directory))
            {
                foreach (string file in Directory.GetFiles(directory, "*.txt"))
                {
                    File.Delete(file);
                }
            }

            Directory.CreateDirectory(directory);
            foreach ((string name, string text) in actual)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            return;
        }

        var failures = new StringBuilder();
        var expectedFiles = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Where(f => !f.EndsWith(".received.txt", StringComparison.Ordinal)).ToDictionary(f => Path.GetFileName(f)!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (string missing in expectedFiles.Keys.Except(actual.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            failures.AppendLine($"Expected generated file {missing} was not generated.");
        }

        foreach ((string name, string text) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string receivedPath = Path.Combine(directory, name.Substring(0, name.Length - 4) + ".received.txt");
            if (!expectedFiles.TryGetValue(name, out string? expectedPath))
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(receivedPath, text);
                failures.AppendLine($"Unexpected generated file {name} (written to {receivedPath}).");
                continue;
            }

            string expected = Normalize(File.ReadAllText(expectedPath));
            if (expected == text)
            {
                if (File.Exists(receivedPath))
                {
                    File.Delete(receivedPath);
                }

                continue;
            }

            File.WriteAllText(receivedPath, text);
            failures.AppendLine($"{name} differs from its baseline (received: {receivedPath}):");
            failures.AppendLine(Diff(expected, text));
        }

        if (failures.Length > 0)
        {
            Assert.Fail(failures + "\nRerun with STRUCTUREDLLM_ACCEPT=1 to accept, after reading the change.");
        }
    }

    private static string Normalize(string text)
        => text.Replace("\r\n", "\n").Replace(Emit.InfoEmitter.GeneratorVersion, VersionPlaceholder);

    private static string Diff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder();
        int shown = 0;
        foreach (DiffPiece line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text.Length > 400 ? line.Text.Substring(0, 400) + "…" : line.Text);
            if (++shown == 40)
            {
                sb.AppendLine("…");
                break;
            }
        }

        return sb.ToString();
    }
}
