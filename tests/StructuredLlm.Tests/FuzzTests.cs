using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using StructuredLlm.Json;
using StructuredLlm.Tests.Corpus;
using StructuredLlm.Tests.Readers;

namespace StructuredLlm.Tests;

/// <summary>
/// Fixed-seed, time-bounded fuzzing. Invariants: every call returns a result or throws the documented
/// <see cref="LlmParseException"/> (Repair / ParseOrThrow) and nothing else; text returned by Repair is always
/// strict JSON; nothing hangs. <see cref="FuzzTarget.Run"/> is the entry point for longer SharpFuzz runs.
/// </summary>
public class FuzzTests
{
    private const string Alphabet = "{}[]\"':,.-+0123456789eEtrufalsnTFNoneundefi \n\t\r\\/*#`abcxyz\u201c\u201d\u2018\u2019\u00a0é€😀<>()";

    [Fact]
    public async Task Fixed_seed_fuzz_returns_a_result_or_the_documented_exception_and_never_hangs()
    {
        // CI: fixed seed, 15 s. Longer local runs: STRUCTUREDLLM_FUZZ_SEED=<int> STRUCTUREDLLM_FUZZ_SECONDS=<int>.
        int seed = int.TryParse(Environment.GetEnvironmentVariable("STRUCTUREDLLM_FUZZ_SEED"), out var s) ? s : 20261127;
        var budget = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("STRUCTUREDLLM_FUZZ_SECONDS"), out var sec) ? sec : 15);
        var seeds = CorpusTests.Load().Select(c => c.Input).Where(s => s.Length < 4000).ToArray();
        int runs = 0;
        var slowest = TimeSpan.Zero;
        string slowestInput = "";
        var task = Task.Run(() =>
        {
            var rng = new Random(seed);
            var total = Stopwatch.StartNew();
            while (total.Elapsed < budget)
            {
                string input = (rng.Next(4)) switch
                {
                    0 => RandomText(rng, rng.Next(0, 300)),
                    1 => Mutate(rng, seeds[rng.Next(seeds.Length)]),
                    2 => Mutate(rng, Mutate(rng, seeds[rng.Next(seeds.Length)])),
                    _ => Cut(rng, seeds[rng.Next(seeds.Length)]),
                };
                var one = Stopwatch.StartNew();
                try
                {
                    FuzzTarget.Run(input);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    throw new InvalidOperationException("fuzz input " + JsonSerializer.Serialize(input) + " failed: " + ex.Message, ex);
                }
                if (rng.Next(8) == 0) FuzzTarget.Run(RandomBytes(rng, rng.Next(0, 200)));
                one.Stop();
                if (one.Elapsed > slowest)
                {
                    slowest = one.Elapsed;
                    slowestInput = input;
                }
                runs++;
            }
        }, TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(task, Task.Delay(budget + TimeSpan.FromSeconds(45), TestContext.Current.CancellationToken));
        Assert.True(finished == task, "fuzz run hung (seed " + seed + ")");
        await task;
        TestContext.Current.TestOutputHelper?.WriteLine($"{runs} inputs, slowest {slowest.TotalMilliseconds:F1} ms");
        Assert.True(runs > 1000, "too few fuzz runs: " + runs);
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"slow input ({slowest.TotalMilliseconds} ms): {slowestInput}");
    }

    [Theory]
    [InlineData("deep-arrays")]
    [InlineData("deep-objects")]
    [InlineData("deep-unclosed-mixed")]
    public void Depth_100000_gives_a_clean_error(string shape)
    {
        var text = shape switch
        {
            "deep-arrays" => new string('[', 100_000) + "1" + new string(']', 100_000),
            "deep-objects" => string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000),
            _ => string.Concat(Enumerable.Repeat("[{'a':", 100_000)),
        };
        Assert.False(LlmJson.TryRepair(text, out _, out _, out var error));
        Assert.Contains("nest", error!.Message, StringComparison.Ordinal);
        var ex = Assert.Throws<LlmParseException>(() => LlmJson.Repair(text));
        Assert.Equal(text, ex.RawText);
        Assert.False(SupportTicketReader.Parse(text).Success);
        Assert.False(LlmParser.Parse<SupportTicket>(Encoding.UTF8.GetBytes(text), SupportTicketReader.Read).Success);
    }

    [Theory]
    [InlineData("unclosed-strings")]
    [InlineData("comma-runs")]
    [InlineData("inner-quotes")]
    [InlineData("brackets-in-prose")]
    [InlineData("comments")]
    public void Adversarial_inputs_scale_linearly(string shape)
    {
        string Make(int n) => shape switch
        {
            "unclosed-strings" => "[" + string.Concat(Enumerable.Repeat("\"ab, ", n)),
            "comma-runs" => "[" + new string(',', n * 5) + "1]",
            "inner-quotes" => "{\"a\": \"" + string.Concat(Enumerable.Repeat("x\" y ", n)) + "\"}",
            "brackets-in-prose" => string.Concat(Enumerable.Repeat("see [note] and {x} ", n / 3)),
            _ => "{" + string.Concat(Enumerable.Repeat("/* c */ // d\n", n / 2)) + "\"a\": 1}",
        };
        // warm up, then time 20 KB against 200 KB: time per byte may grow at most 3x (a quadratic pass grows 10x)
        Run(Make(2000));
        double small = Time(Make(4000)), large = Time(Make(40000));
        Assert.True(large < small * 10 * 3 + 20, $"{shape}: 10x input took {large:F1} ms vs {small:F1} ms");

        static double Time(string s)
        {
            var sw = Stopwatch.StartNew();
            for (int k = 0; k < 3; k++) Run(s);
            return sw.Elapsed.TotalMilliseconds / 3;
        }

        static void Run(string s)
        {
            LlmJson.TryRepair(s, out _, out _, out _);
            SupportTicketReader.Parse(s);
        }
    }

    private static string RandomText(Random rng, int length)
    {
        var sb = new StringBuilder(length);
        var elements = new List<string>(new System.Globalization.StringInfo(Alphabet).LengthInTextElements);
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(Alphabet);
        while (e.MoveNext()) elements.Add((string)e.Current);
        for (int i = 0; i < length; i++) sb.Append(elements[rng.Next(elements.Count)]);
        return sb.ToString();
    }

    private static string Cut(Random rng, string s)
    {
        int at = rng.Next(s.Length + 1);
        if (at > 0 && at < s.Length && char.IsLowSurrogate(s[at])) at--;
        return s.Substring(0, at);
    }

    private static byte[] RandomBytes(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }

    private static string Mutate(Random rng, string s)
    {
        var sb = new StringBuilder(s);
        int edits = rng.Next(1, 6);
        for (int k = 0; k < edits; k++)
        {
            int at = sb.Length == 0 ? 0 : rng.Next(sb.Length);
            if (char.IsLowSurrogate(at < sb.Length ? sb[at] : 'a')) at--;
            switch (rng.Next(4))
            {
                case 0:
                    sb.Insert(at, RandomText(rng, rng.Next(1, 4)));
                    break;
                case 1:
                    if (sb.Length > 0 && !char.IsSurrogate(sb[at])) sb.Remove(at, 1);
                    break;
                case 2:
                    if (sb.Length > 0 && !char.IsSurrogate(sb[at])) sb[at] = "{}[]\",:'"[rng.Next(8)];
                    break;
                default:
                    sb.Length = at;
                    break;
            }
        }
        return sb.ToString();
    }
}

