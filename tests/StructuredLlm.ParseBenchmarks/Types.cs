using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using StructuredLlm;

namespace StructuredLlm.ParseBenchmarks;

// The benchmark types, declared as a user would. Ours validates the DataAnnotations while reading; the other
// contenders ignore them (that is part of what is compared).

public enum Category { Billing, Technical, Sales, Other }

/// <summary>A typical small response (~300 bytes).</summary>
[LlmOutput]
public sealed partial record Ticket(
    Category Category,
    [property: Range(1, 5)] int Priority,
    [property: MaxLength(500)] string Summary,
    [property: MaxLength(10)] IReadOnlyList<string> Tags,
    [property: EmailAddress] string? CustomerEmail);

public sealed record OrderLine(string Sku, string Description, [property: Range(1, 10000)] int Quantity, decimal UnitPrice, bool Backordered);

public sealed record Address(string Street, string City, string? PostalCode, [property: StringLength(2, MinimumLength = 2)] string CountryCode);

/// <summary>A larger nested response (~2 KB): nested objects, a list of objects, dates, decimals, a Guid.</summary>
[LlmOutput]
public sealed partial record Order(
    Guid OrderId,
    DateOnly PlacedOn,
    DateTimeOffset? ShippedAt,
    Address ShipTo,
    List<OrderLine> Lines,
    decimal Total,
    string? Note);

public sealed record LogEntry(string Level, string Message, int Code, double Value);

/// <summary>A list that grows with the input, for the scaling runs.</summary>
[LlmOutput]
public sealed partial record LogBatch(string Source, List<LogEntry> Entries);

/// <summary>System.Text.Json's source-generated metadata for the same types (camelCase, string enums).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(LogBatch))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
