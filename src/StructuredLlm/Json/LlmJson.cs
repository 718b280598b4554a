using System;
using System.Collections.Generic;

namespace StructuredLlm.Json;

/// <summary>
/// Schema-less repair: turns a model response that holds broken JSON into strict JSON text. Typed reads go
/// through the generated readers and LlmParser, which refuse incomplete values this method fills in.
/// </summary>
public static class LlmJson
{
    /// <summary>Returns strict JSON for <paramref name="text"/>, or throws <see cref="LlmParseException"/> when it cannot be repaired without guessing.</summary>
    public static string Repair(string text) => Repair(text, null);

    /// <summary>Returns strict JSON for <paramref name="text"/>, or throws <see cref="LlmParseException"/>.</summary>
    public static string Repair(string text, LlmParseOptions? options)
    {
        if (TryRepair(text, options, out var json, out _, out var error)) return json;
        throw new LlmParseException(text ?? string.Empty, new[] { error! });
    }

    /// <summary>Tries to repair <paramref name="text"/> into strict JSON.</summary>
    public static bool TryRepair(string text, out string json, out IReadOnlyList<LlmRepair> repairs, out LlmError? error) =>
        TryRepair(text, null, out json, out repairs, out error);

    /// <summary>Tries to repair <paramref name="text"/> into strict JSON, under <paramref name="options"/> (depth, size, allowed repairs).</summary>
    public static bool TryRepair(string text, LlmParseOptions? options, out string json, out IReadOnlyList<LlmRepair> repairs, out LlmError? error)
    {
        options ??= LlmParseOptions.Default;
        json = string.Empty;
        repairs = Array.Empty<LlmRepair>();
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.Length > options.MaxInputLength)
        {
            error = Errors.TooLong(text.Length, options.MaxInputLength);
            return false;
        }
        var bytes = Utf8Text.GetBytes(text);
        var outcome = RepairDocument(bytes, options);
        if (!outcome.Success)
        {
            error = outcome.Error;
            return false;
        }
        json = Utf8Text.GetString(outcome.Json);
        repairs = PositionMap.ToCharPositions(bytes, outcome.Repairs);
        error = null;
        return true;
    }

    internal readonly struct RepairOutcome
    {
        public RepairOutcome(byte[] json, List<LlmRepair> repairs)
        {
            Success = true;
            Json = json;
            Repairs = repairs;
            Error = null;
        }

        public RepairOutcome(LlmError error)
        {
            Success = false;
            Json = Array.Empty<byte>();
            Repairs = new List<LlmRepair>();
            Error = error;
        }

        public bool Success { get; }
        public byte[] Json { get; }
        public List<LlmRepair> Repairs { get; }
        public LlmError? Error { get; }
    }

    /// <summary>Locate + repair over a whole document; positions in the result are byte offsets into <paramref name="text"/>.</summary>
    internal static RepairOutcome RepairDocument(ReadOnlySpan<byte> text, LlmParseOptions options)
    {
        var (start, end, bom) = JsonLocator.Trim(text);
        if (start >= end) return new RepairOutcome(Errors.Empty());
        if (!JsonLocator.Preamble(text, ref start, end, bom, out var preamble)) return new RepairOutcome(Errors.OnlyReasoning(null));

        bool hasBracket = text.Slice(start, end - start).IndexOfAny((byte)'{', (byte)'[') >= 0;
        bool wholeFirst = JsonLocator.LooksLikeJsonStart(text, start, end) || !hasBracket;
        LlmError? firstError = null;
        var candidates = new List<JsonCandidate>();
        int fenced = -1;
        if (wholeFirst)
        {
            var whole = RepairSpan(text, start, end - start, default, options, preamble);
            if (whole.Success)
            {
                // Values one after another are one document's records (NDJSON) unless they sit in separate fenced or
                // tagged blocks: then each block is an answer of its own, and the text between them is not data.
                if (!HasRepair(whole.Repairs, LlmRepairKind.ValueSequence)
                    || (fenced = JsonLocator.AddFencesAndTags(text, start, end, candidates)) < 2)
                {
                    return whole;
                }
            }
            firstError = whole.Error;
        }

        if (fenced < 0 && JsonLocator.AddFencesAndTags(text, start, end, candidates) == 0)
        {
            JsonLocator.AddBalancedValues(text, start, end, candidates);
        }

        RepairOutcome? chosen = null;
        foreach (var c in candidates)
        {
            if (wholeFirst && c.Start == start && c.Length == end - start) continue;
            var r = RepairSpan(text, c.Start, c.Length, c, options, preamble);
            if (!r.Success)
            {
                firstError ??= r.Error;
                continue;
            }
            if (chosen is null)
            {
                chosen = r;
            }
            else if (!JsonTokenComparer.SameValue(chosen.Value.Json, r.Json, options.MaxDepth, nullIsAbsent: false))
            {
                return new RepairOutcome(new LlmError("$", "one JSON value", "several different JSON values in the text"));
            }
        }
        if (chosen is { } ok) return ok;

        if (!wholeFirst)
        {
            var whole = RepairSpan(text, start, end - start, default, options, preamble);
            if (whole.Success) return whole;
            firstError ??= whole.Error;
        }
        return new RepairOutcome(firstError ?? Errors.NoJson(text));
    }

    private static bool HasRepair(List<LlmRepair> repairs, LlmRepairKind kind)
    {
        foreach (var r in repairs)
        {
            if (r.Kind == kind) return true;
        }
        return false;
    }

    private static RepairOutcome RepairSpan(ReadOnlySpan<byte> text, int start, int length, JsonCandidate via, LlmParseOptions options, LlmRepair[] preamble)
    {
        var log = RepairLog.Rent();
        try
        {
            var output = log.Output(length + 16);
            SnippetText? whole = null; // the records' snippets: the located record's and the repairer's
            var located = via.Via != 0 ? RepairSnippets.Located(text, via, out whole) : null;
            try
            {
                JsonRepairer.Repair(text.Slice(start, length), output, log, options.MaxDepth, positionBase: start, whole?.Slice(start, length));
            }
            catch (JsonRepairException ex)
            {
                return new RepairOutcome(Errors.Syntax(ex, start));
            }
            catch (InsufficientExecutionStackException)
            {
                return new RepairOutcome(new LlmError("$", $"nesting of at most {options.MaxDepth} levels", "deeper nesting"));
            }

            var repairs = new List<LlmRepair>(log.Repairs.Count + 2);
            repairs.AddRange(preamble);
            if (located is not null) repairs.Add(located);
            repairs.AddRange(log.Repairs);
            foreach (var r in repairs)
            {
                if (!options.IsAllowed(r.Kind)) return new RepairOutcome(Errors.NotAllowed(r));
            }
            if (Errors.FirstUnlistedNotAllowed(log, options) is { } notAllowed) return new RepairOutcome(notAllowed);
            return new RepairOutcome(output.ToArray(), repairs);
        }
        finally
        {
            RepairLog.Return(log);
        }
    }
}

