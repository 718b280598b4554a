using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>A postal address.</summary>
public sealed record Address(string Street, string City, string? PostalCode, [property: StringLength(2, MinimumLength = 2)] string CountryCode);

/// <summary>One line of an invoice.</summary>
public sealed record InvoiceLine(string Description, [property: Range(1, 10000)] int Quantity, decimal UnitPrice);

/// <summary>An invoice read from a scanned document: nested and referenced types, dates, money.</summary>
[LlmOutput]
public partial record Invoice(
    string InvoiceNumber,
    DateOnly IssuedOn,
    DateTimeOffset? PaidAt,
    Guid CustomerId,
    Address BillingAddress,
    Address? ShippingAddress,
    List<InvoiceLine> Lines,
    decimal Total);
