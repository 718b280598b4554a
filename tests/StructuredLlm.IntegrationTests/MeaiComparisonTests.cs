using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using StructuredLlm.IntegrationTests.Types;

namespace StructuredLlm.IntegrationTests;

/// <summary>
/// Our plain JSON Schema profile side by side with Microsoft.Extensions.AI's
/// <see cref="AIJsonUtilities.CreateJsonSchema"/> on the same types, with serializer options that use the same
/// naming. Every difference is computed fact by fact and must fall in a category that docs/schema-vs-meai.md
/// explains; the document must not list a category that no longer occurs.
/// </summary>
public partial class MeaiComparisonTests
{
    public sealed record Difference(string Type, string Path, string Fact, string? Ours, string? Meai, string Category)
    {
        public override string ToString() => $"{Category,-22} {Type}{Path[1..]} {Fact}: ours={Ours ?? "(none)"} meai={Meai ?? "(none)"}";
    }

    [Fact]
    public void Every_difference_from_MEAI_is_a_documented_deliberate_category()
    {
        var differences = ComputeAll();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var difference in differences)
        {
            output?.WriteLine(difference.ToString());
        }

        var unexplained = differences.Where(d => d.Category == Unclassified).ToArray();
        Assert.True(unexplained.Length == 0, "Differences from MEAI with no documented reason:\n" + string.Join("\n", unexplained.Select(d => d.ToString())));

        var documented = DocumentedCategories();
        var found = differences.Select(d => d.Category).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(found.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(found).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Both_agree_on_member_names_value_types_and_enum_values()
    {
        // The facts that must never differ: which members exist (outside recursion and polymorphism, where the
        // document shapes differ), their JSON types and their allowed values.
        foreach (var (type, ours, meai) in Pairs())
        {
            var oursNames = ours.Keys.Where(p => !p.Contains('<', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            foreach (var path in oursNames.Where(meai.ContainsKey))
            {
                foreach (var fact in new[] { "type", "enum" })
                {
                    if (ours[path].TryGetValue(fact, out var o) && meai[path].TryGetValue(fact, out var m))
                    {
                        Assert.True(o == m, $"{type.Name}{path[1..]} {fact}: ours={o} meai={m}");
                    }
                }
            }
            var missing = oursNames.Where(p => !meai.ContainsKey(p) && !UnderRecursion(ours, p)).ToArray();
            Assert.True(missing.Length == 0, $"{type.Name}: members only in ours: {string.Join(", ", missing)}");
        }
    }

    public const string Unclassified = "unclassified";

    internal static IReadOnlyList<Difference> ComputeAll()
    {
        var differences = new List<Difference>();
        foreach (var (type, ours, meai) in Pairs())
        {
            foreach (var path in ours.Keys.Union(meai.Keys).Order(StringComparer.Ordinal))
            {
                ours.TryGetValue(path, out var o);
                meai.TryGetValue(path, out var m);
                var facts = (o?.Keys ?? Enumerable.Empty<string>()).Union(m?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal);
                foreach (var fact in facts)
                {
                    string? ov = null, mv = null;
                    o?.TryGetValue(fact, out ov);
                    m?.TryGetValue(fact, out mv);
                    if (ov != mv)
                    {
                        differences.Add(new Difference(type.Name, path, fact, ov, mv, Classify(path, fact, ov, mv, ours, meai)));
                    }
                }
            }
        }
        return differences;
    }

    /// <summary>Why a fact differs. Anything not covered here is a difference nobody decided on.</summary>
    private static string Classify(string path, string fact, string? ours, string? meai,
        SortedDictionary<string, SortedDictionary<string, string>> oursFacts, SortedDictionary<string, SortedDictionary<string, string>> meaiFacts)
    {
        if (UnderRecursion(oursFacts, path) || UnderRecursion(meaiFacts, path) || fact == "refForm")
        {
            return "recursion";
        }
        if (path.Contains('<', StringComparison.Ordinal) || fact is "union" or "requiredUndeclared"
            || (oursFacts.TryGetValue(path, out var u) && u.ContainsKey("union"))
            || (meaiFacts.TryGetValue(path, out var mu) && mu.ContainsKey("union")))
        {
            return "polymorphism";
        }
        switch (fact)
        {
            case "$schema":
                return "dialect";
            case "description":
                return "descriptions";
            case "additionalProperties" when ours == "false" && meai == "absent":
                return "closed-objects";
            case "required" when ours == "no" && meai == "yes" && Fact(oursFacts, path, "nullable") == "yes":
                return "optional-nullable";
            case "required" when ours == "yes" && meai == "no" && Fact(oursFacts, path, "nullable") == "no":
                return "required-non-nullable";
            case "minimum" or "maximum" when meai is null && Fact(oursFacts, path, "type") == "integer":
                return "integer-bounds";
            case "minimum" or "maximum" when meai is not null && meai.Length > 2 && meai[0] == '"' && meai[^1] == '"' && meai[1..^1] == ours:
                return "decimal-bounds";
            case "uniqueItems" when ours == "true" && meai is null:
                return "unique-items";
            case "nullForm" when ours == "anyOf" && meai == "type-array":
                return "nullable-object";
            case "format" or "pattern" or "$comment" when Fact(oursFacts, path, "pattern") is not null || Fact(meaiFacts, path, "pattern") is not null:
                return "time-formats";
            default:
                return Unclassified;
        }
    }

    private static string? Fact(SortedDictionary<string, SortedDictionary<string, string>> facts, string path, string key) =>
        facts.TryGetValue(path, out var atPath) && atPath.TryGetValue(key, out var value) ? value : null;

    private static bool UnderRecursion(SortedDictionary<string, SortedDictionary<string, string>> facts, string path)
    {
        foreach (var (candidate, atPath) in facts)
        {
            if (atPath.ContainsKey("recursive") && (path == candidate || path.StartsWith(candidate + ".", StringComparison.Ordinal)
                || path.StartsWith(candidate + "[", StringComparison.Ordinal) || path.StartsWith(candidate + "<", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<(Type Type, SortedDictionary<string, SortedDictionary<string, string>> Ours, SortedDictionary<string, SortedDictionary<string, string>> Meai)> Pairs()
    {
        foreach (var info in LlmOutputRegistry.All.Where(i => i.Type.Assembly == typeof(MeaiComparisonTests).Assembly).OrderBy(i => i.Type.Name, StringComparer.Ordinal))
        {
            var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
            {
                PropertyNamingPolicy = info.Type == typeof(ContactCard) ? JsonNamingPolicy.SnakeCaseLower : JsonNamingPolicy.CamelCase,
            };
            options.MakeReadOnly(populateMissingResolver: true);
            var meai = AIJsonUtilities.CreateJsonSchema(info.Type, serializerOptions: options).GetRawText();
            yield return (info.Type, SchemaFacts.Extract(info.GetJsonSchema(LlmSchemaProfile.JsonSchema)), SchemaFacts.Extract(meai));
        }
    }

    [GeneratedRegex(@"^### `([a-z-]+)`", RegexOptions.Multiline)]
    private static partial Regex CategoryHeading();

    private static HashSet<string> DocumentedCategories()
    {
        var repoRoot = typeof(MeaiComparisonTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var text = File.ReadAllText(Path.Combine(repoRoot, "docs", "schema-vs-meai.md"));
        return CategoryHeading().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }
}
