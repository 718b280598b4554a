using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using StructuredLlm.Json;

// Dictionaries are outside OpenAI strict (SLLM0005); these types are read, never sent as an OpenAI strict schema.
#pragma warning disable SLLM0005

namespace StructuredLlm.IntegrationTests.Parsing;

// Types for the session 24 probe (ReaderProbe24Tests): shapes the earlier probes used little. Polymorphism with a
// discriminator, dictionaries, a recursive type, records nested three levels deep, every date/time/identifier type,
// renamed enums, constraints on decimals, doubles, strings and lists, and a strict type with an allowed list.

/// <summary>How a payment was made: a discriminator whose values are not the C# names.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(CardPayment), "card")]
[JsonDerivedType(typeof(BankTransfer), "bank_transfer")]
[JsonDerivedType(typeof(GiftCardPayment), "gift-card")]
public abstract record PaymentMethod(decimal Amount);

public sealed record CardPayment(decimal Amount, [property: RegularExpression("^[0-9]{4}$")] string Last4, string Brand) : PaymentMethod(Amount);

public sealed record BankTransfer(decimal Amount, string Iban, string? Reference) : PaymentMethod(Amount);

public sealed record GiftCardPayment(decimal Amount, string Code) : PaymentMethod(Amount);

/// <summary>A checkout: a list of polymorphic payments and an optional polymorphic refund.</summary>
[LlmOutput]
public partial record Checkout(string OrderId, IReadOnlyList<PaymentMethod> Payments, PaymentMethod? Refund);

/// <summary>Stock of one product.</summary>
public sealed record StockLevel(int OnHand, int? Reserved);

/// <summary>A warehouse's stock: dictionaries whose keys are data (product codes), with values that are numbers, records and lists.</summary>
[LlmOutput]
public partial record InventorySnapshot(
    string Warehouse,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, decimal>? Prices,
    Dictionary<string, StockLevel>? Levels,
    Dictionary<string, List<string>>? Synonyms);

/// <summary>A comment and its replies: a recursive type.</summary>
[LlmOutput]
public partial record CommentThread(string Author, string Text, IReadOnlyList<CommentThread> Replies, int? Likes);

public sealed record GeoCoordinates([property: Range(-90.0, 90.0)] double Latitude, [property: Range(-180.0, 180.0)] double Longitude);

public sealed record VenueAddress(string Street, string City, string? PostalCode, GeoCoordinates Coordinates);

public sealed record EventVenue(string VenueName, VenueAddress Address, int? Capacity);

public sealed record Performer(string Name, string? Role);

/// <summary>An event: records nested three levels deep and a list of records.</summary>
[LlmOutput]
public partial record EventListing(string Title, EventVenue Venue, IReadOnlyList<Performer> Performers, List<string>? Sponsors);

/// <summary>A hotel booking: every date, time and identifier type, nullable value types and three collection kinds.</summary>
[LlmOutput]
public partial record HotelBooking(
    Guid BookingId,
    DateOnly CheckIn,
    DateOnly? CheckOut,
    TimeOnly ArrivalTime,
    TimeSpan? Stay,
    DateTimeOffset BookedAt,
    Uri? ConfirmationUrl,
    int? Guests,
    bool? Breakfast,
    ImmutableArray<string> RoomTypes,
    HashSet<string> Amenities,
    int[] Floors);

public enum IncidentSeverity
{
    [JsonStringEnumMemberName("sev-1")]
    Critical,
    [JsonStringEnumMemberName("sev-2")]
    Major,
    [JsonStringEnumMemberName("sev-3")]
    Minor,
}

public enum IncidentState
{
    Open,
    InProgress,
    WaitingOnCustomer,
    Resolved,
}

/// <summary>An incident: renamed enum members and multi-word enum names.</summary>
[LlmOutput]
public partial record IncidentReport(string Title, IncidentSeverity Severity, IncidentState State, IReadOnlyList<IncidentState>? History, IncidentSeverity? PreviousSeverity);

/// <summary>A price quote: every constraint kind on decimals, doubles, strings and lists.</summary>
[LlmOutput]
public partial record PriceQuote(
    [property: RegularExpression("^Q-[0-9]{5}$")] string QuoteId,
    [property: Range(typeof(decimal), "0.01", "9999.99")] decimal UnitPrice,
    [property: Range(0.0, 100.0)] double DiscountPercent,
    [property: Length(3, 3)] string Currency,
    [property: AllowedValues("standard", "express", "overnight")] string Shipping,
    [property: Length(1, 4)] IReadOnlyList<string> Notes);

/// <summary>A decision that may only be unfenced, lose a trailing comma or have a key's case fixed.</summary>
[LlmOutput(Strict = true, AllowedRepairs = new[] { LlmRepairKind.MarkdownFence, LlmRepairKind.TrailingComma, LlmRepairKind.KeyNormalized })]
public partial record ApprovalDecision(bool Approved, [property: Range(0, 100)] int Confidence, IReadOnlyDictionary<string, string>? Conditions);
