using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace StructuredLlm.Json;

/// <summary>Raised by the repairer when the text cannot be read as JSON without guessing.</summary>
internal sealed class JsonRepairException : Exception
{
    public JsonRepairException(string message, int position, bool depthExceeded = false) : base(message)
    {
        Position = position;
        DepthExceeded = depthExceeded;
    }

    public int Position { get; }
    public bool DepthExceeded { get; }
}

/// <summary>What the repairer found besides the clean bytes: the repairs and where incomplete values start.</summary>
internal sealed class RepairLog
{
    private readonly List<PathEntry> _path = new();

    /// <summary>At most this many repairs are listed per document; the kinds of the rest are still tracked.</summary>
    public const int MaxListed = 1000;

    public List<LlmRepair> Repairs { get; } = new();

    /// <summary>Repairs beyond <see cref="MaxListed"/>: counted, and their kinds kept as a bit set.</summary>
    public int Unlisted { get; set; }

    public ulong UnlistedKinds { get; set; }

    /// <summary>
    /// True when quotes other than " delimit strings and the repairer also had to guess structure: the same
    /// characters may be data inside a string, so a typed read refuses the document.
    /// </summary>
    public bool Ambiguous { get; set; }

    /// <summary>A string was closed by a quote character that does not pair with the one that opened it (`` `a' ``).</summary>
    public bool MismatchedQuotes { get; set; }

    /// <summary>Output offsets of values that were cut off, omitted or guessed (sorted ascending when read).</summary>
    public List<int> Incomplete { get; } = new();

    /// <summary>
    /// Numbers whose text the repairer rewrote (<c>+1</c> → <c>1</c>, <c>.5</c> → <c>0.5</c>, <c>1.</c> → <c>1.0</c>), by
    /// output offset (ascending), with the text as written: a string member is given the model's characters, not the
    /// rewrite (<see cref="LlmRead.String"/>). Null until the first such repair.
    /// </summary>
    public List<KeyValuePair<int, string>>? Numbers { get; private set; }

    internal void AddNumber(int offset, string written)
    {
        var numbers = Numbers ??= new();
        // `+.5`: the inner `.5` was noted at the same offset; the outer text is what was written.
        if (numbers.Count > 0 && numbers[numbers.Count - 1].Key == offset) numbers.RemoveAt(numbers.Count - 1);
        numbers.Add(new KeyValuePair<int, string>(offset, written));
    }

    /// <summary>Forgets the numbers (and unclosed objects) at or after <paramref name="offset"/>, whose output was taken back.</summary>
    internal void DropNumbersFrom(int offset)
    {
        var numbers = Numbers;
        while (numbers is { Count: > 0 } && numbers[numbers.Count - 1].Key >= offset) numbers.RemoveAt(numbers.Count - 1);
        var unclosed = Unclosed;
        while (unclosed is { Count: > 0 } && unclosed[unclosed.Count - 1] >= offset) unclosed.RemoveAt(unclosed.Count - 1);
    }

    internal void ShiftNumbers(int by)
    {
        var numbers = Numbers;
        if (numbers is not null)
        {
            for (int k = 0; k < numbers.Count; k++) numbers[k] = new KeyValuePair<int, string>(numbers[k].Key + by, numbers[k].Value);
        }
        var unclosed = Unclosed;
        if (unclosed is not null)
        {
            for (int k = 0; k < unclosed.Count; k++) unclosed[k] += by;
        }
    }

    /// <summary>
    /// Output offsets of objects that the end of the text cut off before their closing brace (ascending), or null. A typed
    /// object simply left unclosed is read (its members that never began are absent), but a dictionary's entries are
    /// data: one cut off may have lost entries, so its reader refuses it (<see cref="LlmRead.Dictionary{T}"/>).
    /// </summary>
    public List<int>? Unclosed { get; private set; }

    internal void AddUnclosed(int offset) => (Unclosed ??= new()).Add(offset);

    [ThreadStatic]
    private static RepairLog? t_cached;

    /// <summary>An empty log, reused on this thread: one is needed for every repaired document. Give it back with <see cref="Return"/>.</summary>
    public static RepairLog Rent()
    {
        var log = t_cached;
        t_cached = null;
        return log ?? new RepairLog();
    }

    private ByteBuilder? _output;

    /// <summary>
    /// The repaired output of this log's document: emptied, with room for <paramref name="capacity"/> bytes, and kept with
    /// the log (no builder and no pool rental per document). Valid until the log is returned.
    /// </summary>
    public ByteBuilder Output(int capacity)
    {
        var output = _output ??= new ByteBuilder(capacity);
        output.Reset(capacity);
        return output;
    }

    /// <summary>The largest output buffer a cached log keeps (a bigger one goes back to the pool).</summary>
    private const int MaxKeptOutput = 64 * 1024;

    /// <summary>Empties <paramref name="log"/> for the next document (none of its lists may still be in use).</summary>
    public static void Return(RepairLog log)
    {
        if (log._output is { } output && output.Buffer.Length > MaxKeptOutput)
        {
            output.Dispose();
            log._output = null;
        }
        if (log.Repairs.Capacity > 1024 || log.Incomplete.Capacity > 1024) return; // a huge document's lists are not kept
        log.Repairs.Clear();
        log.Incomplete.Clear();
        log.Numbers?.Clear();
        log.Unclosed?.Clear();
        log._path.Clear();
        log.Unlisted = 0;
        log.UnlistedKinds = 0;
        log.Ambiguous = false;
        log.MismatchedQuotes = false;
        t_cached = log;
    }

    internal void PushKey(int start, int length) => _path.Add(new PathEntry(start, length, -1));
    internal void PushIndex(int index) => _path.Add(new PathEntry(0, 0, index));
    internal void Pop() => _path.RemoveAt(_path.Count - 1);

    internal string CurrentPath(ByteBuilder output)
    {
        if (_path.Count == 0) return "$";
        var sb = LlmPath.Rent().Append('$');
        foreach (var e in _path)
        {
            if (e.Index >= 0)
            {
                sb.Append('[').Append(e.Index).Append(']');
            }
            else
            {
                if (e.Start + e.Length <= output.Length) LlmPath.AppendKey(sb, output.Span.Slice(e.Start, e.Length));
                else LlmPath.AppendKey(sb, "?");
            }
        }
        return LlmPath.ToStringAndReturn(sb);
    }

    private readonly struct PathEntry
    {
        public PathEntry(int start, int length, int index)
        {
            Start = start;
            Length = length;
            Index = index;
        }

        public int Start { get; }
        public int Length { get; }
        public int Index { get; }
    }
}

