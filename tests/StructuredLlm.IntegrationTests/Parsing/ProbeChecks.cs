using System;
using System.Buffers;
using System.Linq;
using System.Text;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>The checks every held-out reader probe runs on its cases (ReaderProbe24Tests, ReaderProbe25Tests).</summary>
internal static class ProbeChecks
{
    /// <summary>
    /// Reads <paramref name="input"/> and checks the result against the case: the expected value (compared with the
    /// generated <c>ValueEquals</c>) or a refusal whose errors start with the <c>|</c>-separated fragments of
    /// <paramref name="error"/>, and the repair kinds; every repair has a path and snippets, every error the
    /// `path: expected ..., found ...` form (or names the repair a strict type or <paramref name="options"/> did not allow).
    /// Then the same input as UTF-8 bytes and as sequences split everywhere must give the same result.
    /// </summary>
    internal static void Check<T>(LlmOutputInfo<T> info, string id, string input, string? expected, string repairs, string? error, LlmParseOptions? options)
    {
        var r = info.Parse(input, options);
        string got = r.Success ? "value" : "refused: " + string.Join(" | ", r.Errors.Select(e => e.Message));
        string kinds = string.Join(",", r.Repairs.Select(x => x.Kind.ToString()).Distinct().OrderBy(x => x, StringComparer.Ordinal));
        string wantKinds = string.Join(",", repairs.Split(',', StringSplitOptions.RemoveEmptyEntries).OrderBy(x => x, StringComparer.Ordinal));

        if (expected is { } expectedJson)
        {
            Assert.True(r.Success, id + ": expected a value, got " + got);
            var want = info.Parse(expectedJson, LlmParseOptions.StrictDefault);
            Assert.True(want.Success && want.Repairs.Count == 0, id + ": the expectation is not clean JSON: " + string.Join("; ", want.Errors));
            Assert.True(info.ValueEquals(r.Value, want.Value), id + ": read " + r.Value + " where " + want.Value + " was expected");
        }
        else
        {
            Assert.False(r.Success, id + ": expected a refusal, got " + r.Value + " (repairs " + kinds + ")");
            var fragments = error!.Split(" | ");
            Assert.True(fragments.Length == r.Errors.Count && fragments.All(f => r.Errors.Any(e => e.Message.StartsWith(f, StringComparison.Ordinal))),
                id + ": expected errors [" + error + "], got " + got);
        }

        if (expected is not null || repairs.Length > 0)
        {
            Assert.True(wantKinds == kinds, id + ": expected repairs [" + wantKinds + "], got [" + kinds + "]");
        }

        // Every repair has a path and snippets; every error reads `$...: expected ..., found ...`.
        Assert.All(r.Repairs, x => Assert.True(x.Path.StartsWith('$') && x.Before.Length > 0 && x.After.Length > 0, id + ": repair " + x));
        Assert.All(r.Errors, e => Assert.True(e.Path.StartsWith('$') && e.Message.StartsWith(e.Path + ": ", StringComparison.Ordinal)
            && (e.Message.Contains("needs a repair that is not allowed", StringComparison.Ordinal) || e.Message == e.Path + ": expected " + e.Expected + ", found " + e.Found), id + ": " + e.Message));

        SameFromBytes(info, id, input, r, options);
    }

    /// <summary>The same input as UTF-8 bytes, and as a sequence split at every position: the same result.</summary>
    private static void SameFromBytes<T>(LlmOutputInfo<T> info, string id, string input, LlmResult<T> fromString, LlmParseOptions? options)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        bool ascii = utf8.Length == input.Length;
        string Describe(LlmResult<T> x) =>
            x.Success + "\n" + string.Join("\n", x.Errors.Select(e => e.Message)) + "\n" + string.Join("\n", x.UnknownMembers) + "\n"
            + string.Join("\n", x.Repairs.Select(p => p.Kind + " " + p.Path + " " + (ascii ? p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") + " " + p.Before + " -> " + p.After));
        string reference = Describe(fromString);

        var fromSpan = info.Parse(utf8.AsSpan(), options);
        Assert.True(reference == Describe(fromSpan), id + ": span differs:\n" + reference + "\n---\n" + Describe(fromSpan));
        Assert.True(!fromString.Success || info.ValueEquals(fromString.Value, fromSpan.Value), id + ": span value differs");

        for (int split = 1; split < utf8.Length; split++)
        {
            var first = new ReaderBehaviourTests.Segment(utf8.AsMemory(0, split));
            var last = first.Append(utf8.AsMemory(split));
            var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
            var fromSequence = info.Parse(in sequence, options);
            string d = Describe(fromSequence);
            Assert.True(reference == d, id + ": sequence split at " + split + " differs:\n" + reference + "\n---\n" + d);
            Assert.True(!fromString.Success || info.ValueEquals(fromString.Value, fromSequence.Value), id + ": sequence value differs at " + split);
        }

        ReaderBehaviourTests.Segment head = new(utf8.AsMemory(0, Math.Min(1, utf8.Length)));
        ReaderBehaviourTests.Segment tail = head;
        for (int i = 1; i < utf8.Length; i++) tail = tail.Append(utf8.AsMemory(i, 1));
        var bytewise = info.Parse(new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length), options);
        Assert.True(reference == Describe(bytewise), id + ": one-byte segments differ");
    }
}
