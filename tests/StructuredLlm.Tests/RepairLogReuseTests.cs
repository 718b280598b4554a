using System.Linq;
using StructuredLlm.Json;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// The repair log is reused from one document to the next on a thread: nothing a document leaves in it (repairs past the
/// listed maximum, their kinds, an ambiguity) may reach the next document's result.
/// </summary>
public class RepairLogReuseTests
{
    [Fact]
    public void Repairs_past_the_listed_maximum_do_not_reach_the_next_document()
    {
        // 1,200 comments: more repairs than are listed, so the rest are only counted, with their kinds
        string many = "[" + string.Join(", ", Enumerable.Range(0, 1200).Select(i => i + " /* n */")) + "]";
        Assert.True(LlmJson.TryRepair(many, out _, out var manyRepairs, out var manyError), manyError?.ToString());
        Assert.Equal(1000, manyRepairs.Count);

        var onlyTrailingCommas = new LlmParseOptions { AllowedRepairs = new[] { LlmRepairKind.TrailingComma } };
        Assert.True(LlmJson.TryRepair("[1, 2,]", onlyTrailingCommas, out var json, out var repairs, out var error), error?.ToString());
        Assert.Equal("[1, 2]", json);
        Assert.Equal(LlmRepairKind.TrailingComma, Assert.Single(repairs).Kind);
    }

    [Fact]
    public void An_ambiguous_document_does_not_make_the_next_one_ambiguous()
    {
        // with single-quote delimiters, 'a',’b' is one tag ("a',’b") or two ("a", "b"): refused
        var refused = SupportTicketReader.Parse("{'category':'other','priority':4,'summary':'x','tags':['a',’b']}");
        Assert.False(refused.Success);

        var read = SupportTicketReader.Parse("{'category':'other','priority':4,'summary':'x','tags':['a','b']}");
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal(new[] { "a", "b" }, read.Value!.Tags);
    }

    [Fact]
    public void The_output_kept_with_the_log_holds_only_the_current_document()
    {
        // a long repaired document, then short ones: the kept output buffer (or its replacement) must not show the old bytes
        string big = "[" + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "'item " + i + "'")) + ",]";
        Assert.True(LlmJson.TryRepair(big, out var bigJson, out _, out var bigError), bigError?.ToString());
        Assert.EndsWith("\"item 19999\"]", bigJson);

        Assert.True(LlmJson.TryRepair("[1, 2,]", out var json, out _, out var error), error?.ToString());
        Assert.Equal("[1, 2]", json);
        var read = SupportTicketReader.Parse("{'category':'other','priority':4,'summary':'x','tags':['a',],}");
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal(new[] { "a" }, read.Value!.Tags);
    }
}
