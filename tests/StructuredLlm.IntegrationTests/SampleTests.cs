using System;
using System.IO;
using System.Threading.Tasks;

namespace StructuredLlm.IntegrationTests;

/// <summary>
/// Runs README's main sample (samples/SupportTriage) in-process and reads what it prints: the first scripted reply is
/// refused with an error phrased for the model, the retry is parsed with its repairs listed.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class SampleTests
{
    [Fact]
    public async Task Support_triage_sample_refuses_the_lossy_reply_and_parses_the_repaired_retry()
    {
        TextWriter original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            await SupportTriage.Program.Main();
        }
        finally
        {
            Console.SetOut(original);
        }

        string output = captured.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("Schema 'SupportTicket' for SupportTicket (OpenAI strict):", output, StringComparison.Ordinal);
        Assert.Contains("\"additionalProperties\":false", output, StringComparison.Ordinal);
        Assert.Contains("Refused; sending the errors back to the model:\n$.priority: expected an integer 1..5, found \"high\"\n", output, StringComparison.Ordinal);
        Assert.Contains("KeyPartialMatch at $.ticket_category: ticket_category -> category", output, StringComparison.Ordinal);
        Assert.Contains("NumberFromString at $.priority: \"2\" -> 2", output, StringComparison.Ordinal);
        Assert.Contains("Ticket: Billing, priority 2, tags [refund, duplicate-charge], from dana@example.com", output, StringComparison.Ordinal);
        Assert.DoesNotContain("No valid ticket", output, StringComparison.Ordinal);
    }
}

/// <summary>Tests that redirect <see cref="Console.Out"/> do not run in parallel with each other.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
