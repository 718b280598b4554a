using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>
/// Turns a model response into a typed value with a generated reader: locate the JSON, read it strictly,
/// repair it only when the strict read fails on syntax, read every candidate, and accept exactly one distinct
/// valid value. Generated <c>Parse</c> methods call this with their reader.
/// </summary>
public static class LlmParser
{
    [ThreadStatic]
    private static LlmReadContext? t_context;

    /// <summary>Parses a model response held in a string.</summary>
    /// <param name="text">The raw model output.</param>
    /// <param name="read">The type's reader (generated).</param>
    /// <param name="options">Options; <see cref="LlmParseOptions.Default"/> when null.</param>
    /// <param name="expected">How the root value is described in errors, e.g. <c>a SupportTicket object</c>.</param>
    /// <param name="sameValue">
    /// Whether two read values are the same answer (generated: every member the reader sets, compared as read). When the
    /// output holds several valid candidates that differ only in spelling (a drifted key, <c>"3"</c> for <c>3</c>, enum
    /// casing, a wrapper), they are one answer and the first is taken; without it candidates are compared as JSON values.
    /// </param>
    public static unsafe LlmResult<T> Parse<T>(string text, LlmJsonReadFunc<T> read, LlmParseOptions? options = null, string? expected = null, Func<T, T, bool>? sameValue = null)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (read is null) throw new ArgumentNullException(nameof(read));
        options ??= LlmParseOptions.Default;
        if (text.Length > options.MaxInputLength) return LlmResult<T>.Fail(new[] { Errors.TooLong(text.Length, options.MaxInputLength) }, text);

        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(16, Encoding.UTF8.GetMaxByteCount(text.Length)));
        try
        {
            int length = Utf8Text.GetBytesMarkingLoneSurrogates(text, rented);
            fixed (byte* p = rented)
            {
                return ParseCore(p, length, text, read, options, expected, sameValue, charPositions: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses a model response held as UTF-8 bytes.</summary>
    public static unsafe LlmResult<T> Parse<T>(ReadOnlySpan<byte> utf8, LlmJsonReadFunc<T> read, LlmParseOptions? options = null, string? expected = null, Func<T, T, bool>? sameValue = null)
    {
        if (read is null) throw new ArgumentNullException(nameof(read));
        options ??= LlmParseOptions.Default;
        if (utf8.Length > options.MaxInputLength)
        {
            return LlmResult<T>.Fail(new[] { Errors.TooLong(utf8.Length, options.MaxInputLength) }, "(input too long to keep)");
        }
        fixed (byte* p = utf8)
        {
            return ParseCore(p, utf8.Length, null, read, options, expected, sameValue, charPositions: false);
        }
    }

    /// <summary>Parses a model response held as a UTF-8 byte sequence (e.g. from a pipe).</summary>
    public static LlmResult<T> Parse<T>(in ReadOnlySequence<byte> utf8, LlmJsonReadFunc<T> read, LlmParseOptions? options = null, string? expected = null, Func<T, T, bool>? sameValue = null)
    {
        options ??= LlmParseOptions.Default;
        if (utf8.IsSingleSegment) return Parse(utf8.First.Span, read, options, expected, sameValue);
        if (utf8.Length > options.MaxInputLength)
        {
            return LlmResult<T>.Fail(new[] { Errors.TooLong((int)Math.Min(int.MaxValue, utf8.Length), options.MaxInputLength) }, "(input too long to keep)");
        }
        int length = (int)utf8.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(16, length));
        try
        {
            utf8.CopyTo(rented);
            return Parse(rented.AsSpan(0, length), read, options, expected, sameValue);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses or throws <see cref="LlmParseException"/> carrying the raw text and the errors.</summary>
    public static T ParseOrThrow<T>(string text, LlmJsonReadFunc<T> read, LlmParseOptions? options = null, string? expected = null, Func<T, T, bool>? sameValue = null) =>
        Parse(text, read, options, expected, sameValue).GetValueOrThrow();

    /// <summary>Parses UTF-8 or throws <see cref="LlmParseException"/> carrying the raw text and the errors.</summary>
    public static T ParseOrThrow<T>(ReadOnlySpan<byte> utf8, LlmJsonReadFunc<T> read, LlmParseOptions? options = null, string? expected = null, Func<T, T, bool>? sameValue = null) =>
        Parse(utf8, read, options, expected, sameValue).GetValueOrThrow();

    // ------------------------------------------------------------------ pipeline

    private sealed class Attempt<T>
    {
        public bool Success;
        public bool SyntaxOk;
        public bool Sequence;
        public T? Value;
        private List<LlmRepair>? _repairs;

        /// <summary>The repairs so far, created on first use: a clean read has none.</summary>
        public List<LlmRepair> Repairs => _repairs ??= new List<LlmRepair>();

        public int RepairCount => _repairs?.Count ?? 0;
        public LlmError[] Errors = Array.Empty<LlmError>();
        public string[] Unknown = Array.Empty<string>();

        /// <summary>Whether the candidate's bytes were repaired: its clean JSON is then made again from them.</summary>
        public bool Repaired;
        private byte[]? _clean;

        /// <summary>
        /// The candidate <paramref name="c"/> (the one this attempt read) as strict JSON, made only when it is compared with
        /// another candidate: most documents have one. The repair is made again (it is deterministic) rather than kept.
        /// </summary>
        public unsafe byte[] Clean(byte* p, JsonCandidate c, int maxDepth)
        {
            if (_clean is not null) return _clean;
            var source = new ReadOnlySpan<byte>(p + c.Start, c.Length);
            if (!Repaired) return _clean = source.ToArray();
            var log = RepairLog.Rent();
            try
            {
                var output = log.Output(c.Length + 16);
                JsonRepairer.Repair(source, output, log, maxDepth);
                return _clean = output.ToArray();
            }
            catch (Exception e) when (e is JsonRepairException or InsufficientExecutionStackException)
            {
                return _clean = source.ToArray(); // cannot happen (it was repaired once); as written it compares as different: refused
            }
            finally
            {
                RepairLog.Return(log);
            }
        }
    }

    private static unsafe LlmResult<T> ParseCore<T>(byte* p, int length, string? text, LlmJsonReadFunc<T> read, LlmParseOptions options,
        string? expected, Func<T, T, bool>? sameValue, bool charPositions)
    {
        var span = new ReadOnlySpan<byte>(p, length);
        var (start, end, bom) = JsonLocator.Trim(span);
        if (start >= end)
        {
            return LlmResult<T>.Fail(new[] { new LlmError("$", expected ?? "a JSON value", "an empty response") }, text ?? string.Empty);
        }
        if (!JsonLocator.Preamble(span, ref start, end, bom, out var preamble))
        {
            return LlmResult<T>.Fail(new[] { Errors.OnlyReasoning(expected) }, text ?? Utf8Text.GetString(span));
        }

        var ctx = t_context ?? new LlmReadContext(options);
        t_context = null;
        ctx.RootExpected = expected;
        try
        {
            Attempt<T>? first = null;
            bool wholeTried = false;
            if (JsonLocator.LooksLikeJsonStart(span, start, end))
            {
                wholeTried = true;
                first = ReadCandidate(p, length, start, end - start, default, preamble, read, options, ctx);
                if (first.Success) return Finish(first, span, charPositions);
                if (first.SyntaxOk && !first.Sequence) return Refuse(first, span, text);
            }

            var candidates = new List<JsonCandidate>();
            var blocks = new List<(int Start, int End)>();
            int beside = int.MaxValue; // the first candidate taken from the prose beside fenced or tagged blocks
            if (JsonLocator.AddFencesAndTags(span, start, end, candidates, blocks) == 0)
            {
                JsonLocator.AddBalancedValues(span, start, end, candidates);
            }
            else
            {
                beside = candidates.Count;
                JsonLocator.AddBalancedValuesBetween(span, start, end, blocks, candidates); // a bare answer beside an example block
            }

            Attempt<T>? chosen = null;
            JsonCandidate chosenCandidate = default;
            Attempt<T>? bestFailure = first;
            for (int k = 0; k < candidates.Count; k++)
            {
                var c = candidates[k];
                if (wholeTried && c.Start == start && c.Length == end - start) continue;
                var a = ReadCandidate(p, length, c.Start, c.Length, c, preamble, read, options, ctx);
                if (!a.Success)
                {
                    if (bestFailure is null || (a.SyntaxOk && !bestFailure.SyntaxOk)) bestFailure = a;
                    continue;
                }
                // `{}` or `{"note": …}` in the prose beside a block reads as an all-optional type's empty object, but names
                // none of its members: it is no second answer.
                if (k >= beside && NamesNoMember(a.Clean(p, c, options.MaxDepth), a.Unknown)) continue;
                if (chosen is null)
                {
                    chosen = a;
                    chosenCandidate = c;
                }
                else if (!JsonTokenComparer.SameValue(chosen.Clean(p, chosenCandidate, options.MaxDepth), a.Clean(p, c, options.MaxDepth), options.MaxDepth, nullIsAbsent: true)
                    && !(sameValue is not null && sameValue(chosen.Value!, a.Value!)))
                {
                    return LlmResult<T>.Fail(new[] { new LlmError("$", "one answer", "several different valid JSON values in the output") },
                        text ?? Utf8Text.GetString(span));
                }
            }
            if (chosen is not null) return Finish(chosen, span, charPositions);
            if (bestFailure is not null) return Refuse(bestFailure, span, text);

            return LlmResult<T>.Fail(new[] { new LlmError("$", expected ?? "a JSON value", DescribeText(span, start, end)) }, text ?? Utf8Text.GetString(span));
        }
        finally
        {
            ctx.Release();
            t_context = ctx;
        }
    }

    private static string DescribeText(ReadOnlySpan<byte> span, int start, int end) =>
        "text without JSON: " + LlmReadContext.Quote(Utf8Text.Snippet(span.Slice(start, end - start), 60));

    private static LlmResult<T> Finish<T>(Attempt<T> a, ReadOnlySpan<byte> input, bool charPositions)
    {
        IReadOnlyList<LlmRepair> repairs = a.RepairCount == 0 ? Array.Empty<LlmRepair>()
            : charPositions ? PositionMap.ToCharPositions(input, a.Repairs) : a.Repairs; // the attempt's own list: nothing changes it after this
        return new LlmResult<T>(true, a.Value, repairs, Array.Empty<LlmError>(), a.Unknown, null);
    }

    private static LlmResult<T> Refuse<T>(Attempt<T> a, ReadOnlySpan<byte> input, string? text)
    {
        IReadOnlyList<LlmRepair> repairs = a.RepairCount == 0 ? Array.Empty<LlmRepair>()
            : text is not null ? PositionMap.ToCharPositions(input, a.Repairs) : a.Repairs;
        return new(false, default, repairs, a.Errors, a.Unknown, text ?? Utf8Text.GetString(input));
    }

    /// <summary>Reads one candidate: strictly first; on a syntax failure, repaired; then with root unwrapping.</summary>
    private static unsafe Attempt<T> ReadCandidate<T>(byte* p, int length, int start, int count, JsonCandidate via, LlmRepair[] preamble,
        LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx)
    {
        var attempt = new Attempt<T>();
        if (preamble.Length > 0) attempt.Repairs.AddRange(preamble);
        // The records' snippets are made when first read, from one copy of the input (the located record's and the repairer's).
        SnippetText? whole = null;
        if (via.Via != 0) attempt.Repairs.Add(RepairSnippets.Located(new ReadOnlySpan<byte>(p, length), via, out whole));
        for (int k = 0; k < attempt.RepairCount; k++)
        {
            var r = attempt.Repairs[k];
            if (!options.IsAllowed(r.Kind))
            {
                attempt.Errors = new[] { Errors.NotAllowed(r) };
                return attempt;
            }
        }

        // 1. strict: clean JSON pays only for the read itself (plus one byte scan). Skipped when the scan proves the
        //    bytes are not strict JSON, where the read could only end in a syntax error (see TolerableJson.MayBeStrictJson).
        //    Strict JSON but for a fence around it and trailing commas is read in place, with the records the repair makes.
        bool syntaxError = true;
        Span<int> commas = stackalloc int[TolerableJson.MaxCommas];
        if (TolerableJson.Find(new ReadOnlySpan<byte>(p + start, count), commas, out var shape))
        {
            if (!shape.HasRepairs)
            {
                if (TryReadRoot(p + start, count, null, start, read, options, ctx, attempt, out syntaxError) || !syntaxError) return attempt;
            }
            else if (!t_repairOnly && ReadInPlace(p, start, count, shape, commas.Slice(0, shape.CommaCount), whole, read, options, ctx, attempt))
            {
                return attempt;
            }
        }

        // 2. repair, then read the clean bytes
        attempt.Repaired = true;
        var log = RepairLog.Rent();
        try
        {
            var output = log.Output(count + 16);
            try
            {
                JsonRepairer.Repair(new ReadOnlySpan<byte>(p + start, count), output, log, options.MaxDepth, positionBase: start, whole?.Slice(start, count));
            }
            catch (JsonRepairException ex)
            {
                attempt.Errors = new[] { Errors.Syntax(ex, start) };
                return attempt;
            }
            catch (InsufficientExecutionStackException)
            {
                attempt.Errors = new[] { new LlmError("$", $"nesting of at most {options.MaxDepth} levels", "deeper nesting") };
                return attempt;
            }

            var repairs = attempt.Repairs;
            if (repairs.Capacity < repairs.Count + log.Repairs.Count + 8) repairs.Capacity = repairs.Count + log.Repairs.Count + 8; // room for the typed read's own
            foreach (var r in log.Repairs)
            {
                if (!options.IsAllowed(r.Kind))
                {
                    attempt.Errors = new[] { Errors.NotAllowed(r) };
                    return attempt;
                }
                repairs.Add(r);
                if (r.Kind == LlmRepairKind.ValueSequence) attempt.Sequence = true;
            }
            if (Errors.FirstUnlistedNotAllowed(log, options) is { } notAllowed)
            {
                attempt.Errors = new[] { notAllowed };
                return attempt;
            }
            if (log.Ambiguous)
            {
                attempt.Errors = new[] { Errors.Ambiguous() };
                return attempt;
            }

            ReadRepaired(output, log, read, options, ctx, attempt, out syntaxError);
            if (syntaxError && attempt.Errors.Length == 0)
            {
                attempt.Errors = new[] { new LlmError("$", "valid JSON", "text that could not be repaired") };
            }
            return attempt;
        }
        finally
        {
            RepairLog.Return(log);
        }
    }

    /// <summary>Tests only: every candidate that is not strict JSON goes to the repair (the in-place read compared with it).</summary>
    [ThreadStatic]
    internal static bool t_repairOnly;

    /// <summary>
    /// Reads a candidate that is strict JSON but for a fence around it and trailing commas (<paramref name="shape"/>) where it
    /// stands, after adding the records the repair would make for it. False (nothing added) when a repair it needs is not
    /// allowed (the repair then refuses it with its own error), when the paths cannot be followed, or when the reader finds
    /// it is not such JSON after all: the repair takes the candidate as before.
    /// </summary>
    private static unsafe bool ReadInPlace<T>(byte* p, int start, int count, TolerableJson shape, ReadOnlySpan<int> commas, SnippetText? whole,
        LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx, Attempt<T> attempt)
    {
        bool fenced = shape.OpenFence >= 0 || shape.CloseFence >= 0;
        if ((fenced && !options.IsAllowed(LlmRepairKind.MarkdownFence)) || (commas.Length > 0 && !options.IsAllowed(LlmRepairKind.TrailingComma)))
        {
            return false;
        }
        var candidate = new ReadOnlySpan<byte>(p + start, count);
        string[]? paths = null;
        if (commas.Length > 0 && (paths = TolerableJson.CommaPaths(candidate.Slice(shape.JsonStart, shape.JsonLength), shape.JsonStart, commas)) is null)
        {
            return false;
        }

        var copy = whole?.Slice(start, count) ?? SnippetText.CopyIfShort(candidate);
        var repairs = attempt.Repairs;
        int mark = repairs.Count;
        if (repairs.Capacity < mark + commas.Length + 10) repairs.Capacity = mark + commas.Length + 10; // room for the typed read's own
        if (shape.OpenFence >= 0) repairs.Add(Deletion(LlmRepairKind.MarkdownFence, "$", shape.OpenFence, shape.OpenFenceLength, candidate, copy, start));
        for (int k = 0; k < commas.Length; k++) repairs.Add(Deletion(LlmRepairKind.TrailingComma, paths![k], commas[k], 1, candidate, copy, start));
        if (shape.CloseFence >= 0) repairs.Add(Deletion(LlmRepairKind.MarkdownFence, "$", shape.CloseFence, shape.CloseFenceLength, candidate, copy, start));

        attempt.Repaired = true; // compared with another candidate, its strict JSON is made by the repair
        if (TryReadRoot(p + start + shape.JsonStart, shape.JsonLength, null, start + shape.JsonStart, read, options, ctx, attempt, out bool syntaxError,
                trailingCommas: commas.Length > 0)
            || !syntaxError)
        {
            return true;
        }
        repairs.RemoveRange(mark, repairs.Count - mark);
        attempt.Repaired = false;
        return false;
    }

    /// <summary>A record of deleting <paramref name="length"/> bytes at <paramref name="at"/> of the candidate, as the repair makes it.</summary>
    private static LlmRepair Deletion(LlmRepairKind kind, string path, int at, int length, ReadOnlySpan<byte> candidate, SnippetText? copy, int positionBase)
    {
        if (copy is not null) return LlmRepair.DeferredEdit(kind, path, positionBase + at, copy, at, length, "", alwaysContext: false);
        var (before, after) = RepairSnippets.Edit(candidate, at, length, "");
        return new LlmRepair(kind, path, positionBase + at, before, after);
    }

    /// <summary>Reads the root (and, when that fails, an unwrapped root) into <paramref name="attempt"/>. False with
    /// <paramref name="syntaxError"/> set when the bytes are not strict JSON.</summary>
    private static unsafe bool TryReadRoot<T>(byte* json, int length, List<int>? incomplete, int positionBase, LlmJsonReadFunc<T> read,
        LlmParseOptions options, LlmReadContext ctx, Attempt<T> attempt, out bool syntaxError, bool trailingCommas = false)
    {
        syntaxError = false;
        var bytes = new ReadOnlySpan<byte>(json, length);
        var readerOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = trailingCommas };

        // direct
        ctx.Reset(json, length, incomplete, options, positionBase);
        bool ok;
        JsonTokenType rootType;
        try
        {
            var reader = new Utf8JsonReader(bytes, readerOptions);
            if (!reader.Read())
            {
                syntaxError = true;
                return false;
            }
            rootType = reader.TokenType;
            if (ctx.IsIncomplete((int)reader.TokenStartIndex))
            {
                ctx.AddError("a complete value", "output that was cut off");
                ok = false;
            }
            else
            {
                ok = read(ref reader, ctx, out var value) && ctx.ErrorCount == 0;
                if (reader.Read())
                {
                    syntaxError = true; // a second value after the root: not one JSON document
                    return false;
                }
                if (ok)
                {
                    LlmRepair[]? coercions = null; // taken out of the context only when an unwrap below reuses it
                    var unknownKeys = ctx.SnapshotUnknown();
                    if (unknownKeys.Length > 0 && rootType == JsonTokenType.StartObject && NoKeyNamesAMember(RootReader(bytes, readerOptions), unknownKeys))
                    {
                        coercions = ctx.SnapshotRepairs();
                        // The read succeeded only because every member is optional, and no key named one: the object is a
                        // wrapper or an envelope around the answer when one of its levels reads (else see below).
                        var inner = new Attempt<T>();
                        var unwrap = new Utf8JsonReader(bytes, readerOptions);
                        unwrap.Read();
                        if (TryUnwrap(ref unwrap, bytes, json, length, incomplete, positionBase, read, options, ctx, inner, int.MaxValue, unknownKeys)
                            && inner.Success)
                        {
                            attempt.Success = true;
                            attempt.SyntaxOk = true;
                            attempt.Value = inner.Value;
                            attempt.Repairs.AddRange(inner.Repairs);
                            attempt.Unknown = inner.Unknown;
                            return true;
                        }

                        // An object none of whose keys is a member, holding structured data no level of which reads: it is
                        // not the type (`{"results": [{…}, {…}]}` for one filter), and read as the type it would be an
                        // object of nulls. Plain metadata alone (`{"note": "nothing to filter"}`) stays the empty read.
                        if (KeysIfStructured(RootReader(bytes, readerOptions)) is { } keys)
                        {
                            attempt.SyntaxOk = true;
                            attempt.Errors = new[] { Errors.NoMemberKeys(ctx.RootExpected, keys) };
                            attempt.Unknown = unknownKeys;
                            return false;
                        }
                    }

                    attempt.Success = true;
                    attempt.SyntaxOk = true;
                    attempt.Value = value;
                    if (coercions is not null) attempt.Repairs.AddRange(coercions);
                    else if (ctx.RepairCount > 0) ctx.AddRepairsTo(attempt.Repairs);
                    attempt.Unknown = unknownKeys;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            syntaxError = true;
            return false;
        }
        catch (InvalidOperationException)
        {
            syntaxError = true;
            return false;
        }

        attempt.SyntaxOk = true;
        var directErrors = ctx.SnapshotErrors();
        var directUnknown = ctx.SnapshotUnknown();
        attempt.Errors = directErrors;
        attempt.Unknown = directUnknown;
        if (rootType is not (JsonTokenType.StartArray or JsonTokenType.StartObject or JsonTokenType.String)) return false;

        // unwrap: [ x ]  or  {"result": x}, level by level (at most MaxUnwrapLevels), or a double-encoded "{\"a\": 1}"
        try
        {
            var reader = new Utf8JsonReader(bytes, readerOptions);
            reader.Read();
            if (rootType == JsonTokenType.String)
            {
                return TryDoubleEncoded(ref reader, read, options, ctx, attempt);
            }
            return TryUnwrap(ref reader, bytes, json, length, incomplete, positionBase, read, options, ctx, attempt, directErrors.Length, directUnknown);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>How many wrapper levels (one-element arrays, single-key objects) are taken off the root at most.</summary>
    internal const int MaxUnwrapLevels = 6;

    /// <summary>
    /// Takes wrappers off a root that did not read as the type: a one-element array or an object with a single key whose
    /// value is an object, an array or a string holding one (decoded once), level by level, at most <see cref="MaxUnwrapLevels"/>. Each level has exactly one
    /// element or member, so there is never a choice to make; the first level whose value reads wins, and each level
    /// taken off is reported. When none reads, the errors of the level with the fewest (paths as in the input) are kept
    /// if they are fewer than the root's.
    /// </summary>
    private static unsafe bool TryUnwrap<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, byte* json, int length, List<int>? incomplete,
        int positionBase, LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx, Attempt<T> attempt, int fewestErrors,
        string[] unknown)
    {
        string path = "$";
        var levels = new List<LlmRepair>(MaxUnwrapLevels);
        List<string>? siblings = null;
        for (int level = 0; level < MaxUnwrapLevels; level++)
        {
            int wrapperStart = (int)reader.TokenStartIndex;
            int wrapperEnd;
            LlmRepairKind kind;
            if (reader.TokenType == JsonTokenType.StartObject && FindEnvelopeMember(reader, unknown, ctx, out var member, out string key, out wrapperEnd) is { } others)
            {
                // {"status": "ok", "data": {…}}: no key names a member of the type, and one member alone holds a structured value
                if (!options.IsAllowed(LlmRepairKind.UnwrappedWrapperObject)) return false;
                string envelopePath = path;
                siblings ??= new List<string>();
                foreach (string other in others) siblings.Add(LlmPath.Combine(envelopePath, other));
                path = LlmPath.Combine(path, key);
                reader = member;
                kind = LlmRepairKind.UnwrappedWrapperObject;
            }
            else
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var array = reader;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.EndArray) return false;
                    kind = LlmRepairKind.UnwrappedRootArray;
                    var only = reader;
                    only.Skip();
                    only.Read();
                    if (only.TokenType != JsonTokenType.EndArray)
                    {
                        // [{"type": "text", …}, {"type": "tool_use", "input": {…}}]: blocks of a reply, one holding the answer
                        if (!options.IsAllowed(kind)
                            || FindAnswerBlock(array, json, length, incomplete, positionBase, read, options, ctx, out var block, out int index, out wrapperEnd) is not { } blockSiblings)
                        {
                            return false;
                        }
                        siblings ??= new List<string>();
                        foreach (int other in blockSiblings) siblings.Add(path + "[" + other.ToString(CultureInfo.InvariantCulture) + "]");
                        reader = block;
                        path += "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                        goto levelTaken;
                    }
                    path += "[0]";
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.PropertyName) return false;
                    path = LlmPath.Combine(path, reader.GetString() ?? "");
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.String)) return false;
                    kind = LlmRepairKind.UnwrappedWrapperObject;
                }
                else
                {
                    return false;
                }
                if (!options.IsAllowed(kind)) return false;

                // is it the only element / member?
                var probe = reader;
                probe.Skip();
                probe.Read();
                if (probe.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject)) return false;
                wrapperEnd = (int)probe.BytesConsumed;
            }

        levelTaken:
            var end = reader;
            end.Skip();
            int innerStart = (int)reader.TokenStartIndex, innerEnd = (int)end.BytesConsumed;
            if (ctx.IsIncomplete(innerStart)) return false;

            var (before, after) = RepairSnippets.Kept(bytes.Slice(0, wrapperEnd), innerStart, innerEnd);
            levels.Add(new LlmRepair(kind, path, positionBase < 0 ? -1 : positionBase + wrapperStart, before, after));

            if (reader.TokenType == JsonTokenType.String)
            {
                // {"arguments": "{\"a\": 1}"}: the answer encoded as a string inside the wrapper (tool-call arguments are
                // sent this way), decoded once; nothing further is taken off inside it.
                var decoded = new Attempt<T>();
                if (!TryDoubleEncoded(ref reader, read, options, ctx, decoded, path)) return false;
                attempt.Success = true;
                attempt.Value = decoded.Value;
                attempt.Errors = Array.Empty<LlmError>();
                attempt.Repairs.AddRange(levels);
                attempt.Repairs.AddRange(decoded.Repairs);
                attempt.Unknown = WithSiblings(decoded.Unknown, siblings);
                return true;
            }

            ctx.Reset(json, length, incomplete, options, positionBase);
            var inner = reader; // the read moves it; the next level starts from this token again
            if (read(ref inner, ctx, out var value) && ctx.ErrorCount == 0
                && !(reader.TokenType == JsonTokenType.StartObject && ctx.SnapshotUnknown() is { Length: > 0 } levelUnknown
                    && NoKeyNamesAMember(reader, levelUnknown)))
            {
                attempt.Success = true;
                attempt.Value = value;
                attempt.Errors = Array.Empty<LlmError>();
                attempt.Repairs.AddRange(levels);
                attempt.Repairs.AddRange(ctx.SnapshotRepairs());
                attempt.Unknown = WithSiblings(ctx.SnapshotUnknown(), siblings);
                return true;
            }
            unknown = ctx.SnapshotUnknown();
            var innerErrors = ctx.SnapshotErrors();
            // A level that is not even the right kind of value ({"tags": [...]} taken off an object of foreign keys and read
            // as the type: "expected an object, found an array") explains nothing: the root's own errors stay.
            if (innerErrors.Length < fewestErrors && !(innerErrors.Length == 1 && innerErrors[0].Path == "$"))
            {
                fewestErrors = innerErrors.Length;
                string prefix = path;
                attempt.Errors = Array.ConvertAll(innerErrors, e => e.WithPathPrefix(prefix));
            }
        }
        return false;
    }

    /// <summary>
    /// For an object that did not read as the type: the one member holding an object or array (or, when there is none,
    /// the one string holding one, decoded once, as tool-call arguments arrive), when the object has several keys, the
    /// read reported every one of them as unknown (none names a member of the type, so the object is an envelope around
    /// the answer, as <c>{"status": "ok", "data": {…}}</c>), and every other member holds a plain value (a string,
    /// number, bool or null: metadata, never a second answer). Returns the other keys, or null.
    /// </summary>
    private static List<string>? FindEnvelopeMember(Utf8JsonReader reader, string[] unknown, LlmReadContext ctx, out Utf8JsonReader member,
        out string key, out int envelopeEnd)
    {
        member = default;
        key = string.Empty;
        envelopeEnd = 0;
        if (unknown.Length < 2) return null;
        var names = new List<string>();
        int structured = 0, encoded = 0;
        Utf8JsonReader structuredValue = default, encodedValue = default;
        string structuredKey = string.Empty, encodedKey = string.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            if (Array.IndexOf(unknown, LlmPath.Combine("$", name)) < 0) return null;
            names.Add(name);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject && IsUsageKey(name))
            {
                // a whole provider response's token counts ("usage", Gemini's "usageMetadata"): metadata beside the answer,
                // never a second one
                reader.Skip();
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (++structured > 1 || ctx.IsIncomplete((int)reader.TokenStartIndex)) return null;
                structuredValue = reader;
                structuredKey = name;
                reader.Skip();
            }
            else if (HoldsEncodedJson(ref reader))
            {
                encoded++;
                encodedValue = reader;
                encodedKey = name;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) return null;

        // An object or array member is the answer; a string holding one only when there is none (a plain string
        // that happens to start with `[` stays metadata beside a real object).
        if (structured == 1)
        {
            member = structuredValue;
            key = structuredKey;
        }
        else if (encoded == 1)
        {
            if (ctx.IsIncomplete((int)encodedValue.TokenStartIndex)) return null;
            member = encodedValue;
            key = encodedKey;
        }
        else
        {
            return null;
        }
        names.Remove(key);
        if (names.Count == 0) return null;
        envelopeEnd = (int)reader.BytesConsumed;
        return names;
    }

    /// <summary>
    /// For an array of several elements that did not read as the type: the one element holding structured data (an
    /// object or array member, or a string holding one) when every element is an object none of whose keys names a member
    /// of the type (the blocks of a reply, as <c>[{"type": "text", "text": "…"}, {"type": "tool_use", "input": {…}}]</c>
    /// arrives) and every other element holds only plain values. An element with a key of the type (a list of answers),
    /// or two holding data, is a choice, never made. Returns the other elements' indexes, or null.
    /// </summary>
    private static unsafe List<int>? FindAnswerBlock<T>(Utf8JsonReader array, byte* json, int length, List<int>? incomplete, int positionBase,
        LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx, out Utf8JsonReader block, out int index, out int arrayEnd)
    {
        block = default;
        index = -1;
        arrayEnd = 0;
        var others = new List<int>();
        var reader = array;
        int i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || ctx.IsIncomplete((int)reader.TokenStartIndex)) return null;
            ctx.Reset(json, length, incomplete, options, positionBase);
            var element = reader;
            read(ref element, ctx, out _);
            if (!NoKeyNamesAMemberWithData(reader, ctx.SnapshotUnknown())) return null;
            if (HoldsStructuredMember(reader))
            {
                if (index >= 0) return null;
                index = i;
                block = reader;
            }
            else
            {
                others.Add(i);
            }
            reader.Skip();
            i++;
        }
        if (index < 0 || reader.TokenType != JsonTokenType.EndArray) return null;
        arrayEnd = (int)reader.BytesConsumed;
        return others;
    }

    /// <summary>
    /// Whether the object at <paramref name="reader"/> has a member holding a non-empty object or array, or a string holding
    /// one (<c>"summary": []</c> holds nothing).
    /// </summary>
    private static bool HoldsStructuredMember(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var inside = reader;
                inside.Read();
                if (inside.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray)) return true;
                reader.Skip();
            }
            else if (HoldsEncodedJson(ref reader))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the candidate's root is an object none of whose keys (if any) named a member of the type.</summary>
    private static bool NamesNoMember(byte[] clean, string[] unknown)
    {
        var reader = new Utf8JsonReader(clean, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Array.IndexOf(unknown, LlmPath.Combine("$", reader.GetString() ?? string.Empty)) < 0) return false;
            reader.Read();
            reader.Skip();
        }
        return true;
    }

    /// <summary>A reader on the first token of <paramref name="bytes"/> (the root).</summary>
    private static Utf8JsonReader RootReader(ReadOnlySpan<byte> bytes, JsonReaderOptions readerOptions)
    {
        var reader = new Utf8JsonReader(bytes, readerOptions);
        reader.Read();
        return reader;
    }

    /// <summary>The keys of the object at <paramref name="reader"/> when one of its members holds an object or an array, else null.</summary>
    private static List<string>? KeysIfStructured(Utf8JsonReader reader)
    {
        var keys = new List<string>();
        bool structured = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            keys.Add(reader.GetString() ?? string.Empty);
            reader.Read();
            structured |= reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
            reader.Skip();
        }
        return structured ? keys : null;
    }

    /// <summary>Whether the object at <paramref name="reader"/> has keys and every one was reported unknown (paths relative to it).</summary>
    private static bool NoKeyNamesAMember(Utf8JsonReader reader, string[] unknown)
    {
        bool any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Array.IndexOf(unknown, LlmPath.Combine("$", reader.GetString() ?? string.Empty)) < 0) return false;
            any = true;
            reader.Read();
            reader.Skip();
        }
        return any;
    }

    /// <summary>
    /// <see cref="NoKeyNamesAMember"/>, except that a key naming a member whose value is an empty array or object holds no
    /// answer: the Responses API's reasoning item, <c>{"type": "reasoning", "summary": []}</c>, beside the function call
    /// of a type with a <c>summary</c>, is a block of the reply, not a second answer.
    /// </summary>
    private static bool NoKeyNamesAMemberWithData(Utf8JsonReader reader, string[] unknown)
    {
        bool any = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool named = Array.IndexOf(unknown, LlmPath.Combine("$", reader.GetString() ?? string.Empty)) < 0;
            any = true;
            reader.Read();
            if (named)
            {
                if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject)) return false;
                var probe = reader;
                if (!probe.Read() || probe.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject)) return false;
            }
            reader.Skip();
        }
        return any;
    }

    /// <summary>
    /// <c>usage</c>, <c>usageMetadata</c> or <c>usage_metadata</c> (any case): the member in which OpenAI, Anthropic, Gemini and
    /// compatible APIs return a response's token counts beside its choices, content or candidates.
    /// </summary>
    private static bool IsUsageKey(string name) =>
        name.Equals("usage", StringComparison.OrdinalIgnoreCase)
        || name.Equals("usageMetadata", StringComparison.OrdinalIgnoreCase)
        || name.Equals("usage_metadata", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string whose text starts like a JSON object or array (<c>"arguments": "{\"a\": 1}"</c>, as tool calls send it).</summary>
    private static bool HoldsEncodedJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) return false;
        if (reader.HasValueSequence || reader.ValueIsEscaped) return StartsLikeEncodedJson(reader.GetString());
        foreach (byte b in reader.ValueSpan)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') continue;
            if (b == (byte)'`') return StartsLikeEncodedJson(reader.GetString());
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }

    /// <summary>
    /// Text that starts (after whitespace) with <c>{</c> or <c>[</c>, or with a Markdown fence, bare or <c>json</c>, whose
    /// content does: a chat completion's <c>content</c> or a Gemini text part holding a fenced answer. The fence is taken
    /// off by the repair of the decoded text (<see cref="LlmRepairKind.MarkdownFence"/>).
    /// </summary>
    private static bool StartsLikeEncodedJson(string? text)
    {
        if (text is null) return false;
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i < text.Length && text[i] is '{' or '[') return true;
        if (string.CompareOrdinal(text, i, "```", 0, 3) != 0) return false;
        i += 3;
        while (i < text.Length && text[i] == '`') i++;
        int info = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        if (i > info && (i - info < 4 || string.Compare(text, info, "json", 0, 4, StringComparison.OrdinalIgnoreCase) != 0)) return false;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length && text[i] is '{' or '[';
    }

    /// <summary>The envelopes' other members (paths in the input), then the unknown members of the unwrapped read.</summary>
    private static string[] WithSiblings(string[] unknown, List<string>? siblings)
    {
        if (siblings is null) return unknown;
        var all = new List<string>(siblings);
        all.AddRange(unknown);
        return all.ToArray();
    }

    private static unsafe bool TryDoubleEncoded<T>(ref Utf8JsonReader reader, LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx, Attempt<T> attempt,
        string path = "$")
    {
        if (!options.IsAllowed(LlmRepairKind.DoubleEncoded)) return false;
        var inner = reader.GetString();
        if (inner is null) return false;
        string encoded = reader.HasValueSequence ? "\"{…}\"" : "\"" + RepairSnippets.HeadTail(reader.ValueSpan) + "\"";
        var trimmed = inner.Trim();
        if (!StartsLikeEncodedJson(trimmed)) return false;

        // one level only: the decoded text is read strictly or repaired, never decoded again
        var bytes = Encoding.UTF8.GetBytes(trimmed);
        var nested = new Attempt<T>();
        // The decoded text is another buffer: the outer document's rewritten numbers (by offset) say nothing about it.
        var outerNumbers = ctx.SetRewrittenNumbers(null);
        var outerUnclosed = ctx.SetUnclosedObjects(null);
        try
        {
            if (!ReadDoubleEncoded(bytes, read, options, ctx, nested)) return false;
        }
        finally
        {
            ctx.SetRewrittenNumbers(outerNumbers);
            ctx.SetUnclosedObjects(outerUnclosed);
        }
        if (!nested.Success)
        {
            if (nested.Errors.Length > 0) attempt.Errors = nested.Errors;
            return false;
        }
        attempt.Success = true;
        attempt.Value = nested.Value;
        attempt.Errors = Array.Empty<LlmError>();
        attempt.Repairs.Add(new LlmRepair(LlmRepairKind.DoubleEncoded, path, -1, encoded, RepairSnippets.HeadTail(bytes)));
        attempt.Repairs.AddRange(nested.Repairs);
        attempt.Unknown = nested.Unknown;
        return true;
    }

    /// <summary>
    /// Reads the repairer's output as the root, with what the repair log knows installed for the reader (numbers it
    /// rewrote, objects it closed) and the caller's restored afterwards.
    /// </summary>
    private static unsafe void ReadRepaired<T>(ByteBuilder output, RepairLog log, LlmJsonReadFunc<T> read, LlmParseOptions options,
        LlmReadContext ctx, Attempt<T> attempt, out bool syntaxError)
    {
        fixed (byte* clean = output.Buffer)
        {
            var previousNumbers = ctx.SetRewrittenNumbers(log.Numbers);
            var previousUnclosed = ctx.SetUnclosedObjects(log.Unclosed);
            try
            {
                TryReadRoot(clean, output.Length, log.Incomplete, -1, read, options, ctx, attempt, out syntaxError);
            }
            finally
            {
                ctx.SetRewrittenNumbers(previousNumbers);
                ctx.SetUnclosedObjects(previousUnclosed);
            }
        }
    }

    /// <summary>Reads the decoded text of a double-encoded root strictly, or repaired; false when it cannot be repaired or a repair is not allowed.</summary>
    private static unsafe bool ReadDoubleEncoded<T>(byte[] bytes, LlmJsonReadFunc<T> read, LlmParseOptions options, LlmReadContext ctx, Attempt<T> nested)
    {
        fixed (byte* p = bytes)
        {
            if (!TryReadRoot(p, bytes.Length, null, -1, read, options, ctx, nested, out bool syntax) && syntax)
            {
                var log = new RepairLog();
                using var output = new ByteBuilder(bytes.Length + 16);
                try
                {
                    JsonRepairer.Repair(bytes, output, log, options.MaxDepth);
                }
                catch (JsonRepairException)
                {
                    return false;
                }
                if (log.Ambiguous) return false;
                foreach (var r in log.Repairs)
                {
                    if (!options.IsAllowed(r.Kind)) return false;
                    nested.Repairs.Add(r.WithPosition(-1));
                }
                ReadRepaired(output, log, read, options, ctx, nested, out _);
            }
        }
        return true;
    }
}
