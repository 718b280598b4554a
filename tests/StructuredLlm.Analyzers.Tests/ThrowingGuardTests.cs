using System.Threading.Tasks;
using StructuredLlm.Analyzers.Tests.Infrastructure;

namespace StructuredLlm.Analyzers.Tests;

/// <summary>An allow-list check that throws (in a helper of the compilation or through a throw helper) guards what follows it.</summary>
public class ThrowingGuardTests
{
    private const string Members = """
        static readonly HashSet<string> Allowed = new() { "short", "long" };
        static void ValidateMode(string mode) { if (mode is not ("short" or "long")) throw new ArgumentException("bad mode", nameof(mode)); }
        static void ValidateListed(string mode) { if (!Allowed.Contains(mode)) { throw new ArgumentOutOfRangeException(nameof(mode)); } }
        static void Check(string mode) { switch (mode) { case "short": case "long": return; default: throw new ArgumentException(nameof(mode)); } }
        static void ValidateLoose(string mode) { if (mode.Contains("x")) throw new ArgumentException(nameof(mode)); }
        static void Log(string mode) { if (mode is not ("short" or "long")) Console.WriteLine("odd"); }
        static void ValidateNotEmpty(string mode) { ArgumentException.ThrowIfNullOrWhiteSpace(mode); if (!Allowed.Contains(mode)) throw new ArgumentException(nameof(mode)); }
        static void ValidateAfterLog(string mode) { Console.WriteLine(mode); if (mode is not "short") throw new ArgumentException(nameof(mode)); }
        static void ValidateAfterReturn(string mode) { if (mode.Length == 0) return; if (mode is not "short") throw new ArgumentException(nameof(mode)); }
        virtual protected void ValidateVirtual(string mode) { if (mode is not ("short" or "long")) throw new ArgumentException(nameof(mode)); }
        """;

    [Theory]
    [InlineData("ValidateMode(q); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("ValidateListed(q); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("Check(q); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("ValidateNotEmpty(q); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("ValidateAfterLog(q); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("ArgumentOutOfRangeException.ThrowIfNotEqual(q, \"short\"); history.AddSystemMessage(\"Mode: \" + q);")]
    [InlineData("if (!Allowed.Contains(q)) throw new ArgumentOutOfRangeException(nameof(q)); history.AddSystemMessage(\"Mode: \" + q);")]
    public Task The_value_is_clean_after_the_check(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));

    [Theory]
    [InlineData("history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|}); ValidateMode(q);")]
    [InlineData("ValidateLoose(q); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("Log(q); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("ValidateAfterReturn(q); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("ValidateVirtual(q); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("ValidateMode(ticket.Subject); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("ArgumentOutOfRangeException.ThrowIfEqual(q, \"short\"); history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    [InlineData("ValidateMode(q); q = ticket.Body; history.AddSystemMessage({|SLLM1001:\"Mode: \" + q|});")]
    public Task Anything_else_keeps_the_taint(string body) =>
        Verify.AnalyzerAsync(FlowTests.Code(body, Members));
}
