using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Extensions.AI;
using StructuredLlm.Generators.Tests.Infrastructure;

namespace StructuredLlm.Generators.Tests;

/// <summary>User project → generator → emitted assembly → the runtime API, run for real.</summary>
public class EndToEndTests
{
    private static readonly Lazy<Assembly> UserAssembly = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            using StructuredLlm;

            namespace E2E;

            public enum Category { Billing, Technical, Other }

            /// <summary>A customer support ticket, triaged.</summary>
            [LlmOutput]
            public partial record SupportTicket(
                [property: Description("Which team should handle it")] Category Category,
                [property: Range(1, 5)] int Priority,
                string Summary,
                IReadOnlyList<string> Tags,
                string? CustomerEmail);

            [LlmOutput(Name = "other_output")]
            internal partial class Other { public int X { get; set; } }

            [LlmOutput(Strict = true)]
            public partial class StrictOut { public int N { get; set; } }

            public static class Probe
            {
                // Generic code reaching the schema through the static abstract interface member.
                public static string SchemaOf<T>() where T : ILlmOutput<T> => T.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict);
                public static string Direct() => SupportTicket.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict);
                public static string ViaInterface() => SchemaOf<SupportTicket>();
                public static int AssemblyCount() => StructuredLlm.Generated.LlmOutputs_E2EUser.All.Count;
            }
            """, assemblyName: "E2EUser");
        run.AssertClean();
        using var stream = new MemoryStream();
        EmitResult emitted = run.Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    });

    private static Type Ticket => UserAssembly.Value.GetType("E2E.SupportTicket", throwOnError: true)!;

    private static LlmOutputInfo Info => (LlmOutputInfo)Ticket.GetProperty("LlmInfo")!.GetValue(null)!;

    [Fact]
    public void LlmInfo_exposes_name_description_and_all_four_schemas()
    {
        LlmOutputInfo info = Info;
        Assert.Equal(Ticket, info.Type);
        Assert.Equal("SupportTicket", info.SchemaName);
        Assert.Equal("A customer support ticket, triaged.", info.Description);
        foreach (LlmSchemaProfile profile in Enum.GetValues<LlmSchemaProfile>())
        {
            using JsonDocument doc = JsonDocument.Parse(info.GetJsonSchema(profile));
            Assert.Equal("object", doc.RootElement.GetProperty("type").GetString());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => info.GetJsonSchema((LlmSchemaProfile)4));
    }

    [Fact]
    public void Static_member_and_static_abstract_interface_give_the_same_cached_string()
    {
        Type probe = UserAssembly.Value.GetType("E2E.Probe")!;
        string direct = (string)probe.GetMethod("Direct")!.Invoke(null, null)!;
        string viaInterface = (string)probe.GetMethod("ViaInterface")!.Invoke(null, null)!;
        Assert.Same(direct, viaInterface);
        Assert.Same(direct, Info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));
        Assert.Equal(3, (int)probe.GetMethod("AssemblyCount")!.Invoke(null, null)!);
    }

    [Fact]
    public void GetResponseFormat_is_a_cached_json_schema_format()
    {
        ChatResponseFormatJson format = Info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict);
        Assert.Same(format, Info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict));
        Assert.NotSame(format, Info.GetResponseFormat(LlmSchemaProfile.Gemini));
        Assert.Equal("SupportTicket", format.SchemaName);
        Assert.Equal("A customer support ticket, triaged.", format.SchemaDescription);
        Assert.NotNull(format.Schema);
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(Info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict)).RootElement),
            JsonSerializer.Serialize(format.Schema!.Value));
    }

    [Fact]
    public void Warm_schema_and_format_access_allocates_nothing()
    {
        LlmOutputInfo info = Info;
        info.GetResponseFormat(LlmSchemaProfile.Anthropic);
        info.GetJsonSchema(LlmSchemaProfile.Anthropic);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            _ = info.GetJsonSchema(LlmSchemaProfile.Anthropic);
            _ = info.GetResponseFormat(LlmSchemaProfile.Anthropic);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Module_initializer_registers_every_accessible_type()
    {
        _ = Info; // loading the assembly's types runs its module initializer
        Assert.True(LlmOutputRegistry.TryGet(Ticket, out LlmOutputInfo? found));
        Assert.Same(Info, found);
        Type other = UserAssembly.Value.GetType("E2E.Other")!;
        Assert.True(LlmOutputRegistry.TryGet(other, out LlmOutputInfo? otherInfo));
        Assert.Equal("other_output", otherInfo!.SchemaName);
        Assert.Contains(Info, LlmOutputRegistry.All);
        Assert.False(LlmOutputRegistry.TryGet(typeof(string), out _));
        Assert.Throws<InvalidOperationException>(() => LlmOutputRegistry.Get<string>());
    }

    [Fact]
    public void Registering_twice_keeps_one_entry()
    {
        _ = Info;
        int count = LlmOutputRegistry.All.Count(i => i.Type == Ticket);
        LlmOutputRegistry.Register(Info, Info);
        Assert.Equal(1, count);
        Assert.Equal(1, LlmOutputRegistry.All.Count(i => i.Type == Ticket));
    }

    [Fact]
    public void DefaultParseOptions_are_read_only_for_the_type_options_and_the_shared_default()
    {
        Type strictType = UserAssembly.Value.GetType("E2E.StrictOut", throwOnError: true)!;
        LlmOutputInfo strictInfo = (LlmOutputInfo)strictType.GetProperty("LlmInfo")!.GetValue(null)!;
        foreach (LlmOutputInfo info in new[] { strictInfo, Info })
        {
            var options = (Json.LlmParseOptions)info.GetType().GetProperty("DefaultParseOptions")!.GetValue(info)!;
            Assert.True(options.IsReadOnly);
            Assert.Throws<InvalidOperationException>(() => options.Strict = !options.Strict);
            Assert.Throws<InvalidOperationException>(() => options.MaxDepth = 3);
        }

        var typeOptions = (Json.LlmParseOptions)strictInfo.GetType().GetProperty("DefaultParseOptions")!.GetValue(strictInfo)!;
        Assert.True(typeOptions.Strict); // the type's own settings survive the read-only copy
        Assert.NotSame(Json.LlmParseOptions.StrictDefault, typeOptions);
        // Strict still applies: a fenced answer needs a repair the type did not allow.
        Assert.False(strictInfo.ParseUntyped("```json\n{\"n\": 1}\n```").Success);
        Json.LlmResult<object> exact = strictInfo.ParseUntyped("{\"n\": 1}"); // camelCase by default
        Assert.True(exact.Success, string.Join("; ", exact.Errors));
    }

    [Fact]
    public void ParseUntyped_reads_through_a_registry_entry_without_knowing_the_type()
    {
        _ = Info;
        Assert.True(LlmOutputRegistry.TryGet(Ticket, out LlmOutputInfo? entry));
        Json.LlmResult<object> ok = entry!.ParseUntyped("""
            Here you go:
            ```json
            {"category": "Technical", "priority": 2, "summary": "Login fails", "tags": ["auth"], "customerEmail": null,}
            ```
            """);
        Assert.True(ok.Success, string.Join("; ", ok.Errors));
        Assert.IsType(Ticket, ok.Value);
        Assert.Equal(2, Ticket.GetProperty("Priority")!.GetValue(ok.Value));
        Assert.Equal("Login fails", Ticket.GetProperty("Summary")!.GetValue(ok.Value));
        Assert.NotEmpty(ok.Repairs); // fence + trailing comma

        Json.LlmResult<object> refused = entry.ParseUntyped("""{"category": "Technical", "priority": 9, "summary": "x", "tags": [], "customerEmail": null}""");
        Assert.False(refused.Success);
        Assert.Null(refused.Value);
        Assert.NotEmpty(refused.Errors);
        Assert.NotNull(refused.RawText);

        Json.LlmResult<object> strict = entry.ParseUntyped("```json\n{\"category\": \"Other\", \"priority\": 1, \"summary\": \"s\", \"tags\": [], \"customerEmail\": null}\n```",
            Json.LlmParseOptions.StrictDefault);
        Assert.False(strict.Success); // per-call options are honoured
    }
}
