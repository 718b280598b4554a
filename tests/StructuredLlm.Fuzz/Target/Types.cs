using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.Fuzz;

// Representative [LlmOutput] types whose generated readers are fuzzed: the corpus's three schemas (tests/StructuredLlm.Tests/Corpus).

public enum Category { Billing, Technical, Sales, Other }

/// <summary>Enum, int range, string length, list of strings, optional email.</summary>
[LlmOutput]
public sealed partial record SupportTicket(
    Category Category,
    [property: Range(1, 5)] int Priority,
    [property: MaxLength(500)] string Summary,
    [property: MaxLength(10)] IReadOnlyList<string> Tags,
    [property: EmailAddress] string? CustomerEmail);

public sealed record LineItem(string Description, [property: Range(1, 10000)] int Quantity, [property: Range(0, 1000000)] decimal UnitPrice);

/// <summary>Pattern, exact length, nested list of objects with a minimum count, decimals, an optional date.</summary>
[LlmOutput]
public sealed partial record Invoice(
    [property: RegularExpression("^INV-[0-9]+$")] string InvoiceNumber,
    [property: StringLength(3, MinimumLength = 3)] string Currency,
    [property: MinLength(1)] IReadOnlyList<LineItem> LineItems,
    decimal Total,
    DateOnly? DueDate,
    string? Notes);

public enum SentimentLabel { Positive, Negative, Neutral, Mixed }

/// <summary>Double range, bool, optional long.</summary>
[LlmOutput]
public sealed partial record Sentiment(SentimentLabel Label, [property: Range(0.0, 1.0)] double Confidence, bool Sarcastic, long? ReviewId);
