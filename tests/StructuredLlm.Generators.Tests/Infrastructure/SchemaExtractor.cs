using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StructuredLlm.Generators.Tests.Infrastructure;

/// <summary>Reads the schema string literals back out of generated code (by argument name), as parsed JSON.</summary>
internal static class SchemaExtractor
{
    public static readonly string[] ProfileArguments = { "openAIStrict", "anthropic", "gemini", "jsonSchema" };

    /// <summary>
    /// Profile argument name → schema text, for one generated LlmOutput file: the argument's constant value as the
    /// compiler folds it in the output compilation (a schema may concatenate fragment constants of other generated files,
    /// so this is the runtime value, not the literal's text).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Extract(GeneratorRun run, string hintName)
    {
        SyntaxTree tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(hintName, StringComparison.Ordinal)
            && (t.FilePath.Length == hintName.Length || t.FilePath[t.FilePath.Length - hintName.Length - 1] is '/' or '\\'));
        SemanticModel model = run.Output.GetSemanticModel(tree);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ArgumentSyntax argument in tree.GetRoot().DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.NameColon?.Name.Identifier.ValueText is { } name && ProfileArguments.Contains(name))
            {
                Optional<object?> value = model.GetConstantValue(argument.Expression);
                result[name] = value.HasValue && value.Value is string text
                    ? text
                    : throw new InvalidOperationException($"{hintName}: the {name} argument is not a constant string: {argument.Expression}");
            }
        }

        return result;
    }

    public static JsonElement Schema(GeneratorRun run, string hintSuffix, string profileArgument)
    {
        string hintName = run.Sources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).HintName;
        using JsonDocument document = JsonDocument.Parse(Extract(run, hintName)[profileArgument]);
        return document.RootElement.Clone();
    }

    public static string Pretty(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
