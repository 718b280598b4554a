using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Consumer.Models;
using StructuredLlm;

namespace Consumer.App;

/// <summary>Which team handles a ticket.</summary>
public enum Category
{
    Billing,
    Technical,
    Account,
}

/// <summary>A customer support ticket, triaged.</summary>
[LlmOutput]
public partial record SupportTicket(
    [property: Description("Which team should handle it")] Category Category,
    [property: Range(1, 5)] int Priority,
    string Summary,
    IReadOnlyList<string> Tags,
    string? CustomerEmail);

public static class Program
{
    public static void Main()
    {
        Console.WriteLine("== SupportTicket " + SupportTicket.LlmInfo.SchemaName);
        Console.WriteLine(SupportTicket.LlmInfo.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));
        Console.WriteLine("== ShippingAddress " + ShippingAddress.LlmInfo.SchemaName);
        Console.WriteLine(ShippingAddress.LlmInfo.GetJsonSchema(LlmSchemaProfile.JsonSchema));
        Console.WriteLine("== Format " + SupportTicket.LlmInfo.GetResponseFormat(LlmSchemaProfile.OpenAIStrict).SchemaName);
        Console.WriteLine("== End");
    }
}
