using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace StructuredLlm.Analyzers.Tests.Infrastructure;

/// <summary>
/// References for test compilations, taken from the assemblies this test process runs on (the .NET and ASP.NET Core
/// shared frameworks plus the real Microsoft.Extensions.AI, Semantic Kernel and OpenAI packages the project
/// references), so nothing is downloaded.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    /// <summary>Every trusted platform assembly (framework + package dlls copied next to the tests).</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>No reference-assembly package: <see cref="All"/> supplies the framework.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyWithoutOpenAI = new(() => Without("OpenAI"));

    /// <summary><see cref="All"/> without the OpenAI package (whose conversion sink widens the syntactic sink index).</summary>
    public static ImmutableArray<MetadataReference> WithoutOpenAI => LazyWithoutOpenAI.Value;

    /// <summary><see cref="All"/> without the assemblies whose simple names are given (to make error types).</summary>
    public static ImmutableArray<MetadataReference> Without(params string[] simpleNames) =>
        All.Where(r => !simpleNames.Contains(Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath), StringComparer.OrdinalIgnoreCase))
           .ToImmutableArray();

    private static ImmutableArray<MetadataReference> Load()
    {
        var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("StructuredLlm.Analyzers.Tests", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
