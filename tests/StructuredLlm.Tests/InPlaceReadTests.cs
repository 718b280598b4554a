using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using StructuredLlm.Json;
using StructuredLlm.Tests.Corpus;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// A candidate that is strict JSON but for a Markdown fence and trailing commas is read where it stands, not repaired and
/// read again. That is a shortcut only: the value, the errors and the syntax records must be those the repair gives
/// (compared here with the repair forced for the same input); only the typed read's own records gain a position in the
/// input, which the repaired copy could not give them.
/// </summary>
public class InPlaceReadTests
{
    private static LlmResult<T> RepairOnly<T>(Func<LlmResult<T>> parse)
    {
        LlmParser.t_repairOnly = true;
        try
        {
            return parse();
        }
        finally
        {
            LlmParser.t_repairOnly = false;
        }
    }

    /// <summary>Asserts that the in-place result is the repair's, record for record.</summary>
    private static void AssertSame<T>(LlmResult<T> repaired, LlmResult<T> inPlace, string input)
    {
        string because = "input: " + input;
        Assert.True(repaired.Success == inPlace.Success, because);
        Assert.True(JsonSerializer.Serialize(repaired.Value, CorpusTests.Canonical) == JsonSerializer.Serialize(inPlace.Value, CorpusTests.Canonical), because);
        Assert.True(string.Join("\n", repaired.Errors) == string.Join("\n", inPlace.Errors), because + "\nrepaired: " + string.Join("; ", repaired.Errors) + "\nin place: " + string.Join("; ", inPlace.Errors));
        Assert.True(repaired.Repairs.Count == inPlace.Repairs.Count,
            because + "\nrepaired:\n" + string.Join("\n", repaired.Repairs) + "\nin place:\n" + string.Join("\n", inPlace.Repairs));
        for (int k = 0; k < repaired.Repairs.Count; k++)
        {
            var a = repaired.Repairs[k];
            var b = inPlace.Repairs[k];
            Assert.True(a.Kind == b.Kind && a.Path == b.Path, because + $"\n#{k}: {a}\n    vs {b}");
            if (a.Position >= 0)
            {
                // a syntax record (or a located one): everything the same
                Assert.True(a.Equals(b), because + $"\n#{k}: {a}\n    vs {b}");
            }
        }
        Assert.Equal(repaired.UnknownMembers, inPlace.UnknownMembers);
    }

