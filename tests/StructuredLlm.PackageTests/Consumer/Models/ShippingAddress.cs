using System.ComponentModel;
using StructuredLlm;

namespace Consumer.Models;

/// <summary>A postal address extracted from a message.</summary>
[LlmOutput]
public partial record ShippingAddress(
    [property: Description("Street and house number")] string Street,
    string City,
    string? PostalCode,
    string CountryCode);
