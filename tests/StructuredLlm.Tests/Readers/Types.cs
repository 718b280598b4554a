using System;
using System.Collections.Generic;

namespace StructuredLlm.Tests.Readers;

// The test types, as a user would declare them (the [LlmOutput] attribute and DataAnnotations are shown in
// comments because the generator is not wired yet; the readers in *.Reader.cs are what it would emit).

public enum Category { Billing, Technical, Sales, Other }

/// <summary>[LlmOutput] SupportTicket(Category, [Range(1,5)] int Priority, [MaxLength(500)] string Summary, [MaxLength(10)] IReadOnlyList&lt;string&gt; Tags, [EmailAddress][LlmAlias("email")] string? CustomerEmail).</summary>
public sealed record SupportTicket(Category Category, int Priority, string Summary, IReadOnlyList<string> Tags, string? CustomerEmail);

/// <summary>[LlmOutput] LineItem(string Description, [Range(1,10000)] int Quantity, [Range(0, 1000000)] decimal UnitPrice).</summary>
public sealed record LineItem(string Description, int Quantity, decimal UnitPrice);

/// <summary>[LlmOutput] Invoice([RegularExpression("^INV-[0-9]+$")] string InvoiceNumber, [StringLength(3, MinimumLength = 3)] string Currency, [MinLength(1)] IReadOnlyList&lt;LineItem&gt; LineItems, decimal Total, DateOnly? DueDate, string? Notes).</summary>
public sealed record Invoice(string InvoiceNumber, string Currency, IReadOnlyList<LineItem> LineItems, decimal Total, DateOnly? DueDate, string? Notes);

public enum SentimentLabel { Positive, Negative, Neutral, Mixed }

/// <summary>[LlmOutput] Sentiment(SentimentLabel Label, [Range(0.0, 1.0)] double Confidence, bool Sarcastic, long? ReviewId).</summary>
public sealed record Sentiment(SentimentLabel Label, double Confidence, bool Sarcastic, long? ReviewId);
