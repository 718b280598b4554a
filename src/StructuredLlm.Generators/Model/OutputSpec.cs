using System.Collections.Generic;
using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>A containing type of a nested target: <c>partial {Keyword} {Name}</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// Everything needed to emit an <c>[LlmOutput]</c> type's artifacts (schemas now, the reader later):
/// where the partial declaration goes, and the type graph reachable from it.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The type's simple name.</param>
/// <param name="TypeName">The <c>global::</c>-qualified name.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="IsAccessibleFromAssembly">Internal or public (all the way out), so assembly-level generated code can name it.</param>
/// <param name="SchemaName">The provider schema name.</param>
/// <param name="RootId">The <see cref="TypeDefinitionSpec.Id"/> of the root definition.</param>
/// <param name="Definitions">Root first, then every reachable named type in discovery order.</param>
/// <param name="HidesInheritedLlmInfo">A base type already has a static <c>LlmInfo</c> (it is <c>[LlmOutput]</c> too), so the generated one needs <c>new</c>.</param>
/// <param name="Strict">The reader's default: no repairs (<c>[LlmOutput(Strict = true)]</c>).</param>
/// <param name="AllowedRepairs">The reader's default allowed repair kinds (<c>LlmRepairKind</c> member names), or null when not given.</param>
internal sealed record OutputSpec(
    string Namespace,
    string Name,
    string TypeName,
    string Keyword,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    bool IsAccessibleFromAssembly,
    string SchemaName,
    string RootId,
    EquatableArray<TypeDefinitionSpec> Definitions,
    bool HidesInheritedLlmInfo,
    bool Strict = false,
    EquatableArray<string>? AllowedRepairs = null)
{
    public TypeDefinitionSpec Root => Definitions[0];

    /// <summary>
    /// <c>#pragma warning disable {IDs}</c> for every <see cref="TypeDefinitionSpec.GatedDiagnostics"/> of the graph, or
    /// empty: generated code names experimental and custom-obsolete types as the user's own declarations do.
    /// </summary>
    public string GatedDiagnosticsPragma()
    {
        SortedSet<string>? ids = null;
        foreach (TypeDefinitionSpec d in Definitions)
        {
            foreach (string id in d.GatedDiagnostics)
            {
                (ids ??= new SortedSet<string>(System.StringComparer.Ordinal)).Add(id);
            }
        }

        return Pragma(ids);
    }

    /// <summary>The pragma line that disables <paramref name="ids"/>, or empty when there are none.</summary>
    internal static string Pragma(IEnumerable<string>? ids)
    {
        string joined = ids is null ? string.Empty : string.Join(", ", ids);
        return joined.Length == 0 ? string.Empty : "#pragma warning disable " + joined + " // experimental or obsolete with its own ID, named here as in the user's declarations";
    }

    /// <summary>A case-sensitive key that tells a nested type from a namespace of the same spelling (<c>A.B+C</c>).</summary>
    public string MetadataKey
    {
        get
        {
            var sb = new System.Text.StringBuilder(Namespace).Append(':');
            foreach (ContainingTypeSpec c in ContainingTypes)
            {
                sb.Append(c.Name).Append('+');
            }

            return sb.Append(Name).ToString();
        }
    }

    /// <summary>The hint name prefix <c>{Namespace}.{Containing}.{Type}</c>.</summary>
    public string HintPrefix
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            if (Namespace.Length > 0)
            {
                sb.Append(Namespace.Replace("@", string.Empty)).Append('.');
            }

            foreach (ContainingTypeSpec c in ContainingTypes)
            {
                sb.Append(c.Name).Append('.');
            }

            return sb.Append(Name).ToString();
        }
    }
}

/// <summary>Where a member of a definition is declared, so a profile-limit diagnostic can point at it.</summary>
internal sealed record MemberLocation(string DefinitionId, string MemberName, LocationInfo? Location);

/// <summary>
/// The parse step's result: a spec (null when nothing can be generated), the diagnostics found while parsing, and the
/// locations the later profile-limit check needs. It holds no generated text: the parse step runs for every
/// <c>[LlmOutput]</c> type on every compilation change, so it must stay small and cheap to compare. Schema texts are
/// built in the source output (which runs only when the spec changed) and profile limits are checked in a step that
/// runs only when this result changed.
/// </summary>
internal sealed record ParseResult(OutputSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<MemberLocation> MemberLocations, LocationInfo? RootLocation)
{
    public static ParseResult Empty { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<MemberLocation>.Empty, null);
}

/// <summary>What the generator needs to know about the compilation, reduced to an equatable value.</summary>
/// <param name="AssemblyName">The compilation's assembly name.</param>
/// <param name="HasLlmOutputInterface"><c>StructuredLlm.ILlmOutput`1</c> exists and C# 11+ is used.</param>
/// <param name="HasModuleInitializer"><c>ModuleInitializerAttribute</c> exists and C# 9+ is used.</param>
/// <param name="SupportsNullableDirective">C# 8+, so generated files may say <c>#nullable enable</c>.</param>
internal sealed record CompilationFeatures(string AssemblyName, bool HasLlmOutputInterface, bool HasModuleInitializer, bool SupportsNullableDirective = true);

/// <summary>An entry of the per-assembly list (and of the hint-name collision check).</summary>
internal sealed record RegistryEntry(string TypeName, bool IsAccessible, string HintPrefix, string MetadataKey, EquatableArray<string> GatedDiagnostics = default);
