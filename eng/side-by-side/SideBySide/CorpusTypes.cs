using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using StructuredLlm;

namespace SideBySide;

// The three corpus schemas (tests/StructuredLlm.Tests/Readers/Types.cs describes them), declared as a user
// would, so the generated readers are what is scored. The same shapes are in ../baml_src/corpus.baml.

public enum Category { Billing, Technical, Sales, Other }

[LlmOutput]
public sealed partial record SupportTicket(
    Category Category,
    [property: Range(1, 5)] int Priority,
    [property: MaxLength(500)] string Summary,
    [property: MaxLength(10)] IReadOnlyList<string> Tags,
    [property: EmailAddress, LlmAlias("email")] string? CustomerEmail);

public sealed record LineItem(
    string Description,
    [property: Range(1, 10000), LlmAlias("qty")] int Quantity,
    [property: Range(0, 1000000), LlmAlias("price")] decimal UnitPrice);

[LlmOutput]
public sealed partial record Invoice(
    [property: RegularExpression("^INV-[0-9]+$")] string InvoiceNumber,
    [property: StringLength(3, MinimumLength = 3)] string Currency,
    [property: MinLength(1), LlmAlias("items")] IReadOnlyList<LineItem> LineItems,
    decimal Total,
    DateOnly? DueDate,
    string? Notes);

public enum SentimentLabel { Positive, Negative, Neutral, Mixed }

[LlmOutput]
public sealed partial record Sentiment(
    [property: LlmAlias("sentiment")] SentimentLabel Label,
    [property: Range(0.0, 1.0)] double Confidence,
    bool Sarcastic,
    long? ReviewId);