    [Fact]
    public void Every_corpus_output_reads_as_the_repair_reads_it()
    {
        foreach (var c in CorpusTests.Load())
        {
            switch (c.Schema)
            {
                case "SupportTicket":
                    AssertSame(RepairOnly(() => SupportTicketReader.Parse(c.Input)), SupportTicketReader.Parse(c.Input), c.Id);
                    AssertSame(RepairOnly(() => SupportTicketReader.Parse(Encoding.UTF8.GetBytes(c.Input))), SupportTicketReader.Parse(Encoding.UTF8.GetBytes(c.Input)), c.Id);
                    break;
                case "Invoice":
                    AssertSame(RepairOnly(() => InvoiceReader.Parse(c.Input)), InvoiceReader.Parse(c.Input), c.Id);
                    break;
                case "Sentiment":
                    AssertSame(RepairOnly(() => SentimentReader.Parse(c.Input)), SentimentReader.Parse(c.Input), c.Id);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"Double charge\", \"tags\": [\"refund\",],}\n```")]
    [InlineData("```\n[{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [],},]\n```")]
    [InlineData("````json title=\"t.json\"\n{\"wrapper\": {\"category\": \"BILLING\", \"priority\": \"2\", \"summary\": \"x\", \"tags\": [\"a\",\"b\",],},}\n````")]
    [InlineData("{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [],}\n```")] // closing fence only
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 9, \"summary\": \"out of range\", \"tags\": [],}\n```")] // refused: same errors
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [\"a\",,],}\n```")] // not JSON with trailing commas: repaired
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [],}\n{\"category\": \"sales\"}\n```")] // two values
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [], \"customerEmail\": \"a@b.co\",\n```")] // cut off
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [], \"k\\\"e\\u0079\": {\"a b\": [1,],},}\n```")] // escaped and spaced keys in paths
    [InlineData("```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x, \\\"y\\\" [z],\", \"tags\": [\"[\",\"{,\",],}\n```")] // brackets and commas in strings
    public void Fenced_outputs_with_trailing_commas_read_as_the_repair_reads_them(string input)
    {
        AssertSame(RepairOnly(() => SupportTicketReader.Parse(input)), SupportTicketReader.Parse(input), input);
        var utf8 = Encoding.UTF8.GetBytes(input);
        AssertSame(RepairOnly(() => SupportTicketReader.Parse(utf8)), SupportTicketReader.Parse(utf8), input);
    }

    [Fact]
    public void Paths_of_trailing_commas_name_their_containers()
    {
        string input = "```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [\"a\",], \"x\": [[1,], {\"key\": [2,],},],}\n```";
        var result = SupportTicketReader.Parse(input);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        var commas = result.Repairs.Where(r => r.Kind == LlmRepairKind.TrailingComma).ToList();
        Assert.Equal(new[] { "$.tags", "$.x[0]", "$.x[1].key", "$.x[1]", "$.x", "$" }, commas.Select(r => r.Path));
        Assert.All(commas, r => Assert.Equal(',', input[r.Position]));
        var fences = result.Repairs.Where(r => r.Kind == LlmRepairKind.MarkdownFence).ToList();
        Assert.Equal(new[] { 0, input.LastIndexOf("```", StringComparison.Ordinal) }, fences.Select(r => r.Position));
    }

    [Fact]
    public void The_typed_reads_records_point_into_the_input()
    {
        // read in place, the enum's coercion has the position of the value as written; from a repaired copy it has none
        string input = "```json\n{\"category\": \"BILLING\", \"priority\": 2, \"summary\": \"x\", \"tags\": [\"a\",],}\n```";
        var inPlace = Assert.Single(SupportTicketReader.Parse(input).Repairs, r => r.Kind == LlmRepairKind.EnumNormalized);
        Assert.Equal(input.IndexOf("\"BILLING\"", StringComparison.Ordinal), inPlace.Position);
        var repaired = Assert.Single(RepairOnly(() => SupportTicketReader.Parse(input)).Repairs, r => r.Kind == LlmRepairKind.EnumNormalized);
        Assert.Equal(-1, repaired.Position);
    }

    [Fact]
    public void Strict_options_refuse_the_fence_or_the_comma_as_the_repair_does()
    {
        string input = "```json\n{\"category\": \"billing\", \"priority\": 2, \"summary\": \"x\", \"tags\": [\"a\",],}\n```";
        foreach (var options in new[]
                 {
                     new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.MarkdownFence } },
                     new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.TrailingComma } },
                     new LlmParseOptions { Strict = true },
                 })
        {
            var inPlace = SupportTicketReader.Parse(input, options);
            Assert.False(inPlace.Success);
            AssertSame(RepairOnly(() => SupportTicketReader.Parse(input, options)), inPlace, input);
        }
    }

    /// <summary>Random tickets, written with random spacing, trailing commas after any container's last item, and a fence or not.</summary>
    [Fact]
    public void Random_fenced_json_with_trailing_commas_reads_as_the_repair_reads_it()
    {
        var ticket = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 7], Gen.String[Gen.Char["ab ,[]{}\"\\:é"], 0, 12], Gen.String[Gen.Char["xy,]\"\\"], 0, 5].Array[0, 4], Gen.Bool)
            .Select((c, p, s, tags, email) => new SupportTicket((Category)c, p, s, tags, email ? "a@b.co" : null));
        var layout = Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.UInt);
        Gen.Select(ticket, layout).Sample((t, l) =>
        {
            var (fence, indent, pascal, commas) = l;
            string json = JsonSerializer.Serialize(t, new JsonSerializerOptions(CorpusTests.Canonical) { WriteIndented = indent });
            if (pascal) json = json.Replace("\"priority\"", "\"Priority\"");
            json = AddTrailingCommas(json, commas);
            string input = fence switch { 0 => json, 1 => "```json\n" + json + "\n```", _ => "````\n" + json + "````\n" };
            AssertSame(RepairOnly(() => SupportTicketReader.Parse(input)), SupportTicketReader.Parse(input), input);
        }, iter: 400);
    }

    /// <summary>Random invoices (an array of objects: commas inside nested containers), written the same ways.</summary>
    [Fact]
    public void Random_fenced_invoices_with_trailing_commas_read_as_the_repair_reads_them()
    {
        var item = Gen.Select(Gen.String[Gen.Char["ab ,]}"], 0, 6], Gen.Int[0, 3], Gen.Int[0, 500])
            .Select((d, q, p) => new LineItem(d, q, p / 4m));
        var invoice = Gen.Select(Gen.Int[0, 99], item.Array[0, 4], Gen.Bool)
            .Select((n, items, notes) => new Invoice((n % 7 == 0 ? "X-" : "INV-") + n, "EUR", items, items.Sum(i => i.Quantity * i.UnitPrice), null, notes ? "n," : null));
        Gen.Select(invoice, Gen.Int[0, 2], Gen.Bool, Gen.UInt).Sample((x, fence, indent, commas) =>
        {
            string json = AddTrailingCommas(JsonSerializer.Serialize(x, new JsonSerializerOptions(CorpusTests.Canonical) { WriteIndented = indent }), commas);
            string input = fence switch { 0 => json, 1 => "```json\n" + json + "\n```", _ => "```\n" + json + "```" };
            AssertSame(RepairOnly(() => InvoiceReader.Parse(input)), InvoiceReader.Parse(input), input);
        }, iter: 400);
    }

    /// <summary>A comma before the closing bracket of each container chosen by the bits of <paramref name="which"/>.</summary>
    private static string AddTrailingCommas(string json, uint which)
    {
        var sb = new StringBuilder();
        bool inString = false, escaped = false;
        int container = 0;
        char lastNonWs = ' ';
        foreach (char ch in json)
        {
            if (inString)
            {
                sb.Append(ch);
                if (escaped) escaped = false;
                else if (ch == '\\') escaped = true;
                else if (ch == '"') inString = false;
                lastNonWs = ch;
                continue;
            }
            if (ch is ']' or '}')
            {
                if (lastNonWs is not ('[' or '{') && (which >> (container++ % 32) & 1) != 0) sb.Append(',');
            }
            if (ch == '"') inString = true;
            sb.Append(ch);
            if (!char.IsWhiteSpace(ch)) lastNonWs = ch;
        }
        return sb.ToString();
    }
}
