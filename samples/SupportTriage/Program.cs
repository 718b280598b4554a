using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using StructuredLlm;
using StructuredLlm.Json;

namespace SupportTriage;

internal static class Program
{
    private const string Email = """
        Hi, I was charged twice for my March invoice (#4471). Please refund one of them.
        You can reach me at dana@example.com. Thanks, Dana
        """;

    // Two replies of the kind models really give. The first is fenced, has a trailing comma, a drifted key
    // (ticket_category) and a priority that is not a number: it cannot be read without guessing, so it is refused
    // and the errors are sent back. The second is still messy (prose, fence, lower-case enum, numeric string)
    // but every repair is lossless.
    private static readonly string[] Script =
    [
        """
        ```json
        {"ticket_category": "Billing", "priority": "high", "summary": "Charged twice for invoice #4471", "tags": ["refund",],}
        ```
        """,
        """
        Sure! Here is the corrected ticket:
        ```json
        {
          "ticket_category": "billing",
          "priority": "2",
          "summary": "Customer was charged twice for invoice #4471 and asks for a refund.",
          "tags": ["refund", "duplicate-charge"],
          "customerEmail": "dana@example.com",
        }
        ```
        Let me know if you need anything else.
        """,
    ];

    public static async Task Main()
    {
        // 1. The schema, generated at compile time: no reflection, a cached constant string.
        var info = SupportTicket.LlmInfo;
        Console.WriteLine($"Schema '{info.SchemaName}' for {info.Type.Name} (OpenAI strict):");
        Console.WriteLine(info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));
        Console.WriteLine();

        // 2. The ready-made response format for Microsoft.Extensions.AI, and the registry of [LlmOutput] types.
        ChatResponseFormatJson format = info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict);
        Console.WriteLine($"Response format: name={format.SchemaName}, schema bytes={format.Schema?.GetRawText().Length}");
        foreach (var entry in LlmOutputRegistry.All)
        {
            Console.WriteLine($"Registered: {entry.Type.FullName} as '{entry.SchemaName}'");
        }
        Console.WriteLine();

        // 3. A call through IChatClient, offline: a scripted client stands in for the provider.
        //    The customer's email is untrusted: it goes only into a spotlighted user message.
        using var client = new ScriptedChatClient(Script);
        List<ChatMessage> messages = new PromptBuilder()
            .System("Triage the customer's email into a support ticket.")
            .Untrusted(Email, "customer email")
            .ToChatMessages()
            .ToList();
        var options = new ChatOptions { ResponseFormat = format };

        for (int attempt = 1; attempt <= Script.Length; attempt++)
        {
            ChatResponse response = await client.GetResponseAsync(messages, options);
            Console.WriteLine($"Attempt {attempt}: the model replied:");
            Console.WriteLine(response.Text);

            // 4. The strict reader generated for SupportTicket: find the JSON, repair syntax, match drifted keys,
            //    coerce only losslessly, enforce [Range] — or refuse with errors written for the model.
            LlmResult<SupportTicket> result = info.Parse(response.Text);
            if (result.Success)
            {
                SupportTicket ticket = result.Value!;
                Console.WriteLine($"Parsed with {result.Repairs.Count} repair(s):");
                foreach (LlmRepair repair in result.Repairs)
                {
                    string change = repair.Before.Length + repair.After.Length > 0 ? $": {OneLine(repair.Before)} -> {OneLine(repair.After)}" : "";
                    Console.WriteLine($"  {repair.Kind} at {repair.Path}{change}");
                }
                Console.WriteLine();
                Console.WriteLine($"Ticket: {ticket.Category}, priority {ticket.Priority}, tags [{string.Join(", ", ticket.Tags)}], from {ticket.CustomerEmail}");
                Console.WriteLine($"Summary: {ticket.Summary}");
                return;
            }

            string feedback = string.Join("\n", result.Errors.Select(e => e.Message));
            Console.WriteLine("Refused; sending the errors back to the model:");
            Console.WriteLine(feedback);
            Console.WriteLine();
            messages.Add(response.Messages[^1]);
            messages.Add(new ChatMessage(ChatRole.User, "Your answer did not match the schema:\n" + feedback + "\nAnswer again with the corrected JSON."));
        }

        Console.WriteLine("No valid ticket after every attempt.");
    }

    /// <summary>A repair snippet on one console line: line breaks shown as \n.</summary>
    private static string OneLine(string snippet) => snippet.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
