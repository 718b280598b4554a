using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using StructuredLlm;

namespace SupportTriage;

/// <summary>The team that should handle a ticket.</summary>
public enum Category
{
    Billing,
    Technical,
    Account,
    Other,
}

/// <summary>A customer support ticket, triaged.</summary>
[LlmOutput]
public partial record SupportTicket(
    [property: Description("Which team should handle it")] Category Category,
    [property: Range(1, 5)] int Priority,
    string Summary,
    IReadOnlyList<string> Tags,
    string? CustomerEmail);
