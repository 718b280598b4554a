using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using StructuredLlm.Generators.Tests.Infrastructure;
using StructuredLlm.Json;

namespace StructuredLlm.Generators.Tests;

/// <summary>One probe case: sources compiled with the generator, the root type, and an optional C# expression making a valid instance.</summary>
internal sealed record ProbeCase(string Name, string Source, string? Sample = null, string Root = "P.Root", LanguageVersion Lang = LanguageVersion.Latest, string[]? More = null, string[]? Bad = null, string? Lib = null);

/// <summary>Runs a probe case through the generator, the compiler, NJsonSchema and the generated reader; returns findings as text.</summary>
internal static class ProbeHarness
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using StructuredLlm;

        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Run(ProbeCase c)
    {
        var report = new StringBuilder();
        report.Append("=== ").Append(c.Name).Append('\n');
        try
        {
            RunCore(c, report);
        }
        catch (Exception e)
        {
            report.Append("  HARNESS EXCEPTION: ").Append(e.ToString()).Append('\n');
        }

        return report.ToString();
    }

    private static void RunCore(ProbeCase c, StringBuilder report)
    {
        var options = new CSharpParseOptions(c.Lang, DocumentationMode.Diagnose);
        string probe = c.Sample is null ? "" : "\npublic static class __Probe { public static object Make() => " + c.Sample + "; }\n";
        var sources = new List<string> { Usings + c.Source + probe };
        sources.AddRange(c.More ?? Array.Empty<string>());
        var references = GeneratorHarness.References;
        Assembly? libAssembly = null;
        if (c.Lib is not null)
        {
            GeneratorRun libRun = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Usings + c.Lib, "ProbeLib" + c.Name, options), options);
            using var libImage = new MemoryStream();
            EmitResult libEmit = libRun.Output.Emit(libImage, cancellationToken: TestContext.Current.CancellationToken);
            if (!libEmit.Success)
            {
                report.Append("  LIB EMIT FAILED ").Append(string.Join("; ", libEmit.Diagnostics.Take(3))).Append('\n');
                return;
            }

            references = references.Add(MetadataReference.CreateFromImage(libImage.ToArray()));
            libAssembly = Assembly.Load(libImage.ToArray());
            Assembly found = libAssembly;
            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == found.GetName().Name ? found : null;
        }

        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources, "Probe" + c.Name, options, references);
        GeneratorRun run = GeneratorHarness.Run(compilation, options);
        foreach (GeneratorRunResult r in run.Result.Results)
        {
            if (r.Exception is not null)
            {
                report.Append("  GENERATOR EXCEPTION ").Append(r.Exception).Append('\n');
            }
        }

        foreach (Diagnostic d in run.GeneratorDiagnostics)
        {
            string at = d.Location.IsInSource ? d.Location.SourceTree!.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim() : "(no location)";
            string span = d.Location.IsInSource ? d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) : "";
            report.Append("  diag ").Append(d.Id).Append(' ').Append(d.Severity).Append(": ").Append(d.GetMessage()).Append("\n      at [").Append(span.Length > 80 ? span[..80] : span).Append("] in: ").Append(at.Length > 120 ? at[..120] : at).Append('\n');
        }

        var problems = run.Output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not "CS1591" and not "CS8981").ToList();
        foreach (Diagnostic d in problems)
        {
            bool generated = d.Location.SourceTree is { } t && !run.Input.SyntaxTrees.Contains(t);
            report.Append(generated ? "  GENERATED-CODE " : "  input ").Append(d).Append('\n');
        }

        if (problems.Any(p => p.Severity == DiagnosticSeverity.Error))
        {
            return;
        }

        using var stream = new MemoryStream();
        EmitResult emitted = run.Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        if (!emitted.Success)
        {
            report.Append("  EMIT FAILED\n");
            return;
        }

        Assembly assembly = Assembly.Load(stream.ToArray());
        Type? root = assembly.GetType(c.Root);
        if (root is null)
        {
            report.Append("  (root type not found)\n");
            return;
        }

        PropertyInfo? infoProperty = root.GetProperty("LlmInfo", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        if (infoProperty is null)
        {
            report.Append("  (no LlmInfo)\n");
            return;
        }

        var info = (LlmOutputInfo)infoProperty.GetValue(null)!;
        var schemas = new Dictionary<LlmSchemaProfile, NJsonSchema.JsonSchema>();
        foreach (LlmSchemaProfile profile in Enum.GetValues<LlmSchemaProfile>())
        {
            string text = info.GetJsonSchema(profile);
            try
            {
                schemas[profile] = NJsonSchema.JsonSchema.FromJsonAsync(text.Replace("$defs", "definitions", StringComparison.Ordinal), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                report.Append("  SCHEMA LOAD FAILED ").Append(profile).Append(": ").Append(e.Message.Split('\n')[0]).Append('\n');
            }

            if (profile == LlmSchemaProfile.JsonSchema)
            {
                report.Append("  schema(JsonSchema): ").Append(text.Length > 1500 ? text[..1500] + "…" : text).Append('\n');
            }
        }

        bool hasReader = (bool)info.GetType().GetProperty("HasReader")!.GetValue(info)!;
        if (!hasReader)
        {
            report.Append("  (no reader)\n");
        }

        Type? probeType = assembly.GetType("__Probe") ?? assembly.GetType("P.__Probe");
        if (probeType is null)
        {
            return;
        }

        object value = probeType.GetMethod("Make")!.Invoke(null, null)!;
        string json;
        try
        {
            json = JsonSerializer.Serialize(value, value.GetType(), Web);
        }
        catch (Exception e)
        {
            report.Append("  STJ cannot serialize: ").Append(e.GetType().Name).Append(": ").Append(e.Message.Split('\n')[0]).Append('\n');
            return;
        }

        report.Append("  instance: ").Append(json.Length > 600 ? json[..600] + "…" : json).Append('\n');
        foreach ((LlmSchemaProfile profile, NJsonSchema.JsonSchema schema) in schemas)
        {
            string doc = profile == LlmSchemaProfile.Anthropic ? WithoutNulls(json) : json;
            ICollection<NJsonSchema.Validation.ValidationError> errors;
            try { errors = schema.Validate(doc); }
            catch (Exception e) { report.Append("  (NJsonSchema validation threw ").Append(e.GetType().Name).Append(" for ").Append(profile).Append(")\n"); continue; }
            if (errors.Count > 0)
            {
                report.Append("  INSTANCE REJECTED by ").Append(profile).Append(": ").Append(string.Join("; ", errors.Select(e => e.ToString()))).Append('\n');
            }
        }

        if (!hasReader)
        {
            return;
        }

        // STJ itself must read its own output back (sanity of the sample).
        LlmResult<object> parsed = info.ParseUntyped(json);
        if (!parsed.Success)
        {
            report.Append("  READER REFUSED the instance: ").Append(string.Join("; ", parsed.Errors.Select(e => e.Message))).Append('\n');
        }
        else
        {
            if (parsed.Repairs.Count > 0)
            {
                report.Append("  READER REPAIRED: ").Append(string.Join("; ", parsed.Repairs.Select(r => r.ToString()))).Append('\n');
            }

            MethodInfo equals = info.GetType().GetMethod("ValueEquals")!;
            if (!(bool)equals.Invoke(info, new[] { value, parsed.Value })!)
            {
                string back;
                try { back = JsonSerializer.Serialize(parsed.Value, value.GetType(), Web); } catch (Exception e) { back = e.Message; }
                report.Append("  ROUND TRIP DIFFERS (ValueEquals false): ").Append(back).Append('\n');
            }
            else
            {
                string back = JsonSerializer.Serialize(parsed.Value, value.GetType(), Web);
                if (back != json)
                {
                    report.Append("  ROUND TRIP JSON DIFFERS: ").Append(back).Append('\n');
                }
            }
        }

        foreach (string bad in (c.Bad ?? Array.Empty<string>()).Append("{}").Append("[1,2]"))
        {
            LlmResult<object> r = info.ParseUntyped(bad);
            if (r.Success)
            {
                report.Append("  accepted ").Append(bad).Append(" -> ").Append(JsonSerializer.Serialize(r.Value, value.GetType(), Web)).Append(r.Repairs.Count > 0 ? " repairs: " + string.Join("; ", r.Repairs) : "").Append('\n');
            }
        }
    }

    private static string WithoutNulls(string json)
    {
        JsonNode node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (string key in o.Where(p => p.Value is null).Select(p => p.Key).ToArray())
                {
                    o.Remove(key);
                }

                foreach (var (_, child) in o)
                {
                    Strip(child);
                }
            }
            else if (n is JsonArray a)
            {
                foreach (JsonNode? child in a)
                {
                    Strip(child);
                }
            }
        }
    }
}
