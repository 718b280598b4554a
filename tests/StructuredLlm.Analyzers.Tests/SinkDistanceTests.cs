using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StructuredLlm.Analyzers.Taint;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// The sink index counts the calls from a body to the nearest sink key, so that the pre-scan can drop a block whose
/// nearest sink is deeper than the walk follows calls. The count must be the shortest one whatever order questions come
/// in (a longer one would drop blocks the walk reports), and the end-to-end boundary must match the walk's depth.
/// </summary>
public class SinkDistanceTests
{
    private const string Chain = """
        public static class S
        {
            public static void Direct(ChatHistory history, string s) => history.AddSystemMessage(s);
            public static void C1(ChatHistory history, string s) => Direct(history, s);
            public static void C2(ChatHistory history, string s) => C1(history, s);
            public static void C3(ChatHistory history, string s) => C2(history, s);
            public static void C4(ChatHistory history, string s) => C3(history, s);
            public static void LongAndShort(ChatHistory history, string s) { C4(history, s); Direct(history, s); }
            public static void ViaLongAndShort(ChatHistory history, string s) => LongAndShort(history, s);
            public static void Cycle(ChatHistory history, string s) { Cycle2(history, s); C2(history, s); }
            public static void Cycle2(ChatHistory history, string s) => Cycle(history, s);
            public static int Unrelated(int n) => n < 1 ? 0 : Unrelated2(n - 1);
            public static int Unrelated2(int n) => Unrelated(n);
        }
        """;

    private static readonly Dictionary<string, int> Expected = new()
    {
        ["Direct"] = 0,
        ["C1"] = 1,
        ["C2"] = 2,
        ["C3"] = 3,
        ["C4"] = 4,
        ["LongAndShort"] = 1,
        ["ViaLongAndShort"] = 2,
        ["Cycle"] = 3,
        ["Cycle2"] = 4,
        ["Unrelated"] = SinkIndex.Unreachable,
        ["Unrelated2"] = SinkIndex.Unreachable,
    };

    public static TheoryData<string> Orders()
    {
        // Each order asks one method first, so its search fills the cache the later questions start from.
        var data = new TheoryData<string>();
        foreach (var first in Expected.Keys)
        {
            data.Add(first);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Calls_to_the_nearest_sink_are_counted_in_any_order(string first)
    {
        var (index, declarations) = ReceiverKeyTests.Build(Verify.Usings + Chain, TestReferences.All);
        Assert.True(index.IsEnabled);
        var order = new[] { first }.Concat(Expected.Keys.Where(k => k != first)).Concat(Expected.Keys.Reverse()).ToList();

        // Questions that allow few calls first, in every order, then the counts themselves.
        foreach (var maxCalls in new[] { 0, 2, 1, 3, SinkIndex.Unreachable - 1 })
        {
            foreach (var method in order)
            {
                var declaration = declarations.Single(d => d.Identifier.ValueText == method);
                Assert.True(
                    (Expected[method] <= maxCalls) == index.MayReachSink(declaration, maxCalls),
                    $"{method} after {first}, at most {maxCalls} calls: expected {Expected[method]}");
            }
        }

        foreach (var method in order)
        {
            Assert.Equal(Expected[method], index.CallsToSink(declarations.Single(d => d.Identifier.ValueText == method)));
        }
    }

    /// <summary>
    /// The walk follows calls as deep as the option says: a sink exactly that many calls from the block is reported, one
    /// more is not (the block calls <c>S.Direct</c>, one call, whose body holds the sink; <c>S.C1</c> is two calls).
    /// </summary>
    [Theory]
    [InlineData(1, "Direct", true)]
    [InlineData(1, "C1", false)]
    [InlineData(2, "C1", true)]
    [InlineData(2, "C2", false)]
    [InlineData(3, "C2", true)]
    [InlineData(3, "C3", false)]
    [InlineData(2, "LongAndShort", true)]
    [InlineData(1, "LongAndShort", false)]
    [InlineData(3, "ViaLongAndShort", true)]
    [InlineData(2, "ViaLongAndShort", false)]
    public async Task A_sink_is_found_as_deep_as_the_walk_follows_calls(int depth, string method, bool found)
    {
        var source = FlowTests.Code($"S.{method}(history, q);") + "\n" + Chain;
        var diagnostics = await Verify.RunAsync(source, globalConfig: $"structuredllm.prompt_injection.interprocedural_depth = {depth}");
        Assert.Equal(found ? 1 : 0, diagnostics.Count(d => d.Id == "SLLM1001"));
    }

    /// <summary>
    /// A summary built one level short of a sink (<c>W</c>'s, through <c>X</c>: both return a value, so both are
    /// summarised, and <c>Mid</c>'s sink is out of reach there) skips that callee for its depth only: <c>W</c> asked at
    /// full depth right after is summarised again and reported.
    /// </summary>
    [Fact]
    public async Task A_callee_skipped_for_depth_is_not_skipped_at_a_deeper_question()
    {
        const string helpers = """
            public static class Deep
            {
                public static void Direct(ChatHistory history, string s) => history.AddSystemMessage(s);
                public static void Mid(ChatHistory history, string s) => Direct(history, s);
                public static string W(ChatHistory history, string s) { Mid(history, s); return "done"; }
                public static string X(ChatHistory history, string s) => W(history, s);
            }
            """;
        var source = FlowTests.Code("Deep.X(history, q); Deep.W(history, q);") + "\n" + helpers;
        var diagnostic = Assert.Single(await Verify.RunAsync(source), d => d.Id == "SLLM1001");
        Assert.Contains("through 'W → Mid → Direct'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
