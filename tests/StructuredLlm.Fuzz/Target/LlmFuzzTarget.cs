using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using StructuredLlm.Json;

namespace StructuredLlm.Fuzz;

/// <summary>Thrown when the parser broke one of its promises on an input: the fuzzer records it as a crash.</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException(string message) : base(message) { }
}

/// <summary>
/// The fuzz target: one input through every parser entry point. The parser may only return a result or throw
/// <see cref="LlmParseException"/> from the throwing variants; any other exception escapes (a crash for the fuzzer), and
/// so does a broken invariant (<see cref="FuzzInvariantException"/>): repaired text that is not strict JSON, a success
/// without a value, a refusal without errors, a repair record with an empty snippet or a position outside the input.
/// </summary>
public static class LlmFuzzTarget
{
    /// <summary>Runs one input, as UTF-8 bytes (possibly invalid) and as the string those bytes decode to.</summary>
    public static void Run(ReadOnlySpan<byte> data)
    {
        // bytes as given: span, a two-segment sequence, untyped
        Check(SupportTicket.LlmInfo.Parse(data), data.Length);
        Check(Invoice.LlmInfo.Parse(data), data.Length);
        Check(Sentiment.LlmInfo.ParseUntyped(data), data.Length);
        byte[] copy = data.ToArray();
        var sequence = TwoSegments(copy);
        Check(SupportTicket.LlmInfo.Parse(in sequence), copy.Length);
        Check(Invoice.LlmInfo.ParseUntyped(in sequence), copy.Length);
        Throwing(() => SupportTicket.LlmInfo.ParseOrThrow(copy.AsSpan()));

        // the same input as text
        string text = Encoding.UTF8.GetString(copy);
        Run(text);
    }

    /// <summary>Runs one text input through the schema-less repair and the typed readers.</summary>
    public static void Run(string text)
    {
        if (LlmJson.TryRepair(text, out var json, out var repairs, out var error))
        {
            if (error is not null) throw new FuzzInvariantException("TryRepair succeeded with an error: " + error);
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = LlmParseOptions.MaxSupportedDepth + 1 });
            }
            catch (JsonException ex)
            {
                throw new FuzzInvariantException("repaired text is not strict JSON: " + ex.Message + "\n" + json);
            }
            CheckRepairs(repairs, text.Length);
            if (LlmJson.Repair(text) != json) throw new FuzzInvariantException("Repair and TryRepair disagree");
        }
        else
        {
            if (error is null) throw new FuzzInvariantException("TryRepair failed without an error");
            Throwing(() => LlmJson.Repair(text));
        }

        Check(SupportTicket.LlmInfo.Parse(text), text.Length);
        Check(Invoice.LlmInfo.Parse(text), text.Length);
        Check(Sentiment.LlmInfo.Parse(text), text.Length);
        Check(SupportTicket.LlmInfo.Parse(text, LlmParseOptions.StrictDefault), text.Length);
        Check(Invoice.LlmInfo.ParseUntyped(text), text.Length);
        Throwing(() => Sentiment.LlmInfo.ParseOrThrow(text));
    }

    /// <summary>
    /// Runs every file of <paramref name="directory"/> (sorted by name) through <see cref="Run(ReadOnlySpan{byte})"/>
    /// without a fuzzer; writes each failure to <paramref name="log"/>. Returns the files that failed.
    /// </summary>
    public static IReadOnlyList<string> Replay(string directory, TextWriter log)
    {
        var failed = new List<string>();
        var files = Directory.GetFiles(directory).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            try
            {
                Run(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failed.Add(file);
                log.WriteLine($"FAIL {file}: {ex}");
            }
        }
        log.WriteLine($"{files.Length - failed.Count}/{files.Length} inputs passed");
        return failed;
    }

    private static void Throwing(Action parseOrThrow)
    {
        try
        {
            parseOrThrow();
        }
        catch (LlmParseException ex)
        {
            if (ex.Errors.Count == 0) throw new FuzzInvariantException("LlmParseException without errors");
        }
    }

    private static void Check<T>(LlmResult<T> r, int length)
    {
        if (r.Success)
        {
            if (r.Value is null) throw new FuzzInvariantException("success without a value");
            if (r.Errors.Count != 0) throw new FuzzInvariantException("success with errors");
        }
        else
        {
            if (r.Errors.Count == 0) throw new FuzzInvariantException("refusal without errors");
            if (r.RawText is null) throw new FuzzInvariantException("refusal without the raw text");
            foreach (var e in r.Errors)
            {
                if (string.IsNullOrEmpty(e.Path) || e.Path[0] != '$') throw new FuzzInvariantException("error without a JSON path: " + e);
            }
        }
        CheckRepairs(r.Repairs, length);
    }

    private static void CheckRepairs(IReadOnlyList<LlmRepair> repairs, int length)
    {
        foreach (var x in repairs)
        {
            if (x.Position < -1 || x.Position > length) throw new FuzzInvariantException($"repair outside 0..{length}: {x}");
            if (x.Before.Length == 0 || x.After.Length == 0) throw new FuzzInvariantException("repair with an empty snippet: " + x);
            if (string.IsNullOrEmpty(x.Path) || x.Path[0] != '$') throw new FuzzInvariantException("repair without a JSON path: " + x);
        }
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] data)
    {
        int cut = data.Length / 2;
        var first = new Segment(data.AsMemory(0, cut));
        var last = first.Append(data.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
