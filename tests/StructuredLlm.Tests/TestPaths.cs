using System;
using System.IO;

namespace StructuredLlm.Tests;

internal static class TestPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds StructuredLlm.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StructuredLlm.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("StructuredLlm.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The peer suites live beside the clone: <c>../shared/peer-suites</c>.</summary>
    public static string PeerSuite(string name) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "peer-suites", name));

    public static string InTests(string relative) => Path.Combine(RepoRoot, "tests", "StructuredLlm.Tests", relative);

    public static string Docs(string file) => Path.Combine(RepoRoot, "docs", file);
}