/// <summary>Maps byte offsets in UTF-8 input to char offsets in the original string, in one pass.</summary>
internal static class PositionMap
{
    public static IReadOnlyList<LlmRepair> ToCharPositions(ReadOnlySpan<byte> utf8, List<LlmRepair> repairs)
    {
        if (repairs.Count == 0) return Array.Empty<LlmRepair>();
        if (Utf8Text.IsAscii(utf8)) return repairs; // one byte per char: the positions are the same (the caller's list, not changed after this)
        var order = new int[repairs.Count];
        for (int k = 0; k < order.Length; k++) order[k] = k;
        Array.Sort(order, (x, y) => repairs[x].Position.CompareTo(repairs[y].Position));
        var result = new LlmRepair[repairs.Count];
        int lastByte = 0, lastChar = 0;
        foreach (int k in order)
        {
            var r = repairs[k];
            int pos = r.Position;
            if (pos < 0 || pos > utf8.Length)
            {
                result[k] = r;
                continue;
            }
            lastChar += Utf8Text.CharCount(utf8.Slice(lastByte, pos - lastByte));
            lastByte = pos;
            result[k] = pos == lastChar ? r : r.WithPosition(lastChar);
        }
        return result;
    }
}

/// <summary>The errors the pipeline itself reports (the readers report their own).</summary>
internal static class Errors
{
    public static LlmError? FirstUnlistedNotAllowed(RepairLog log, LlmParseOptions options)
    {
        if (log.Unlisted == 0 || options.AllowsEverything) return null;
        for (int k = 0; k < 64; k++)
        {
            if ((log.UnlistedKinds & (1UL << k)) != 0 && !options.IsAllowed((LlmRepairKind)k))
            {
                return NotAllowed(new LlmRepair((LlmRepairKind)k, "$", -1, "", ""));
            }
        }
        return null;
    }

    public static LlmError Ambiguous() =>
        new("$", "JSON whose strings can be told apart",
            "quote characters used both as string delimiters and inside strings, with commas or brackets to guess");

    public static LlmError Empty() => new("$", "a JSON value", "an empty response");

    public static LlmError OnlyReasoning(string? expected) =>
        new("$", expected ?? "a JSON value", "only a reasoning block (<think>…), cut off or with no answer after it");

    /// <summary><c>$: expected a SearchFilter object, found an object with none of its members ("results")</c>.</summary>
    public static LlmError NoMemberKeys(string? expected, List<string> keys)
    {
        var found = new System.Text.StringBuilder("an object with none of its members (");
        for (int i = 0; i < keys.Count && i < 5; i++)
        {
            found.Append(i == 0 ? "" : ", ").Append(LlmReadContext.Quote(keys[i]));
        }
        return new("$", expected ?? "an object with the type's members", found.Append(keys.Count > 5 ? ", …)" : ")").ToString());
    }

    public static LlmError TooLong(int length, int max) =>
        new("$", $"at most {max} characters of input", $"{length}");

    public static LlmError Syntax(JsonRepairException ex, int offset) =>
        ex.DepthExceeded
            ? new LlmError("$", "less deeply nested JSON", ex.Message.ToLowerInvariant())
            // "found text that does not parse (colon expected at position 38)": the repairer's own message is what it
            // expected, so it is said as such rather than as what was found ("found colon expected at position 38").
            : new LlmError("$", "valid JSON", "text that does not parse (" + FirstLower(ex.Message) + (offset > 0 ? $", from offset {offset}" : "") + ")");

    public static LlmError NotAllowed(LlmRepair r) =>
        new(r.Path, "JSON that needs no repair of kind " + r.Kind, r.Before.Length > 0 ? "`" + r.Before + "`" : r.Kind.ToString(),
            $"{r.Path}: the output needs a repair that is not allowed ({r.Kind}{(r.Before.Length > 0 ? ": `" + r.Before + "`" : "")})");

    public static LlmError NoJson(ReadOnlySpan<byte> text)
    {
        var (start, end, _) = JsonLocator.Trim(text);
        return new LlmError("$", "a JSON value", "text \"" + Utf8Text.Snippet(text.Slice(start, end - start), 60) + "\"");
    }

    private static string FirstLower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s.Substring(1);
}
