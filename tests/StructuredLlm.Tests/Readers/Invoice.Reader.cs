// Hand-written in the exact shape the reader emitter will generate for Invoice and LineItem.
#nullable enable
using global::System.Text.Json;

namespace StructuredLlm.Tests.Readers;

internal static class InvoiceReader
{
    private const string ExpectedRoot = "an Invoice object";
    private const string ExpectedInvoiceNumber = "a string matching ^INV-[0-9]+$";
    private const string ExpectedCurrency = "a string of exactly 3 characters";
    private const string ExpectedLineItems = "an array of at least 1 LineItem objects";
    private const string ExpectedLineItemsItem = "a LineItem object";
    private const string ExpectedTotal = "a number";
    private const string ExpectedDueDate = "a date (yyyy-MM-dd) or null";
    private const string ExpectedNotes = "a string or null";

    private static readonly global::System.Text.RegularExpressions.Regex s_invoiceNumberPattern = new(
        "^INV-[0-9]+$", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));

    private static readonly global::StructuredLlm.Json.LlmMemberTable s_members = new("Invoice",
        new global::StructuredLlm.Json.LlmMember("invoiceNumber"),
        new global::StructuredLlm.Json.LlmMember("currency"),
        new global::StructuredLlm.Json.LlmMember("lineItems", "items"),
        new global::StructuredLlm.Json.LlmMember("total"),
        new global::StructuredLlm.Json.LlmMember("dueDate"),
        new global::StructuredLlm.Json.LlmMember("notes"));

    public static global::StructuredLlm.Json.LlmResult<Invoice> Parse(string text, global::StructuredLlm.Json.LlmParseOptions? options = null) =>
        global::StructuredLlm.Json.LlmParser.Parse<Invoice>(text, Read, options, ExpectedRoot);

    public static bool Read(ref Utf8JsonReader reader, global::StructuredLlm.Json.LlmReadContext context,
        [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Invoice value)
    {
        value = null;
        int errors = context.ErrorCount;
        if (!context.BeginObject(ref reader, 6, ExpectedRoot, out var state)) return false;

        string? invoiceNumber = default;
        string? currency = default;
        global::System.Collections.Generic.List<LineItem>? lineItems = default;
        decimal total = default;
        global::System.DateOnly? dueDate = default;
        string? notes = default;

        while (context.NextProperty(ref reader))
        {
            var key = context.PropertyName(ref reader);
            int member = key.Length switch
            {
                5 when global::System.MemoryExtensions.SequenceEqual(key, "total"u8) => 3,
                5 when global::System.MemoryExtensions.SequenceEqual(key, "notes"u8) => 5,
                7 when global::System.MemoryExtensions.SequenceEqual(key, "dueDate"u8) => 4,
                8 when global::System.MemoryExtensions.SequenceEqual(key, "currency"u8) => 1,
                9 when global::System.MemoryExtensions.SequenceEqual(key, "lineItems"u8) => 2,
                13 when global::System.MemoryExtensions.SequenceEqual(key, "invoiceNumber"u8) => 0,
                _ => context.MatchMember(key, s_members),
            };
            switch (member)
            {
                case 0:
                    if (context.ClaimMember(ref reader, ref state, 0, "invoiceNumber"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedInvoiceNumber, out invoiceNumber))
                            global::StructuredLlm.Json.LlmCheck.Pattern(context, invoiceNumber, s_invoiceNumberPattern, ExpectedInvoiceNumber);
                        context.EndMember();
                    }
                    break;
                case 1:
                    if (context.ClaimMember(ref reader, ref state, 1, "currency"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedCurrency, out currency))
                            global::StructuredLlm.Json.LlmCheck.Length(context, currency, 3, 3, ExpectedCurrency);
                        context.EndMember();
                    }
                    break;
                case 2:
                    if (context.ClaimMember(ref reader, ref state, 2, "lineItems"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.List<LineItem>(ref reader, context, ExpectedLineItems, LineItemReader.Read, out lineItems))
                            global::StructuredLlm.Json.LlmCheck.Count(context, lineItems.Count, 1, -1, ExpectedLineItems);
                        context.EndMember();
                    }
                    break;
                case 3:
                    if (context.ClaimMember(ref reader, ref state, 3, "total"))
                    {
                        global::StructuredLlm.Json.LlmRead.Decimal(ref reader, context, ExpectedTotal, out total);
                        context.EndMember();
                    }
                    break;
                case 4:
                    if (context.ClaimMember(ref reader, ref state, 4, "dueDate"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.IsNullOrNoValue(ref reader, context)) dueDate = null;
                        else if (global::StructuredLlm.Json.LlmRead.DateOnly(ref reader, context, ExpectedDueDate, out var dueDateValue)) dueDate = dueDateValue;
                        context.EndMember();
                    }
                    break;
                case 5:
                    if (context.ClaimMember(ref reader, ref state, 5, "notes"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.IsNull(ref reader)) notes = null;
                        else global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedNotes, out notes);
                        context.EndMember();
                    }
                    break;
                default:
                    context.SkipUnknownMember(ref reader, key);
                    break;
            }
        }

        if (!context.HasMember(in state, 0)) context.ReportMissing("invoiceNumber", ExpectedInvoiceNumber);
        if (!context.HasMember(in state, 1)) context.ReportMissing("currency", ExpectedCurrency);
        if (!context.HasMember(in state, 2)) context.ReportMissing("lineItems", ExpectedLineItems);
        if (!context.HasMember(in state, 3)) context.ReportMissing("total", ExpectedTotal);
        context.EndObject(ref state);
        if (context.ErrorCount != errors) return false;

        value = new Invoice(invoiceNumber!, currency!, lineItems!, total, dueDate, notes);
        return true;
    }
}

