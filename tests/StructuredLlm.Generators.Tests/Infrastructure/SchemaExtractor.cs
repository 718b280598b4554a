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

    /// <summary>Profile argument name → schema text, for one generated LlmOutput file.</summary>
    public static IReadOnlyDictionary<string, string> Extract(string generatedCode)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(generatedCode).GetRoot();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ArgumentSyntax argument in root.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.NameColon?.Name.Identifier.ValueText is { } name && ProfileArguments.Contains(name)
                && argument.Expression is LiteralExpressionSyntax literal)
            {
                result[name] = literal.Token.ValueText;
            }
        }

        return result;
    }

    public static JsonElement Schema(GeneratorRun run, string hintSuffix, string profileArgument)
    {
        using JsonDocument document = JsonDocument.Parse(Extract(run.Source(hintSuffix))[profileArgument]);
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
