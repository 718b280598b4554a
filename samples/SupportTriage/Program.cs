using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using StructuredLlm;

namespace SupportTriage;

internal static class Program
{
    private const string Email = """
        Hi, I was charged twice for my March invoice (#4471). Please refund one of them.
        You can reach me at dana@example.com. Thanks, Dana
        """;

    // What a model constrained by the schema below answers.
    private const string CannedReply = """
        {"category":"Billing","priority":2,"summary":"Customer was charged twice for invoice #4471 and asks for a refund.","tags":["refund","duplicate-charge"],"customerEmail":"dana@example.com"}
        """;

    public static async Task Main()
    {
        // 1. The schema, generated at compile time: no reflection, a cached constant string.
        var info = SupportTicket.LlmInfo;
        Console.WriteLine($"Schema '{info.SchemaName}' for {info.Type.Name} (OpenAI strict):");
        Console.WriteLine(info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));
        Console.WriteLine();

        // 2. The ready-made response format for Microsoft.Extensions.AI.
        ChatResponseFormatJson format = info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict);
        Console.WriteLine($"Response format: name={format.SchemaName}, description={format.SchemaDescription}, schema bytes={format.Schema?.GetRawText().Length}");
        Console.WriteLine();

        // 3. Every [LlmOutput] type in this assembly, through the registry.
        foreach (var entry in LlmOutputRegistry.All)
        {
            Console.WriteLine($"Registered: {entry.Type.FullName} as '{entry.SchemaName}'");
        }
        Console.WriteLine();

        // 4. A call through IChatClient, offline: a scripted client stands in for the provider.
        using var client = new ScriptedChatClient(CannedReply);
        var response = await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "Triage the customer's email into a support ticket."),
                new ChatMessage(ChatRole.User, Email),
            ],
            new ChatOptions { ResponseFormat = format });
        Console.WriteLine($"The client was sent the '{(client.LastOptions?.ResponseFormat as ChatResponseFormatJson)?.SchemaName}' schema and replied:");
        Console.WriteLine(response.Text);

        // Until StructuredLlm's strict reader lands, read the reply with System.Text.Json using the
        // schema's naming (camelCase, enums as strings).
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var ticket = JsonSerializer.Deserialize<SupportTicket>(response.Text, options)
            ?? throw new InvalidOperationException("The reply was null.");
        Console.WriteLine();
        Console.WriteLine($"Ticket: {ticket.Category}, priority {ticket.Priority}, tags [{string.Join(", ", ticket.Tags)}], from {ticket.CustomerEmail}");
        Console.WriteLine($"Summary: {ticket.Summary}");
    }
}