internal static class LineItemReader
{
    private const string ExpectedRoot = "a LineItem object";
    private const string ExpectedDescription = "a string";
    private const string ExpectedQuantity = "an integer 1..10000";
    private const string ExpectedUnitPrice = "a number 0..1000000";

    private static readonly global::StructuredLlm.Json.LlmMemberTable s_members = new("LineItem",
        new global::StructuredLlm.Json.LlmMember("description"),
        new global::StructuredLlm.Json.LlmMember("quantity", "qty"),
        new global::StructuredLlm.Json.LlmMember("unitPrice", "price"));

    public static bool Read(ref Utf8JsonReader reader, global::StructuredLlm.Json.LlmReadContext context,
        [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out LineItem value)
    {
        value = null;
        int errors = context.ErrorCount;
        if (!context.BeginObject(ref reader, 3, ExpectedRoot, out var state)) return false;

        string? description = default;
        int quantity = default;
        decimal unitPrice = default;

        while (context.NextProperty(ref reader))
        {
            var key = context.PropertyName(ref reader);
            int member = key.Length switch
            {
                8 when global::System.MemoryExtensions.SequenceEqual(key, "quantity"u8) => 1,
                9 when global::System.MemoryExtensions.SequenceEqual(key, "unitPrice"u8) => 2,
                11 when global::System.MemoryExtensions.SequenceEqual(key, "description"u8) => 0,
                _ => context.MatchMember(key, s_members),
            };
            switch (member)
            {
                case 0:
                    if (context.ClaimMember(ref reader, ref state, 0, "description"))
                    {
                        global::StructuredLlm.Json.LlmRead.String(ref reader, context, ExpectedDescription, out description);
                        context.EndMember();
                    }
                    break;
                case 1:
                    if (context.ClaimMember(ref reader, ref state, 1, "quantity"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.Int32(ref reader, context, ExpectedQuantity, out quantity))
                            global::StructuredLlm.Json.LlmCheck.Range(context, quantity, 1, 10000, ExpectedQuantity);
                        context.EndMember();
                    }
                    break;
                case 2:
                    if (context.ClaimMember(ref reader, ref state, 2, "unitPrice"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.Decimal(ref reader, context, ExpectedUnitPrice, out unitPrice))
                            global::StructuredLlm.Json.LlmCheck.Range(context, unitPrice, 0m, 1000000m, ExpectedUnitPrice);
                        context.EndMember();
                    }
                    break;
                default:
                    context.SkipUnknownMember(ref reader, key);
                    break;
            }
        }

        if (!context.HasMember(in state, 0)) context.ReportMissing("description", ExpectedDescription);
        if (!context.HasMember(in state, 1)) context.ReportMissing("quantity", ExpectedQuantity);
        if (!context.HasMember(in state, 2)) context.ReportMissing("unitPrice", ExpectedUnitPrice);
        context.EndObject(ref state);
        if (context.ErrorCount != errors) return false;

        value = new LineItem(description!, quantity, unitPrice);
        return true;
    }
}