/// <summary>
/// One forward pass over UTF-8 text that writes strict JSON and records every change. Recursion is bounded by
/// the depth limit (at most <see cref="LlmParseOptions.MaxSupportedDepth"/>), so deep input fails cleanly; each
/// string is rescanned at most twice, so time is linear in the input.
/// </summary>
internal ref struct JsonRepairer
{
    private enum Quote : byte { None, Double, Single, SingleLike, DoubleLike }

    private readonly ReadOnlySpan<byte> _t;
    private readonly ByteBuilder _o;
    private readonly RepairLog _log;
    private readonly int _maxDepth;
    private readonly int _lastDoubleQuote;
    private readonly int _positionBase; // added to every recorded position: the text's offset in the caller's input
    private int _i;
    private int _depth;

    /// <summary>Whether the value being parsed is an object member's (its array may end before the next member's key).</summary>
    private bool _inMember;
    private bool _inKey; // a key's string is being read (a separator after it can only be the colon)
    private bool _fullwidthSeparators; // a fullwidth colon or comma was read as one
    private int _lastComma = -1; // input offset of the last comma copied, for the TrailingComma record
    private SnippetText? _copy; // the text as records see it, copied at the first repair unless given: they make their snippets from it when read

    private JsonRepairer(ReadOnlySpan<byte> text, ByteBuilder output, RepairLog log, int maxDepth, int positionBase, SnippetText? copy)
    {
        _copy = copy;
        _positionBase = positionBase;
        _t = text;
        _o = output;
        _log = log;
        _maxDepth = maxDepth;
        _lastDoubleQuote = text.LastIndexOf((byte)'"');
        _i = 0;
        _depth = 0;
    }

    /// <summary>
    /// Repairs <paramref name="text"/> into <paramref name="output"/>; throws <see cref="JsonRepairException"/> when it cannot.
    /// The repairs are recorded at their positions in the caller's input, where <paramref name="text"/> starts at
    /// <paramref name="positionBase"/>. <paramref name="copy"/>, when given, holds the same bytes as <paramref name="text"/>
    /// (the records' snippets are made from it); otherwise the text is copied at the first repair.
    /// </summary>
    public static void Repair(ReadOnlySpan<byte> text, ByteBuilder output, RepairLog log, int maxDepth, int positionBase = 0, SnippetText? copy = null)
    {
        var r = new JsonRepairer(text, output, log, maxDepth, positionBase, copy);
        r.ParseRoot();
        log.Incomplete.Sort();
        log.Unclosed?.Sort();
        log.Ambiguous = IsAmbiguous(text, log, positionBase);
    }

    private static bool IsAmbiguous(ReadOnlySpan<byte> text, RepairLog log, int positionBase)
    {
        bool otherQuotes = (log.UnlistedKinds & ((1UL << (int)LlmRepairKind.SingleQuotes) | (1UL << (int)LlmRepairKind.CurlyQuotes))) != 0;
        bool guessed = (log.UnlistedKinds & GuessKinds) != 0 || log.MismatchedQuotes;
        foreach (var r in log.Repairs)
        {
            if (r.Kind is LlmRepairKind.SingleQuotes or LlmRepairKind.CurlyQuotes) otherQuotes = true;
            else if (r.Kind == LlmRepairKind.InnerQuote) guessed |= !IsApostropheInWord(text, r.Position - positionBase, r.Before.Length);
            else if ((GuessKinds & (1UL << (int)r.Kind)) != 0) guessed = true;
        }
        return otherQuotes && guessed;
    }

    private const ulong GuessKinds =
        (1UL << (int)LlmRepairKind.MissingComma) | (1UL << (int)LlmRepairKind.MissingColon) | (1UL << (int)LlmRepairKind.UnquotedString) |
        (1UL << (int)LlmRepairKind.StringConcatenation) | (1UL << (int)LlmRepairKind.ExtraClosingBracket) |
        (1UL << (int)LlmRepairKind.MissingClosingBracket) | (1UL << (int)LlmRepairKind.ValueSequence) | (1UL << (int)LlmRepairKind.MissingEndQuote);

    /// <summary>`can't`, `O'Brien`: a quote between two letters.</summary>
    private static bool IsApostropheInWord(ReadOnlySpan<byte> text, int position, int length)
    {
        // position is the quote's first byte; skip the quote (1 byte, or a 2-3 byte UTF-8 sequence)
        int before = position - 1, after = position + 1;
        while (after < text.Length && (text[after] & 0xC0) == 0x80) after++;
        return before >= 0 && after < text.Length && IsLetterByte(text[before]) && IsLetterByte(text[after]);
    }

    private static bool IsLetterByte(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' || b >= 0x80;

    private readonly int Len => _t.Length;
    private readonly byte Cur => _i < _t.Length ? _t[_i] : (byte)0;
    private readonly byte At(int i) => (uint)i < (uint)_t.Length ? _t[i] : (byte)0;

    // ------------------------------------------------------------------ root

    private void ParseRoot()
    {
        if (Len >= 3 && _t[0] == 0xEF && _t[1] == 0xBB && _t[2] == 0xBF)
        {
            Rec(LlmRepairKind.ByteOrderMark, 0, 3, "");
            _i = 3;
        }
        ParseWs(true);
        SkipMarkdownStart();
        bool processed;
        if (IsObjectMissingItsOpeningBrace())
        {
            ParseWs(true);
            processed = ParseObject(openingBraceMissing: true);
            ParseWs(true);
        }
        else
        {
            processed = ParseValue();
        }
        if (!processed)
        {
            throw _i >= Len ? new JsonRepairException("Unexpected end of text: no JSON value", _i) : Unexpected();
        }
        SkipMarkdownEnd();

        bool comma = ParseChar((byte)',');
        if (comma) ParseWs(true);

        if (_i < Len && IsStartOfValueAt(_i) && EndsWithCommaOrNewline())
        {
            if (!comma) _o.InsertBeforeLastWhitespace(","u8);
            ParseValueSequence();
        }
        else if (comma)
        {
            _o.StripLast((byte)',');
            RecTrailingComma();
        }

        while (Cur is (byte)'}' or (byte)']')
        {
            Rec(LlmRepairKind.ExtraClosingBracket, _i, 1, "");
            _i++;
            ParseWs(true);
        }

        if (_i < Len) throw Unexpected();
    }

    private void ParseValueSequence()
    {
        int at = _i;
        bool initial = true;
        bool processedValue = true;
        while (processedValue)
        {
            if (!initial)
            {
                if (!ParseChar((byte)',')) _o.InsertBeforeLastWhitespace(","u8);
            }
            else
            {
                initial = false;
            }
            processedValue = ParseValue();
        }
        _o.StripLast((byte)',');
        _o.Insert(0, "[\n"u8);
        for (int k = 0; k < _log.Incomplete.Count; k++) _log.Incomplete[k] += 2;
        _log.ShiftNumbers(2);
        _o.Append("\n]"u8);
        var whole = RepairSnippets.HeadTail(_t);
        RecSnippet(LlmRepairKind.ValueSequence, at, whole, "[" + whole + "]");
    }

    private readonly bool EndsWithCommaOrNewline()
    {
        int k = _o.Length - 1;
        while (k >= 0 && _o[k] is (byte)' ' or (byte)'\t' or (byte)'\r') k--;
        return k >= 0 && _o[k] is (byte)',' or (byte)'\n';
    }

    private void SkipMarkdownStart()
    {
        int start = _i;
        if (StartsWith(_i, "```"u8)) _i += 3;
        else if (StartsWith(_i, "[```"u8) || StartsWith(_i, "{```"u8)) _i += 4;
        else return;
        _i = SkipFenceInfo(_t, _i, Len);
        Rec(LlmRepairKind.MarkdownFence, start, _i - start, "");
        ParseWs(true);
    }

    /// <summary>
    /// Past the rest of an opening fence after its first three backticks: more backticks (````json, as Markdown allows),
    /// the info string (`json`, `jsonc`, `ts-node`) and its attributes (<see cref="JsonLocator.SkipInfoAttributes"/>).
    /// </summary>
    internal static int SkipFenceInfo(ReadOnlySpan<byte> text, int i, int end)
    {
        while (i < end && text[i] == (byte)'`') i++;
        while (i < end && (IsIdentChar(text[i]) || text[i] == (byte)'-')) i++;
        return JsonLocator.SkipInfoAttributes(text, i, end);
    }

    private void SkipMarkdownEnd()
    {
        ParseWs(true);
        int start = _i;
        if (StartsWith(_i, "```]"u8) || StartsWith(_i, "```}"u8)) _i += 4;
        else if (StartsWith(_i, "```"u8))
        {
            _i += 3;
            while (_i < Len && _t[_i] == (byte)'`') _i++;
        }
        else return;
        Rec(LlmRepairKind.MarkdownFence, start, _i - start, "");
        ParseWs(true);
    }

    // ------------------------------------------------------------------ values

    private bool ParseValue()
    {
        ParseWs(true);
        bool processed = ParseObject() || ParseArray() || ParseString(false, -1) || ParseNumber() ||
                         ParseKeywords() || ParseUnquotedString(false) || ParseRegex();
        ParseWs(true);
        return processed;
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new JsonRepairException($"Nesting deeper than the limit of {_maxDepth}", _i, depthExceeded: true);
        }
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>
    /// True when the root starts with <c>"key":</c> and a <c>}</c> later closes a brace that was never opened: the
    /// members of an object whose <c>{</c> is missing, as a response that continues a prefilled <c>{</c> arrives
    /// (<c>"name": "x", "age": 3}</c>). A quoted string followed by a colon can only be an object member.
    /// </summary>
    private readonly bool IsObjectMissingItsOpeningBrace()
    {
        if (Cur != (byte)'"') return false;
        int i = _i + 1;
        while (i < Len && _t[i] != (byte)'"')
        {
            if (_t[i] is (byte)'\\') i++;
            else if (_t[i] is (byte)'\n') return false;
            i++;
        }
        i++;
        while (i < Len && IsWs(_t[i])) i++;
        if (At(i) != (byte)':') return false;

        // the bracket that closes the brace open before the key must be a `}`
        int close = JsonLocator.FindClose(_t, i, Len, 1, out _);
        return close >= 0 && _t[close] == (byte)'}';
    }

    private bool ParseObject(bool openingBraceMissing = false)
    {
        if (!openingBraceMissing && Cur != (byte)'{') return false;
        int objStart = _o.Length;
        _o.Append((byte)'{');
        if (openingBraceMissing) Rec(LlmRepairKind.MissingOpeningBracket, _i, 0, "{");
        else _i++;
        Enter();
        ParseWs(true);
        if (SkipLeadingComma()) ParseWs(true);

        bool initial = true;
        while (_i < Len && Cur != (byte)'}')
        {
            bool insertedComma = false;
            int commaRepairIndex = -1;
            if (!initial)
            {
                if (!ParseChar((byte)',') && !ParseCommaSpelling())
                {
                    _o.InsertBeforeLastWhitespace(","u8);
                    insertedComma = true;
                    commaRepairIndex = _log.Repairs.Count;
                    RecAt(LlmRepairKind.MissingComma, _i, PrevNonWs(_i - 1) + 1, 0, ",");
                }
                ParseWs(true);
                // `{"a":1,,"b":2}`: keys are explicit, so a doubled comma loses nothing.
                SkipRepeatedCommas(LlmRepairKind.ExtraComma, incompleteAt: -1);
            }
            else
            {
                initial = false;
            }

            SkipEllipsis(objStart);

            int keyOut = _o.Length;
            int keyIn = _i;
            _inKey = true;
            bool processedKey = ParseString(false, -1) || ParseUnquotedString(true);
            _inKey = false;
            if (!processedKey)
            {
                if (_i >= Len || Cur is (byte)'}' or (byte)'{' or (byte)']' or (byte)'[')
                {
                    if (_o.StripLast((byte)','))
                    {
                        if (insertedComma) _log.Repairs.RemoveAt(commaRepairIndex);
                        else RecTrailingComma();
                    }
                }
                else
                {
                    throw new JsonRepairException($"Object key expected at position {_i}", _i);
                }
                break;
            }

            int keyEnd = _o.EndOfContent(keyOut);
            _log.PushKey(keyOut + 1, Math.Max(0, keyEnd - keyOut - 2));
            ParseWs(true);
            bool processedColon = ParseChar((byte)':') || ParseColonSpelling();
            bool truncated = _i >= Len;
            if (!processedColon)
            {
                if (truncated || IsStartOfValueAt(_i))
                {
                    _o.InsertBeforeLastWhitespace(":"u8);
                    if (!truncated) RecAt(LlmRepairKind.MissingColon, _i, PrevNonWs(_i - 1) + 1, 0, ":");
                }
                else
                {
                    throw new JsonRepairException($"Colon expected at position {_i}", _i);
                }
            }

            _inMember = true;
            ParseWs(true);
            bool processedValue = ParseEllipsisValue() || ParseValue();
            _inMember = false;
            if (!processedValue)
            {
                if (processedColon || truncated)
                {
                    _log.Incomplete.Add(_o.Length);
                    _o.Append("null"u8);
                    if (_i >= Len) RecAt(LlmRepairKind.MissingValue, keyIn, EndOfContent(), 0, processedColon ? "null" : ":null");
                    else Rec(LlmRepairKind.MissingValue, _i, 0, "null");
                }
                else
                {
                    throw new JsonRepairException($"Colon expected at position {_i}", _i);
                }
            }
            _log.Pop();
        }

        if (Cur == (byte)'}')
        {
            _o.Append((byte)'}');
            _i++;
        }
        else
        {
            if (_i >= Len) _log.AddUnclosed(objStart);
            _o.InsertBeforeLastWhitespace("}"u8);
            RecAt(LlmRepairKind.MissingClosingBracket, _i, PrevNonWs(_i - 1) + 1, 0, "}");
        }
        _depth--;
        return true;
    }

    private bool ParseArray()
    {
        if (Cur != (byte)'[') return false;
        int arrStart = _o.Length;
        _o.Append((byte)'[');
        _i++;
        Enter();
        ParseWs(true);
        if (SkipLeadingComma()) ParseWs(true);

        bool initial = true;
        int index = 0;
        bool inMember = _inMember;
        _inMember = false;
        int sepIn = _i, sepOut = _o.Length, sepLog = _log.Repairs.Count, sepMarks = _log.Incomplete.Count;
        while (_i < Len && Cur != (byte)']')
        {
            bool insertedComma = false;
            int commaRepairIndex = -1;
            if (!initial)
            {
                // `"tags": ["a", "b", "email": "x"}`: the last element was the next member's key, so the `]` is missing
                // before it.
                if (Cur == (byte)':')
                {
                    if (!inMember) throw new JsonRepairException($"Array element expected at position {_i}, found ':'", _i);
                    CloseArrayBeforeKey(arrStart, sepIn, sepOut, sepLog, sepMarks, inMember);
                    return true;
                }

                // A comma is inserted before the whitespace that follows the element: end of content, not length.
                sepIn = _i;
                sepOut = _o.EndOfContent();
                sepLog = _log.Repairs.Count;
                sepMarks = _log.Incomplete.Count;
                if (!ParseChar((byte)',') && !ParseCommaSpelling())
                {
                    // `"a""b"` or `“a““b”`: touching quotes are as likely one string with inner quotes as two
                    // strings without a comma, so the array is marked uncertain.
                    bool touching = _i > 0 && !IsWs(_t[_i - 1]) && QuoteAt(_i, out _) != Quote.None && _o.EndOfContent() > 0 && _o[_o.EndOfContent() - 1] == (byte)'"';
                    if (touching) _log.Incomplete.Add(arrStart);
                    _o.InsertBeforeLastWhitespace(","u8);
                    insertedComma = true;
                    commaRepairIndex = _log.Repairs.Count;
                    RecAt(LlmRepairKind.MissingComma, _i, PrevNonWs(_i - 1) + 1, 0, ",");
                }

                // `[1,,3]`: an element was left out (positions shift), so the array is marked incomplete.
                ParseWs(true);
                SkipRepeatedCommas(LlmRepairKind.MissingValue, incompleteAt: arrStart);
            }
            else
            {
                initial = false;
            }

            SkipEllipsis(arrStart);
            if (inMember && IsBareKeyAt(_i))
            {
                // `"tags": ["a", email: "x"}`: the same with an unquoted key.
                CloseArrayBeforeKey(arrStart, sepIn, sepOut, sepLog, sepMarks, inMember);
                return true;
            }

            _log.PushIndex(index);
            bool processedValue = ParseValue();
            _log.Pop();
            if (!processedValue)
            {
                if (_o.StripLast((byte)','))
                {
                    if (insertedComma) _log.Repairs.RemoveAt(commaRepairIndex);
                    else RecTrailingComma();
                }
                break;
            }
            index++;
        }

        _inMember = inMember;
        if (Cur == (byte)']')
        {
            _o.Append((byte)']');
            _i++;
        }
        else
        {
            _o.InsertBeforeLastWhitespace("]"u8);
            if (_i >= Len)
            {
                _log.Incomplete.Add(arrStart);
                RecAt(LlmRepairKind.TruncatedArray, _i, PrevNonWs(_i - 1) + 1, 0, "]");
            }
            else
            {
                RecAt(LlmRepairKind.MissingClosingBracket, _i, PrevNonWs(_i - 1) + 1, 0, "]");
            }
        }
        _depth--;
        return true;
    }

    /// <summary>
    /// Ends an array at its last separator because what follows is the next member's key: that member is read as a
    /// member again. Where the list really ended is a guess, so it is marked incomplete (a typed read refuses it rather
    /// than keep or drop the element before the key).
    /// </summary>
    private void CloseArrayBeforeKey(int arrStart, int sepIn, int sepOut, int sepLog, int sepMarks, bool inMember)
    {
        Revert(sepIn, sepOut, sepLog, sepMarks);
        _o.InsertBeforeLastWhitespace("]"u8);
        _log.Incomplete.Add(arrStart);
        RecAt(LlmRepairKind.MissingClosingBracket, _i, PrevNonWs(_i - 1) + 1, 0, "]");
        _inMember = inMember;
        _depth--;
    }

    /// <summary>An unquoted name followed by a colon (<c>email: "x"</c>, not <c>http://</c>): a key, not an element.</summary>
    private readonly bool IsBareKeyAt(int i)
    {
        if (i >= Len || !IsFunctionNameStart(_t[i])) return false;
        while (i < Len && IsIdentChar(_t[i])) i++;
        while (i < Len && _t[i] is (byte)' ' or (byte)'\t') i++;
        return At(i) == (byte)':' && !(At(i + 1) == (byte)'/' && At(i + 2) == (byte)'/');
    }

    private bool ParseChar(byte c)
    {
        if (Cur != c) return false;
        if (c == (byte)',') _lastComma = _i;
        _o.Append(c);
        _i++;
        return true;
    }

    /// <summary>
    /// <c>=</c>, <c>=&gt;</c> or a fullwidth <c>：</c> where a key's colon belongs: the key is explicit and nothing else is
    /// written between a key and its value, so each can only mean the colon (<c>==</c> is not one).
    /// </summary>
    private bool ParseColonSpelling()
    {
        int length = ColonSpellingLength(_i);
        if (length == 0) return false;
        _fullwidthSeparators |= length == 3;
        _o.Append((byte)':');
        Rec(LlmRepairKind.SeparatorSpelling, _i, length, ":");
        _i += length;
        return true;
    }

    /// <summary>A fullwidth <c>，</c> (U+FF0C) where a comma between values belongs.</summary>
    private bool ParseCommaSpelling()
    {
        if (!IsFullwidth(_i, 0x8C)) return false;
        _fullwidthSeparators = true;
        _lastComma = _i;
        _o.Append((byte)',');
        Rec(LlmRepairKind.SeparatorSpelling, _i, 3, ",");
        _i += 3;
        return true;
    }

    /// <summary>Whether the fullwidth form U+FF00+(<paramref name="last"/> - 0x80) starts at <paramref name="at"/> (UTF-8 EF BC xx).</summary>
    private readonly bool IsFullwidth(int at, byte last) =>
        at + 2 < Len && _t[at] == 0xEF && _t[at + 1] == 0xBC && _t[at + 2] == last;

    /// <summary>The length of <c>=</c>, <c>=&gt;</c> or a fullwidth <c>：</c> at <paramref name="at"/> (<c>==</c> is none), else 0.</summary>
    private readonly int ColonSpellingLength(int at) =>
        At(at) == (byte)'=' ? (At(at + 1) == (byte)'>' ? 2 : At(at + 1) == (byte)'=' ? 0 : 1)
        : IsFullwidth(at, 0x9A) ? 3 : 0;

    /// <summary>Drops commas repeated after a separator, recording each; marks the container when one means lost data.</summary>
    private void SkipRepeatedCommas(LlmRepairKind kind, int incompleteAt)
    {
        while (Cur == (byte)',')
        {
            if (incompleteAt >= 0) _log.Incomplete.Add(incompleteAt);
            Rec(kind, _i, 1, "");
            _i++;
            ParseWs(true);
        }
    }

    private bool SkipLeadingComma()
    {
        if (Cur != (byte)',') return false;
        Rec(LlmRepairKind.LeadingComma, _i, 1, "");
        _i++;
        return true;
    }

    private void SkipEllipsis(int containerStart)
    {
        ParseWs(true);
        int n = EllipsisLength(_i);
        if (n > 0)
        {
            Rec(LlmRepairKind.Ellipsis, _i, n, "");
            _log.Incomplete.Add(containerStart);
            _i += n;
            ParseWs(true);
            if (Cur == (byte)',') _i++;
        }
    }

    /// <summary>The length of an ellipsis at <paramref name="i"/>: <c>...</c> or the one character <c>…</c> (U+2026); 0 if none.</summary>
    private readonly int EllipsisLength(int i) => StartsWith(i, "..."u8) || StartsWith(i, "\u2026"u8) ? 3 : 0;

    /// <summary>
    /// <c>"summary": ...</c> or <c>"summary": …</c>: an ellipsis standing for a value that was left out. It becomes
    /// <c>null</c>, marked incomplete (a typed read refuses it), instead of the text <c>"..."</c>.
    /// </summary>
    private bool ParseEllipsisValue()
    {
        int n = EllipsisLength(_i);
        int after = _i + n;
        if (n == 0 || !(after >= Len || IsDelimiter(_t[after]) || IsWs(_t[after])))
        {
            return false;
        }

        Rec(LlmRepairKind.Ellipsis, _i, n, "null");
        _log.Incomplete.Add(_o.Length);
        _o.Append("null"u8);
        _i = after;
        ParseWs(true);
        return true;
    }

    // ------------------------------------------------------------------ strings

    private bool ParseString(bool stopAtDelimiter, int stopAtIndex)
    {
        int iStart = _i;
        bool skipEscapeChars = Cur == (byte)'\\';
        if (skipEscapeChars) _i++;
        var quote = QuoteAt(_i, out int qlen);
        if (quote == Quote.None)
        {
            _i = iStart;
            return false;
        }

        int oBefore = _o.Length;
        int logBefore = _log.Repairs.Count;
        int marksBefore = _log.Incomplete.Count;
        _o.Append((byte)'"');
        _i += qlen;

        while (true)
        {
            if (_i >= Len)
            {
                int iPrev = PrevNonWs(_i - 1);
                if (!stopAtDelimiter && iPrev >= 0 && IsDelimiter(_t[iPrev]))
                {
                    Revert(iStart, oBefore, logBefore, marksBefore);
                    return ParseString(true, -1);
                }
                _o.InsertBeforeLastWhitespace("\""u8, oBefore + 1);
                _log.Incomplete.Add(oBefore);
                RecAt(LlmRepairKind.TruncatedString, iStart, EndOfContent(), 0, "\"");
                RecordQuoteKind(quote, skipEscapeChars, iStart, qlen);
                return true;
            }

            if (_i == stopAtIndex)
            {
                _o.InsertBeforeLastWhitespace("\""u8, oBefore + 1);
                _log.Incomplete.Add(oBefore);
                RecAt(LlmRepairKind.MissingEndQuote, _i, PrevNonWs(_i - 1) + 1, 0, "\"");
                RecordQuoteKind(quote, skipEscapeChars, iStart, qlen);
                return true;
            }

            if (!stopAtDelimiter && !skipEscapeChars)
            {
                // Most of a string is plain text the loop below would copy byte by byte: copy the run up to the next
                // byte it treats specially (a quote character, a backslash, a control character) at once.
                int limit = stopAtIndex > _i ? stopAtIndex : Len;
                int run = Utf8Text.PlainStringRun(_t.Slice(_i, limit - _i));
                if (run > 0)
                {
                    _o.Append(_t.Slice(_i, run));
                    _i += run;
                    continue;
                }
            }

            if (IsEndQuote(quote, _i, out int eq))
            {
                int iQuote = _i;
                int oQuote = _o.Length;
                _o.Append((byte)'"');
                _i += eq;
                ParseWs(false);

                if (IsValidStringEnd(stopAtDelimiter, oBefore + 1, oQuote))
                {
                    RecordQuoteKind(quote, skipEscapeChars, iStart, qlen);
                    int iOpen = iStart + (skipEscapeChars ? 1 : 0);
                    if (!QuotesPair(_t.Slice(iOpen, Math.Min(qlen, Len - iOpen)), _t.Slice(iQuote, eq))) _log.MismatchedQuotes = true;
                    ParseConcatenatedString(oBefore);
                    return true;
                }

                int iPrevChar = PrevNonWs(iQuote - 1);
                byte prevChar = At(iPrevChar);
                if (prevChar == (byte)',' && iPrevChar > iStart)
                {
                    Revert(iStart, oBefore, logBefore, marksBefore);
                    return ParseString(false, iPrevChar);
                }
                // A delimiter before the quote: the end quote was left out there (`{"a": "x}, "b": 1`) and the text reads
                // again up to that delimiter. When nothing in between would stop it (`"User wrote: "set it to 5""`, a
                // colon inside prose), reading again would end the string at this same quote and split the sentence into
                // a value and an invented key: the quote is data instead.
                if (IsDelimiter(prevChar) && iPrevChar > iStart && HasUnquotedStringDelimiter(iStart + qlen, iQuote))
                {
                    Revert(iStart, oBefore, logBefore, marksBefore);
                    return ParseString(true, -1);
                }

                // The quote is data: keep the character the model wrote (escaped when it is ") and go on.
                _o.Truncate(oQuote);
                if (_t[iQuote] == (byte)'"')
                {
                    _o.Append("\\\""u8);
                }
                else
                {
                    _o.Append(_t.Slice(iQuote, eq));
                }
                // a `"` is escaped, another quote character stays as written; the neighbouring text shows why it is data
                RecAt(LlmRepairKind.InnerQuote, iQuote, iQuote, eq, eq == 1 && _t[iQuote] == (byte)'"' ? "\\\"" : Utf8Text.GetString(_t.Slice(iQuote, eq)), alwaysContext: true);
                _i = iQuote + eq;
                continue;
            }

            byte c = _t[_i];
            if (stopAtDelimiter && IsUnquotedStringDelimiter(c))
            {
                if (_i > 0 && _t[_i - 1] == (byte)':' && IsUrlStart(iStart + (skipEscapeChars ? 1 : 0) + qlen, _i))
                {
                    while (_i < Len && IsUrlChar(_t[_i]))
                    {
                        _o.Append(_t[_i]);
                        _i++;
                    }
                }
                _o.InsertBeforeLastWhitespace("\""u8, oBefore + 1);
                _log.Incomplete.Add(oBefore);
                RecAt(LlmRepairKind.MissingEndQuote, _i, PrevNonWs(_i - 1) + 1, 0, "\"");
                RecordQuoteKind(quote, skipEscapeChars, iStart, qlen);
                ParseConcatenatedString(oBefore);
                return true;
            }

            if (c == (byte)'\\')
            {
                if (_i + 1 >= Len)
                {
                    _i++;
                    continue;
                }
                byte n = _t[_i + 1];
                switch (n)
                {
                    case (byte)'"':
                    case (byte)'\\':
                    case (byte)'/':
                    case (byte)'b':
                    case (byte)'f':
                    case (byte)'n':
                    case (byte)'r':
                    case (byte)'t':
                        _o.Append(_t.Slice(_i, 2));
                        _i += 2;
                        break;
                    case (byte)'u':
                        int j = 2;
                        while (j < 6 && _i + j < Len && IsHex(_t[_i + j])) j++;
                        if (j == 6)
                        {
                            _o.Append(_t.Slice(_i, 6));
                            _i += 6;
                        }
                        else if (_i + j >= Len)
                        {
                            _i = Len; // cut inside the escape: the string was truncated
                        }
                        else
                        {
                            throw new JsonRepairException($"Invalid unicode escape at position {_i}", _i);
                        }
                        break;
                    case (byte)'\'':
                        _o.Append((byte)'\'');
                        Rec(LlmRepairKind.InvalidEscape, _i, 2, "'");
                        _i += 2;
                        break;
                    case (byte)'\n':
                        _o.Append("\\n"u8);
                        Rec(LlmRepairKind.InvalidEscape, _i, 2, "\\n");
                        _i += 2;
                        break;
                    case (byte)'\r':
                        // a line continuation with a Windows line end: as with \n, the line break is kept and the
                        // backslash that escaped it is not (the \n after it is then a raw control character)
                        _o.Append("\\r"u8);
                        Rec(LlmRepairKind.InvalidEscape, _i, 2, "\\r");
                        _i += 2;
                        break;
                    default:
                        // Not a JSON escape: keep the backslash as data.
                        _o.Append("\\\\"u8);
                        Rec(LlmRepairKind.InvalidEscape, _i, 2, "\\\\");
                        _i++;
                        break;
                }
            }
            else if (c == (byte)'"' && quote != Quote.Double)
            {
                _o.Append("\\\""u8);
                _i++;
            }
            else if (c < 0x20)
            {
                AppendControl(c);
                Rec(LlmRepairKind.ControlCharacter, _i, 1, ControlEscape(c));
                _i++;
            }
            else
            {
                _o.Append(c);
                _i++;
            }

            if (skipEscapeChars && Cur == (byte)'\\') _i++;
        }
    }

    private readonly bool HasUnquotedStringDelimiter(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (IsUnquotedStringDelimiter(_t[k])) return true;
        }
        return false;
    }

    private bool IsValidStringEnd(bool stopAtDelimiter, int contentStart, int contentEnd)
    {
        if (stopAtDelimiter || _i >= Len) return true;
        byte c = _t[_i];
        if (c is (byte)')' or (byte)']' or (byte)'}' && _lastDoubleQuote > _i && TextContinuesAfter(_i + 1) && HasUnmatchedOpen(contentStart, contentEnd, c))
        {
            return false; // "six feet (72") tall": the quote closes nothing
        }
        if (IsDelimiter(c) || IsDigit(c)) return true;
        // `"category" = "Billing"`, `"a"："b"，"c"`: another spelling of a separator, with a value or key after it. After a
        // key it can only be the colon; after a value, `=` is prose (`"x" = y`) and a fullwidth comma is taken only once
        // the text has used fullwidth separators (CJK prose with quotes in it stays one string).
        int separator = _inKey ? ColonSpellingLength(_i) : _fullwidthSeparators && IsFullwidth(_i, 0x8C) ? 3 : 0;
        if (separator > 0)
        {
            int k = _i + separator;
            while (k < Len && IsWs(_t[k])) k++;
            return IsStartOfValueAt(k);
        }
        if (QuoteAt(_i, out int ql) != Quote.None)
        {
            // `"72""`: a quote followed by a lone quote that ends the text is data.
            int k = _i + ql;
            while (k < Len && _t[k] is (byte)' ' or (byte)'\t' or (byte)'\r') k++;
            return !(k >= Len || _t[k] is (byte)',' or (byte)'}' or (byte)']' or (byte)'\n' or (byte)':');
        }
        return false;
    }

    /// <summary>True when what follows (after spaces) is more text rather than the next token or the end.</summary>
    private readonly bool TextContinuesAfter(int i)
    {
        while (i < Len && _t[i] is (byte)' ' or (byte)'\t') i++;
        return i < Len && _t[i] is not ((byte)',' or (byte)':' or (byte)'}' or (byte)']' or (byte)'\n' or (byte)'\r');
    }

    private readonly bool HasUnmatchedOpen(int start, int end, byte close)
    {
        byte open = close switch { (byte)')' => (byte)'(', (byte)']' => (byte)'[', _ => (byte)'{' };
        int balance = 0;
        for (int k = start; k < end; k++)
        {
            byte b = _o[k];
            if (b == open) balance++;
            else if (b == close && balance > 0) balance--;
        }
        return balance > 0;
    }

    private void Revert(int i, int o, int logCount, int marksCount)
    {
        _i = i;
        _o.Truncate(o);
        _log.DropNumbersFrom(o);
        if (_log.Repairs.Count > logCount) _log.Repairs.RemoveRange(logCount, _log.Repairs.Count - logCount);
        if (_log.Incomplete.Count > marksCount) _log.Incomplete.RemoveRange(marksCount, _log.Incomplete.Count - marksCount);
    }

    private void RecordQuoteKind(Quote quote, bool escaped, int at, int quoteLength)
    {
        if (escaped) Rec(LlmRepairKind.EscapedString, at, 1 + quoteLength, "\"");
        int q = escaped ? at + 1 : at;
        if (quote == Quote.Single) Rec(LlmRepairKind.SingleQuotes, q, quoteLength, "\"");
        else if (quote is Quote.SingleLike or Quote.DoubleLike) Rec(LlmRepairKind.CurlyQuotes, q, quoteLength, "\"");
    }

    /// <summary>`"a" + "b"`: joined, and marked uncertain (a `+` after a quote may as well be data).</summary>
    private void ParseConcatenatedString(int stringStart)
    {
        ParseWs(true);
        if (Cur == (byte)'+') _log.Incomplete.Add(stringStart);
        while (Cur == (byte)'+')
        {
            int at = _i;
            _i++;
            ParseWs(true);
            // drop the closing quote of the previous string and anything after it
            int q = _o.Length - 1;
            while (q >= 0 && _o[q] != (byte)'"') q--;
            if (q >= 0) _o.Truncate(q);
            int start = _o.Length;
            if (ParseString(false, -1))
            {
                _o.RemoveAt(start);
            }
            else
            {
                _o.InsertBeforeLastWhitespace("\""u8);
            }
            int from = Math.Max(0, at - RepairSnippets.ContextBytes);
            while (from < at && (_t[from] & 0xC0) == 0x80) from++;
            RecSnippet(LlmRepairKind.StringConcatenation, at, Utf8Text.Snippet(_t.Slice(from, _i - from)), RepairSnippets.HeadTail(_o.Span.Slice(stringStart)));
        }
    }

    private void AppendControl(byte c)
    {
        switch (c)
        {
            case (byte)'\b': _o.Append("\\b"u8); break;
            case (byte)'\f': _o.Append("\\f"u8); break;
            case (byte)'\n': _o.Append("\\n"u8); break;
            case (byte)'\r': _o.Append("\\r"u8); break;
            case (byte)'\t': _o.Append("\\t"u8); break;
            default:
                _o.Append("\\u00"u8);
                _o.Append(HexDigit(c >> 4));
                _o.Append(HexDigit(c & 0xF));
                break;
        }
    }

    private static string ControlEscape(byte c) => c switch
    {
        (byte)'\b' => "\\b",
        (byte)'\f' => "\\f",
        (byte)'\n' => "\\n",
        (byte)'\r' => "\\r",
        (byte)'\t' => "\\t",
        _ => "\\u00" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);

    // ------------------------------------------------------------------ numbers, keywords, bare words

    private bool ParseNumber()
    {
        int start = _i;
        if (Cur == (byte)'+' && (IsDigit(At(_i + 1)) || (At(_i + 1) == (byte)'.' && IsDigit(At(_i + 2)))))
        {
            // `+2`: an explicit plus sign (JSON5, some models) names the same number; drop it and say so.
            int plusOut = _o.Length;
            _i++;
            if (!ParseNumber())
            {
                _i = start;
                return false;
            }
            if (_o[plusOut] == (byte)'"')
            {
                // `+0789` became the string "0789" (LeadingZeros): the string keeps every character written.
                _o.Insert(plusOut + 1, "+"u8);
                return true;
            }
            Rec(LlmRepairKind.NumberFormat, start, _i - start, Utf8Text.GetString(_o.Span.Slice(plusOut)));
            _log.AddNumber(plusOut, Utf8Text.GetString(_t.Slice(start, _i - start)));
            return true;
        }
        if (Cur == (byte)'-')
        {
            _i++;
            if (AtEndOfNumber()) return RepairNumberEnding(start);
            if (!IsDigit(Cur) && Cur != (byte)'.')
            {
                _i = start;
                return false;
            }
        }
        while (IsDigit(Cur)) _i++;
        if (Cur == (byte)'.')
        {
            _i++;
            if (AtEndOfNumber()) return RepairNumberEnding(start);
            if (!IsDigit(Cur))
            {
                _i = start;
                return false;
            }
            while (IsDigit(Cur)) _i++;
        }
        if (Cur is (byte)'e' or (byte)'E' && _i > start)
        {
            _i++;
            if (Cur is (byte)'-' or (byte)'+') _i++;
            if (AtEndOfNumber()) return RepairNumberEnding(start);
            if (!IsDigit(Cur))
            {
                _i = start;
                return false;
            }
            while (IsDigit(Cur)) _i++;
        }
        if (!AtEndOfNumber())
        {
            _i = start;
            return false;
        }
        if (_i == start) return false;

        var num = _t.Slice(start, _i - start);
        int outStart = _o.Length;
        if (HasInvalidLeadingZero(num))
        {
            AppendQuoted(num);
            Rec(LlmRepairKind.LeadingZeros, start, num.Length, "\"" + Utf8Text.GetString(num) + "\"");
        }
        else if (num[0] == (byte)'.' || (num.Length > 1 && num[0] == (byte)'-' && num[1] == (byte)'.'))
        {
            if (num[0] == (byte)'-') _o.Append((byte)'-');
            _o.Append((byte)'0');
            _o.Append(num[0] == (byte)'-' ? num.Slice(1) : num);
            Rec(LlmRepairKind.NumberFormat, start, num.Length, "0" + Utf8Text.GetString(num));
            _log.AddNumber(outStart, Utf8Text.GetString(num));
        }
        else
        {
            _o.Append(num);
        }
        MarkIfEndsText(outStart, LlmRepairKind.TruncatedNumber, start);
        return true;
    }

    private bool RepairNumberEnding(int start)
    {
        var num = _t.Slice(start, _i - start);
        int outStart = _o.Length;
        if (HasInvalidLeadingZero(num))
        {
            AppendQuoted(num);
            Rec(LlmRepairKind.LeadingZeros, start, num.Length, "\"" + Utf8Text.GetString(num) + "\"");
            return true;
        }
        int from = 0;
        if (num[0] == (byte)'-')
        {
            _o.Append((byte)'-');
            from = 1;
        }
        if (from >= num.Length)
        {
            _o.Append((byte)'0'); // `-` alone
        }
        else
        {
            if (num[from] == (byte)'.') _o.Append((byte)'0');
            _o.Append(num.Slice(from));
            _o.Append((byte)'0');
        }
        // A lone sign, a dot with no digit (`.`, `-.`) or an exponent with no digits lost a part of the number: whatever
        // is written is a guess, so a typed read refuses it on a member. A dangling dot (`2.` → `2.0`) keeps the value
        // and is only a format repair.
        byte last = num[num.Length - 1];
        bool digits = false;
        foreach (byte b in num) digits |= IsDigit(b);
        if (from >= num.Length || !digits || last is (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-')
        {
            _log.Incomplete.Add(outStart);
            Rec(LlmRepairKind.IncompleteNumber, start, num.Length, Utf8Text.GetString(_o.Span.Slice(outStart)));
        }
        else
        {
            Rec(LlmRepairKind.NumberFormat, start, num.Length, Utf8Text.GetString(_o.Span.Slice(outStart)));
            _log.AddNumber(outStart, Utf8Text.GetString(num));
        }

        MarkIfEndsText(outStart, LlmRepairKind.TruncatedNumber, start);
        return true;
    }

    private void MarkIfEndsText(int outStart, LlmRepairKind kind, int inStart)
    {
        if (_depth == 0) return;
        int k = _i;
        while (k < Len && _t[k] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') k++;
        if (k < Len) return;
        _log.Incomplete.Add(outStart);
        Rec(kind, inStart, _i - inStart, Utf8Text.Snippet(_o.Span.Slice(outStart))); // kept as written, marked as possibly cut
    }

    private static bool HasInvalidLeadingZero(ReadOnlySpan<byte> num)
    {
        int k = num.Length > 0 && num[0] == (byte)'-' ? 1 : 0;
        return num.Length > k + 1 && num[k] == (byte)'0' && IsDigit(num[k + 1]);
    }

    private readonly bool AtEndOfNumber() => _i >= Len || IsDelimiter(_t[_i]) || IsWs(_t[_i]) || SpecialWhitespaceLength(_i) > 0
        || IsFullwidth(_i, 0x8C);

    private bool ParseKeywords()
    {
        byte c = Cur;
        if (c is not ((byte)'t' or (byte)'f' or (byte)'n' or (byte)'T' or (byte)'F' or (byte)'N' or (byte)'u')) return false;
        if (ParseKeyword("true"u8, "true"u8, 0) || ParseKeyword("false"u8, "false"u8, 0) || ParseKeyword("null"u8, "null"u8, 0) ||
            ParseKeyword("True"u8, "true"u8, LlmRepairKind.PythonLiteral) || ParseKeyword("False"u8, "false"u8, LlmRepairKind.PythonLiteral) ||
            ParseKeyword("None"u8, "null"u8, LlmRepairKind.PythonLiteral) || ParseKeyword("undefined"u8, "null"u8, LlmRepairKind.UndefinedLiteral) ||
            ParseOtherSpelling())
        {
            return true;
        }

        // A literal cut by the end of the text: `tru`, `fals`, `nu`.
        if (_depth > 0)
        {
            var rest = _t.Slice(_i);
            int end = rest.Length;
            while (end > 0 && IsWs(rest[end - 1])) end--;
            var word = rest.Slice(0, end);
            if (word.Length > 0 && (IsProperPrefix(word, "true"u8) || IsProperPrefix(word, "false"u8) || IsProperPrefix(word, "null"u8)))
            {
                _log.Incomplete.Add(_o.Length);
                _o.Append("null"u8);
                Rec(LlmRepairKind.TruncatedLiteral, _i, word.Length, "null");
                _i += word.Length;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A literal as other languages spell it (<c>NULL</c>, <c>Null</c>, <c>TRUE</c>, <c>FALSE</c>, <c>nil</c>): the whole value,
    /// followed by a delimiter or the end, so a word that only begins that way (<c>Null pointer</c>, <c>nil-rated</c>)
    /// stays text. Read as a string it would be the text "NULL" where the model meant no value.
    /// </summary>
    private bool ParseOtherSpelling()
    {
        int end = _i;
        while (end < Len && IsIdentChar(_t[end])) end++;
        var word = _t.Slice(_i, end - _i);
        ReadOnlySpan<byte> value;
        if (word.Length == 3 && (word.SequenceEqual("nil"u8) || word.SequenceEqual("Nil"u8) || word.SequenceEqual("NIL"u8))) value = "null"u8;
        else if (Utf8Text.EqualsAsciiIgnoreCase(word, "null"u8)) value = "null"u8;
        else if (Utf8Text.EqualsAsciiIgnoreCase(word, "true"u8)) value = "true"u8;
        else if (Utf8Text.EqualsAsciiIgnoreCase(word, "false"u8)) value = "false"u8;
        else return false;

        int next = end;
        while (next < Len && (_t[next] is (byte)' ' or (byte)'\t' or (byte)'\r')) next++;
        if (next < Len && !(_t[next] is (byte)',' or (byte)'}' or (byte)']' or (byte)'\n' or (byte)'/' or (byte)'#')) return false;
        _o.Append(value);
        Rec(LlmRepairKind.LiteralSpelling, _i, word.Length, Utf8Text.GetString(value));
        _i = end;
        return true;
    }

    private static bool IsProperPrefix(ReadOnlySpan<byte> word, ReadOnlySpan<byte> literal) =>
        word.Length < literal.Length && literal.StartsWith(word);

    private bool ParseKeyword(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, LlmRepairKind kind)
    {
        if (!StartsWith(_i, name) || IsIdentChar(At(_i + name.Length))) return false;
        _o.Append(value);
        if (kind != 0) Rec(kind, _i, name.Length, Utf8Text.GetString(value));
        _i += name.Length;
        return true;
    }

    private bool ParseUnquotedString(bool isKey)
    {
        int start = _i;
        if (_i < Len && IsFunctionNameStart(_t[_i]))
        {
            while (_i < Len && IsIdentChar(_t[_i])) _i++;
            int j = _i;
            while (j < Len && IsWs(_t[j])) j++;
            if (j < Len && _t[j] == (byte)'(' && !isKey)
            {
                int oBefore = _o.Length, logBefore = _log.Repairs.Count, marksBefore = _log.Incomplete.Count;
                Rec(LlmRepairKind.FunctionWrapper, start, j + 1 - start, "");
                _i = j + 1;
                if (ParseValue())
                {
                    if (Cur == (byte)')')
                    {
                        _i++;
                        if (Cur == (byte)';') _i++;
                    }
                    return true;
                }
                Revert(start, oBefore, logBefore, marksBefore); // `name(` with no value inside: just a word
                while (_i < Len && IsIdentChar(_t[_i])) _i++;
            }
        }

        while (_i < Len && !IsUnquotedStringDelimiter(_t[_i]) && QuoteAt(_i, out _) == Quote.None
            && (!isKey || (_t[_i] is not ((byte)':' or (byte)'=') && !IsFullwidth(_i, 0x9A))))
        {
            _i++;
        }
        if (!isKey && _i > start && _i + 1 < Len && _t[_i - 1] == (byte)':' && IsUrlStart(start, _i))
        {
            while (_i < Len && IsUrlChar(_t[_i])) _i++;
        }
        if (_i <= start)
        {
            _i = start;
            return false;
        }

        while (_i > start && IsWs(_t[_i - 1])) _i--;
        var symbol = _t.Slice(start, _i - start);
        int outStart = _o.Length;
        if (!isKey && symbol.SequenceEqual("undefined"u8))
        {
            _o.Append("null"u8);
            Rec(LlmRepairKind.UndefinedLiteral, start, symbol.Length, "null");
        }
        else
        {
            AppendQuoted(symbol);
            Rec(isKey ? LlmRepairKind.UnquotedKey : LlmRepairKind.UnquotedString, start, symbol.Length, Utf8Text.Snippet(_o.Span.Slice(outStart)));
        }
        if (Cur == (byte)'"') _i++; // `abc"`: the opening quote was missing
        else if (!isKey) MarkIfEndsText(outStart, LlmRepairKind.TruncatedLiteral, start);
        return true;
    }

    private bool ParseRegex()
    {
        if (Cur != (byte)'/') return false;
        int start = _i;
        _i++;
        while (_i < Len && (_t[_i] != (byte)'/' || _t[_i - 1] == (byte)'\\')) _i++;
        if (_i < Len) _i++;
        int regexOut = _o.Length;
        AppendQuoted(_t.Slice(start, _i - start));
        Rec(LlmRepairKind.UnquotedString, start, _i - start, Utf8Text.Snippet(_o.Span.Slice(regexOut)));
        return true;
    }

    /// <summary>Writes raw text as a JSON string, escaping what JSON requires.</summary>
    private void AppendQuoted(ReadOnlySpan<byte> raw)
    {
        _o.Append((byte)'"');
        foreach (byte b in raw)
        {
            if (b == (byte)'"') _o.Append("\\\""u8);
            else if (b == (byte)'\\') _o.Append("\\\\"u8);
            else if (b < 0x20) AppendControl(b);
            else _o.Append(b);
        }
        _o.Append((byte)'"');
    }

    // ------------------------------------------------------------------ whitespace and comments

    private bool ParseWs(bool skipNewline)
    {
        // Most calls stand on a value or a delimiter: nothing to skip unless the byte is whitespace (an ASCII one, or the
        // lead byte of a special space), or starts a comment.
        if (_i >= Len) return false;
        byte first = _t[_i];
        if (first > (byte)' ' && first < 0x80 && first != (byte)'/' && first != (byte)'#') return false;
        int start = _i;
        while (true)
        {
            // whitespace, then a comment if one starts there (only `/` and `#` start one), and again after a comment
            ParseWhitespace(skipNewline);
            if (_i >= Len || _t[_i] is not ((byte)'/' or (byte)'#') || !ParseComment()) break;
        }
        return _i > start;
    }

    private bool ParseWhitespace(bool skipNewline)
    {
        int start = _i;
        while (_i < Len)
        {
            byte b = _t[_i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' || (b == (byte)'\n' && skipNewline))
            {
                // copy the whole run of plain whitespace at once (indentation is most of it)
                int end = _i + 1;
                while (end < Len && _t[end] is (byte)' ' or (byte)'\t' or (byte)'\r' || (end < Len && _t[end] == (byte)'\n' && skipNewline)) end++;
                _o.Append(_t.Slice(_i, end - _i));
                _i = end;
                continue;
            }
            int sl = SpecialWhitespaceLength(_i);
            if (sl > 0)
            {
                _o.Append((byte)' ');
                Rec(LlmRepairKind.SpecialWhitespace, _i, sl, " ");
                _i += sl;
                continue;
            }
            break;
        }
        return _i > start;
    }

    private bool ParseComment()
    {
        if (_i >= Len) return false;
        byte b = _t[_i];
        int start = _i;
        if (b == (byte)'/' && At(_i + 1) == (byte)'*')
        {
            int end = _t.Slice(_i + 2).IndexOf("*/"u8);
            _i = end < 0 ? Len : _i + 2 + end + 2;
        }
        else if (b == (byte)'/' && At(_i + 1) == (byte)'/')
        {
            SkipToLineEnd();
        }
        else if (b == (byte)'#' && (_i + 1 >= Len || At(_i + 1) is (byte)' ' or (byte)'\t' or (byte)'#' or (byte)'\n' or (byte)'\r' or (byte)'!'))
        {
            SkipToLineEnd();
        }
        else
        {
            return false;
        }
        Rec(LlmRepairKind.Comment, start, _i - start, "");
        return true;
    }

    private void SkipToLineEnd()
    {
        int nl = _t.Slice(_i).IndexOf((byte)'\n');
        _i = nl < 0 ? Len : _i + nl;
    }

    // ------------------------------------------------------------------ character classes

    private readonly Quote QuoteAt(int i, out int length)
    {
        length = 1;
        if ((uint)i >= (uint)_t.Length) return Quote.None;
        byte b = _t[i];
        switch (b)
        {
            case (byte)'"': return Quote.Double;
            case (byte)'\'': return Quote.Single;
            case (byte)'`': return Quote.SingleLike;
            case 0xC2 when At(i + 1) == 0xB4: // ´
                length = 2;
                return Quote.SingleLike;
            case 0xE2 when At(i + 1) == 0x80:
                byte c = At(i + 2);
                length = 3;
                if (c is 0x98 or 0x99) return Quote.SingleLike; // ‘ ’
                if (c is 0x9C or 0x9D) return Quote.DoubleLike; // “ ”
                length = 1;
                return Quote.None;
            default:
                return Quote.None;
        }
    }

    /// <summary>
    /// True when <paramref name="close"/> is the quote that goes with <paramref name="open"/>: the same character, or the
    /// typographic pairs ‘ ’, “ ” and ` ´. A string opened by one quote character and closed by an unrelated one
    /// (`` `a' ``) may as well be one string holding both characters: a guess.
    /// </summary>
    private static bool QuotesPair(ReadOnlySpan<byte> open, ReadOnlySpan<byte> close)
    {
        if (open.SequenceEqual(close)) return true;
        if (open.SequenceEqual("\u2018"u8) && close.SequenceEqual("\u2019"u8)) return true;
        if (open.SequenceEqual("\u201C"u8) && close.SequenceEqual("\u201D"u8)) return true;
        return open.SequenceEqual("`"u8) && close.SequenceEqual("\u00B4"u8);
    }

    private readonly bool IsEndQuote(Quote open, int i, out int length)
    {
        var q = QuoteAt(i, out length);
        return open switch
        {
            Quote.Double => q == Quote.Double,
            Quote.Single => q == Quote.Single,
            Quote.SingleLike => q is Quote.Single or Quote.SingleLike,
            Quote.DoubleLike => q is Quote.Double or Quote.DoubleLike,
            _ => false,
        };
    }

    private readonly int SpecialWhitespaceLength(int i) => Utf8Text.SpecialSpaceLength(_t, i);

    private readonly bool IsStartOfValueAt(int i)
    {
        if (QuoteAt(i, out _) != Quote.None) return true;
        byte b = At(i);
        return b is (byte)'[' or (byte)'{' or (byte)'-' || IsIdentChar(b) && b != (byte)'$';
    }

    private readonly int PrevNonWs(int i)
    {
        while (i >= 0 && IsWs(_t[i])) i--;
        return i;
    }

    private readonly bool StartsWith(int i, ReadOnlySpan<byte> s) => i <= _t.Length && _t.Slice(i).StartsWith(s);

    private readonly bool IsUrlStart(int start, int colon)
    {
        // text[start..colon] is the scheme, followed by "://"
        if (colon + 2 >= _t.Length + 1 || At(colon) != (byte)'/' || At(colon + 1) != (byte)'/') return false;
        var scheme = _t.Slice(start, Math.Max(0, colon - 1 - start));
        return scheme.SequenceEqual("http"u8) || scheme.SequenceEqual("https"u8) || scheme.SequenceEqual("ftp"u8) ||
               scheme.SequenceEqual("mailto"u8) || scheme.SequenceEqual("file"u8) || scheme.SequenceEqual("data"u8) ||
               scheme.SequenceEqual("irc"u8);
    }

    private static bool IsUrlChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' ||
        b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)':' or (byte)'/' or (byte)'?' or (byte)'#' or (byte)'@' or
            (byte)'!' or (byte)'$' or (byte)'&' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'*' or (byte)'+' or (byte)';' or
            (byte)'=' or (byte)'%';

    private static bool IsWs(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';
    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
    private static bool IsHex(byte b) => IsDigit(b) || b is >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static bool IsDelimiter(byte b) =>
        b is (byte)',' or (byte)':' or (byte)'[' or (byte)']' or (byte)'/' or (byte)'{' or (byte)'}' or (byte)'(' or (byte)')' or
            (byte)'\n' or (byte)'+';

    private static bool IsUnquotedStringDelimiter(byte b) =>
        b is (byte)',' or (byte)'[' or (byte)']' or (byte)'/' or (byte)'{' or (byte)'}' or (byte)'\n' or (byte)'+';

    private static bool IsFunctionNameStart(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' || b is (byte)'_' or (byte)'$';

    private static bool IsIdentChar(byte b) => IsFunctionNameStart(b) || IsDigit(b);

    private readonly JsonRepairException Unexpected()
    {
        string what = _i < Len ? Utf8Text.Snippet(_t.Slice(_i, Math.Min(10, Len - _i)), 10) : "end of text";
        return new JsonRepairException($"Unexpected '{what}' at position {_i}", _i);
    }

    private void Rec(LlmRepairKind kind, int position, int length, string after) => RecAt(kind, position, position, length, after);

    /// <summary>
    /// Records a repair at <paramref name="position"/> whose edit replaced <paramref name="length"/> input bytes at
    /// <paramref name="editAt"/> with <paramref name="after"/> (snippets: <see cref="RepairSnippets.Edit"/>).
    /// </summary>
    private void RecAt(LlmRepairKind kind, int position, int editAt, int length, string after, bool alwaysContext = false)
    {
        if (_log.Repairs.Count >= RepairLog.MaxListed)
        {
            _log.Unlisted++;
            _log.UnlistedKinds |= 1UL << (int)kind;
            return;
        }
        _copy ??= SnippetText.CopyIfShort(_t);
        if (_copy is null)
        {
            var (before, shown) = RepairSnippets.Edit(_t, editAt, length, after, alwaysContext); // a long text is not kept alive by its records
            _log.Repairs.Add(new LlmRepair(kind, _log.CurrentPath(_o), position + _positionBase, before, shown));
            return;
        }
        _log.Repairs.Add(LlmRepair.DeferredEdit(kind, _log.CurrentPath(_o), position + _positionBase, _copy, editAt, length, after, alwaysContext));
    }

    /// <summary>Records a repair with snippets made by the caller (a change that is not one local edit).</summary>
    private void RecSnippet(LlmRepairKind kind, int position, string before, string after)
    {
        if (_log.Repairs.Count >= RepairLog.MaxListed)
        {
            _log.Unlisted++;
            _log.UnlistedKinds |= 1UL << (int)kind;
            return;
        }
        _log.Repairs.Add(new LlmRepair(kind, _log.CurrentPath(_o), position + _positionBase, before, after));
    }

    private void RecTrailingComma()
    {
        if (_lastComma >= 0 && _lastComma < _i && _t[_lastComma] is (byte)',' or 0xEF) Rec(LlmRepairKind.TrailingComma, _lastComma, 1, "");
        else Rec(LlmRepairKind.TrailingComma, _i, 0, "");
    }

    /// <summary>The end of the text before trailing whitespace (where a closing quote or value is inserted).</summary>
    private readonly int EndOfContent() => PrevNonWs(Len - 1) + 1;
}
