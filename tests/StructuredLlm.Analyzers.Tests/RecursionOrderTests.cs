using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>
/// A summary built inside a recursion (while a caller on the cycle is still being summarised) lacks what that caller
/// adds; it must not be reused where the caller is not in progress, or findings depend on the order blocks are analyzed.
/// </summary>
public class RecursionOrderTests
{
    private const string Cycle = """
        public static class R
        {
            // A returns a source or what B returns; B returns what A returns: both return the source.
            public static string A(bool stop) => stop ? (Console.ReadLine() ?? "") : B();
            public static string B() => A(true);
            public static string Mid() => B();
        }
        """;

    [Fact]
    public Task A_callee_summarised_inside_a_cycle_is_complete_when_reached_from_elsewhere() =>
        Verify.AnalyzerAsync(Verify.Usings + Cycle + """

            public class C
            {
                ChatHistory history = new();
                // analyzed first: summarises A, and B inside it while A is in progress
                public void First() => history.AddSystemMessage({|SLLM1001:R.A(false)|});
                // then B is reached through Mid at the same depth: its summary must still carry A's source
                public void Second() => history.AddSystemMessage({|SLLM1001:R.Mid()|});
            }
            """);
}
