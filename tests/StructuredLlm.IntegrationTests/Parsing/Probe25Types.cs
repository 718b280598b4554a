using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

// Types for the session 25 probe (ReaderProbe25Tests): provider envelopes and reply shapes, fences and prose in odd
// places, comments and trailing commas, number/bool/enum edge cases, truncation at every point of a nested object, and
// Unicode in keys and values.

public enum SkyCondition
{
    Clear,
    PartlyCloudy,
    Overcast,
    Rain,
    Snow,
}

/// <summary>A weather report: the answer of the envelope and fence cases.</summary>
[LlmOutput]
public partial record WeatherReport(string City, double TempC, SkyCondition Condition, IReadOnlyList<string> Alerts, int? HumidityPercent);

public enum JobPhase
{
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

/// <summary>Counters and switches: the number, bool and enum edge cases.</summary>
[LlmOutput]
public partial record JobStats(int Count, long TotalBytes, double Ratio, bool Enabled, JobPhase Phase, int? Retries, decimal? Cost, bool? Cached, JobPhase? NextPhase);

public sealed record OrderParty(string Name, string? Email);

public sealed record OrderLine(string Sku, int Quantity, string? Note);

/// <summary>An order: a nested object, a list of objects and optional members after them (the truncation cases).</summary>
[LlmOutput]
public partial record PurchaseOrder(string OrderId, OrderParty Customer, IReadOnlyList<OrderLine> Items, string? Notes, OrderParty? GiftFor);

/// <summary>A type whose only member is a list.</summary>
[LlmOutput]
public partial record KeywordList(IReadOnlyList<string> Keywords);

/// <summary>Member names with non-ASCII letters.</summary>
[LlmOutput]
public partial record Anschrift(string Straße, string Ort, [property: JsonPropertyName("prénom")] string Vorname, string? Hinweis);

/// <summary>Text values holding links, code, comment markers and emoji.</summary>
[LlmOutput]
public partial record ChatReply(string Text, Uri? Link, IReadOnlyList<string> Snippets, string? Emoji);
