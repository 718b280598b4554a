// Hand-written in the exact shape the reader emitter will generate for SupportTicket.
#nullable enable
using global::System.Text.Json;

namespace StructuredLlm.Tests.Readers;

internal static class SupportTicketReader
{
    private const string ExpectedRoot = "a SupportTicket object";
    private const string ExpectedCategory = "one of billing, technical, sales, other";
    private const string ExpectedPriority = "an integer 1..5";
    private const string ExpectedSummary = "a string of at most 500 characters";
    private const string ExpectedTags = "an array of at most 10 strings";
    private const string ExpectedTagsItem = "a string";
    private const string ExpectedCustomerEmail = "an email address or null";

    private static readonly global::StructuredLlm.Json.LlmMemberTable s_members = new("SupportTicket",
        new global::StructuredLlm.Json.LlmMember("category"),
        new global::StructuredLlm.Json.LlmMember("priority"),
        new global::StructuredLlm.Json.LlmMember("summary"),
        new global::StructuredLlm.Json.LlmMember("tags"),
        new global::StructuredLlm.Json.LlmMember("customerEmail", "email"));

    private static readonly global::StructuredLlm.Json.LlmEnumTable<Category> s_category = new(
        new[] { "billing", "technical", "sales", "other" },
        new[] { Category.Billing, Category.Technical, Category.Sales, Category.Other });

    public static global::StructuredLlm.Json.LlmResult<SupportTicket> Parse(string text, global::StructuredLlm.Json.LlmParseOptions? options = null) =>
        global::StructuredLlm.Json.LlmParser.Parse<SupportTicket>(text, Read, options, ExpectedRoot);

    public static global::StructuredLlm.Json.LlmResult<SupportTicket> Parse(global::System.ReadOnlySpan<byte> utf8, global::StructuredLlm.Json.LlmParseOptions? options = null) =>
        global::StructuredLlm.Json.LlmParser.Parse<SupportTicket>(utf8, Read, options, ExpectedRoot);

    public static SupportTicket ParseOrThrow(string text, global::StructuredLlm.Json.LlmParseOptions? options = null) =>
        Parse(text, options).GetValueOrThrow();

    public static bool Read(ref Utf8JsonReader reader, global::StructuredLlm.Json.LlmReadContext context,
        [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SupportTicket value)
    {
        value = null;
        int errors = context.ErrorCount;
        if (!context.BeginObject(ref reader, 5, ExpectedRoot, out var state)) return false;

        Category category = default;
        int priority = default;
        string? summary = default;
        global::System.Collections.Generic.List<string>? tags = default;
        string? customerEmail = default;

        while (context.NextProperty(ref reader))
        {
            var key = context.PropertyName(ref reader);
            int member = key.Length switch
            {
                4 when global::System.MemoryExtensions.SequenceEqual(key, "tags"u8) => 3,
                7 when global::System.MemoryExtensions.SequenceEqual(key, "summary"u8) => 2,
                8 when global::System.MemoryExtensions.SequenceEqual(key, "category"u8) => 0,
                8 when global::System.MemoryExtensions.SequenceEqual(key, "priority"u8) => 1,
                13 when global::System.MemoryExtensions.SequenceEqual(key, "customerEmail"u8) => 4,
                _ => context.MatchMember(key, s_members),
            };
            switch (member)
            {
                case 0:
                    if (context.ClaimMember(ref reader, ref state, 0, "category"))
                    {
                        s_category.Read(ref reader, context, ExpectedCategory, out category);
                        context.EndMember();
                    }
                    break;
                case 1:
                    if (context.ClaimMember(ref reader, ref state, 1, "priority"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.Int32(ref reader, context, ExpectedPriority, out priority))
                            global::StructuredLlm.Json.LlmCheck.Range(context, priority, 1, 5, ExpectedPriority);
                        context.EndMember();
                    }
                    break;
                case 2:
                    if (context.ClaimMember(ref reader, ref state, 2, "summary"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedSummary, out summary))
                            global::StructuredLlm.Json.LlmCheck.Length(context, summary, 0, 500, ExpectedSummary);
                        context.EndMember();
                    }
                    break;
                case 3:
                    if (context.ClaimMember(ref reader, ref state, 3, "tags"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.List<string>(ref reader, context, ExpectedTags,
                                static (ref Utf8JsonReader r, global::StructuredLlm.Json.LlmReadContext c, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string v) =>
                                    global::StructuredLlm.Json.LlmRead.String(ref r, c, ExpectedTagsItem, out v),
                                out tags))
                            global::StructuredLlm.Json.LlmCheck.Count(context, tags.Count, 0, 10, ExpectedTags);
                        context.EndMember();
                    }
                    break;
                case 4:
                    if (context.ClaimMember(ref reader, ref state, 4, "customerEmail"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.IsNull(ref reader)) customerEmail = null;
                        else if (global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedCustomerEmail, out customerEmail))
                            global::StructuredLlm.Json.LlmCheck.Email(context, customerEmail, ExpectedCustomerEmail);
                        context.EndMember();
                    }
                    break;
                default:
                    context.SkipUnknownMember(ref reader, key);
                    break;
            }
        }

        if (!context.HasMember(in state, 0)) context.ReportMissing("category", ExpectedCategory);
        if (!context.HasMember(in state, 1)) context.ReportMissing("priority", ExpectedPriority);
        if (!context.HasMember(in state, 2)) context.ReportMissing("summary", ExpectedSummary);
        if (!context.HasMember(in state, 3)) context.ReportMissing("tags", ExpectedTags);
        context.EndObject(ref state);
        if (context.ErrorCount != errors) return false;

        value = new SupportTicket(category, priority, summary!, tags!, customerEmail);
        return true;
    }
}