/// <summary>The fuzz entry point: every public parse API on one input, checking the documented contract.</summary>
public static class FuzzTarget
{
    public static void Run(string input)
    {
        if (LlmJson.TryRepair(input, out var json, out var repairs, out var error))
        {
            Assert.Null(error);
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = LlmParseOptions.MaxSupportedDepth + 1 });
            foreach (var r in repairs) Assert.InRange(r.Position, -1, input.Length);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Throws<LlmParseException>(() => LlmJson.Repair(input));
        }

        Check(SupportTicketReader.Parse(input), input.Length);
        Check(InvoiceReader.Parse(input), input.Length);
        Check(SentimentReader.Parse(input), input.Length);
        Check(SupportTicketReader.Parse(input, LlmParseOptions.StrictDefault), input.Length);
        try
        {
            SupportTicketReader.ParseOrThrow(input);
        }
        catch (LlmParseException ex)
        {
            Assert.Equal(input, ex.RawText);
        }
    }

    public static void Run(byte[] utf8)
    {
        Check(SupportTicketReader.Parse(utf8.AsSpan()), utf8.Length);
        Check(LlmParser.Parse<Invoice>(utf8, InvoiceReader.Read), utf8.Length);
    }

    private static void Check<T>(LlmResult<T> r, int length)
    {
        if (r.Success)
        {
            Assert.NotNull(r.Value);
            Assert.Empty(r.Errors);
        }
        else
        {
            Assert.NotEmpty(r.Errors);
            Assert.NotNull(r.RawText);
        }
        foreach (var x in r.Repairs) Assert.True(x.Position >= -1 && x.Position <= length, $"{x} outside 0..{length}");
    }
}
