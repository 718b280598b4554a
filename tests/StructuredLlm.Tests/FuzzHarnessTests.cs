using System;
using System.IO;
using System.Linq;
using System.Text;
using StructuredLlm.Fuzz;

namespace StructuredLlm.Tests;

/// <summary>
/// The SharpFuzz harness (tests/StructuredLlm.Fuzz) is only run by hand for long campaigns; these tests replay its
/// seed corpus and a few hostile inputs through the same target, so a change that breaks the harness or one of the
/// invariants it checks fails here first.
/// </summary>
public class FuzzHarnessTests
{
    private static string Seeds => Path.Combine(TestPaths.RepoRoot, "tests", "StructuredLlm.Fuzz", "Seeds");

    [Fact]
    public void Seed_corpus_replays_through_the_fuzz_target()
    {
        var files = Directory.GetFiles(Seeds);
        Assert.True(files.Length >= 10, $"only {files.Length} seeds in {Seeds}");
        var log = new StringWriter();
        var failed = LlmFuzzTarget.Replay(Seeds, log);
        Assert.True(failed.Count == 0, log.ToString());
        Assert.Contains($"{files.Length}/{files.Length} inputs passed", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_inputs_only_give_results()
    {
        byte[][] inputs =
        {
            Array.Empty<byte>(),
            new byte[] { 0xEF, 0xBB, 0xBF },
            new byte[] { 0xFF, 0xFE, (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, // invalid UTF-8
            Encoding.UTF8.GetBytes(new string('[', 100_000)),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 20_000))),
            Encoding.UTF8.GetBytes("```json\n{\"category\": \"billing\", \"priority\": 3, \"summary\": \"s\", \"tags\": [\"a\",],}\n```"),
        };
        foreach (var input in inputs) LlmFuzzTarget.Run(input);
    }

    [Fact]
    public void Replay_runs_every_file_of_a_directory()
    {
        // valid and invalid outputs alike: each is a result, never an exception from the target
        var dir = Directory.CreateTempSubdirectory("llm-fuzz-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a-ok"), "{\"label\": \"positive\", \"confidence\": 0.9, \"sarcastic\": false}");
            File.WriteAllText(Path.Combine(dir.FullName, "b-ok"), "not json at all");
            var log = new StringWriter();
            Assert.Empty(LlmFuzzTarget.Replay(dir.FullName, log));
            Assert.Contains("2/2 inputs passed", log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
