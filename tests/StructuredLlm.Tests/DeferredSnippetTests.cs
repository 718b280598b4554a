using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StructuredLlm.Json;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// A repair record's snippets (and a renamed key's path) are made when first read, from a copy of the input the
/// document's records share: they must read the same after the caller's buffer is reused, on any thread, and at a
/// position moved to a char index.
/// </summary>
public class DeferredSnippetTests
{
    private const string Prose = "Here it is:\n{category: 'billing', // money\n \"Priority\": 2, \"summary\": \"Double charge\", \"tags\": [\"refund\",],}\nThanks!";

    [Fact]
    public void Snippets_read_after_the_callers_buffer_is_overwritten_are_those_of_the_input()
    {
        byte[] buffer = Encoding.UTF8.GetBytes(Prose);
        var result = SupportTicketReader.Parse(buffer.AsSpan());
        Assert.True(result.Success, string.Join("; ", result.Errors));
        Array.Fill(buffer, (byte)'#'); // the caller reuses its buffer before anyone looks at the records

        var comment = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.Comment);
        Assert.Contains("// money", comment.Before);
        Assert.DoesNotContain("#", comment.Before + comment.After);
        var located = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.SurroundingText);
        Assert.StartsWith("Here it is:", located.Before);
        Assert.Equal("{category: 'bill…\": [\"refund\",],}", located.After); // head and tail of the answer kept
        var comma = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.TrailingComma && r.Path == "$.tags");
        Assert.EndsWith("[\"refund\",],}", comma.Before);
        Assert.EndsWith("[\"refund\"],}", comma.After);
        var key = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.KeyNormalized);
        Assert.Equal("$.Priority", key.Path);
        Assert.Equal(("Priority", "priority"), (key.Before, key.After));
    }

    [Fact]
    public void Snippets_of_string_input_survive_the_next_parse_on_the_thread()
    {
        // string input is encoded into a pooled buffer that the next parse on this thread reuses
        var first = SupportTicketReader.Parse(Prose);
        var second = SupportTicketReader.Parse(Prose.Replace("money", "MONEY").Replace("billing", "BILLING"));
        Assert.True(first.Success && second.Success);
        Assert.Contains("// money", Assert.Single(first.Repairs, r => r.Kind == LlmRepairKind.Comment).Before);
        Assert.Contains("// MONEY", Assert.Single(second.Repairs, r => r.Kind == LlmRepairKind.Comment).Before);
    }

    [Fact]
    public void Threads_reading_one_record_at_once_see_the_same_snippets()
    {
        for (int round = 0; round < 20; round++)
        {
            var result = SupportTicketReader.Parse(Prose);
            var seen = new string[16];
            Parallel.For(0, seen.Length, i =>
            {
                var r = result.Repairs[i % result.Repairs.Count];
                seen[i] = r.Kind + "|" + r.Path + "|" + r.Before + "|" + r.After;
            });
            for (int i = 0; i < seen.Length; i++)
            {
                var r = result.Repairs[i % result.Repairs.Count];
                Assert.Equal(r.Kind + "|" + r.Path + "|" + r.Before + "|" + r.After, seen[i]);
            }
        }
    }

    [Fact]
    public void A_record_moved_to_a_char_position_keeps_its_snippets()
    {
        // non-ASCII text before the comment: the byte position is mapped to a char index, the snippets are unchanged
        string text = "Voilà — le ticket :\n{\"category\": \"billing\", /* état */ \"priority\": 2, \"summary\": \"Débit en double\", \"tags\": []}";
        var result = SupportTicketReader.Parse(text);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        var comment = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.Comment);
        Assert.Equal(text.IndexOf("/* état */", StringComparison.Ordinal), comment.Position);
        Assert.Contains("/* état */", comment.Before);
        Assert.DoesNotContain("état", comment.After);
    }

    [Fact]
    public void A_record_made_by_hand_keeps_what_it_was_given()
    {
        var r = new LlmRepair(LlmRepairKind.TrailingComma, "$.a", 3, "1,]", "1]");
        Assert.Equal(("$.a", 3, "1,]", "1]"), (r.Path, r.Position, r.Before, r.After));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LlmRepair((LlmRepairKind)300, "$", 0, "", ""));
    }

    [Fact]
    public void A_long_documents_records_show_the_same_snippets_made_at_once()
    {
        // past 16 KB a record does not keep the input alive: its snippets are made while parsing, and read the same
        string padding = new string('x', 20_000);
        string text = "Note: " + padding + "\n{category: 'billing', // money\n \"priority\": 2, \"summary\": \"Double charge\", \"tags\": [\"refund\",],}";
        byte[] buffer = Encoding.UTF8.GetBytes(text);
        var result = SupportTicketReader.Parse(buffer.AsSpan());
        Assert.True(result.Success, string.Join("; ", result.Errors));
        Array.Fill(buffer, (byte)'#');

        var comment = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.Comment);
        Assert.Contains("// money", comment.Before);
        var comma = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.TrailingComma && r.Path == "$.tags");
        Assert.EndsWith("[\"refund\",],}", comma.Before);
        var located = Assert.Single(result.Repairs, r => r.Kind == LlmRepairKind.SurroundingText);
        Assert.StartsWith("…xxxx", located.Before);
        Assert.DoesNotContain("#", string.Concat(result.Repairs.Select(r => r.Before + r.After)));
    }
}
