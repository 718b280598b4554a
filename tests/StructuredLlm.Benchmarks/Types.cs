using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.Benchmarks;

/// <summary>The team that should handle a ticket.</summary>
public enum Category
{
    Billing,
    Technical,
    Account,
}

/// <summary>A customer support ticket, triaged (issue 2's example).</summary>
[LlmOutput]
public partial record SupportTicket(
    [property: Description("Which team should handle it")] Category Category,
    [property: Range(1, 5)] int Priority,
    string Summary,
    IReadOnlyList<string> Tags,
    string? CustomerEmail);
