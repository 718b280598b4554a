using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace StructuredLlm.Json;

/// <summary>Reads one value of <typeparamref name="T"/> at the reader's current token (the shape of every generated reader).</summary>
/// <remarks>On return the reader is on the last token of the value, whether it succeeded or not; failures are added to the context.</remarks>
public delegate bool LlmJsonReadFunc<T>(ref Utf8JsonReader reader, LlmReadContext context, [MaybeNullWhen(false)] out T value);

/// <summary>Per-object bookkeeping for a generated reader: which members were seen, and where.</summary>
public struct LlmObjectState
{
    internal int Base;
    internal int Count;
    internal int ParentBase;
}

/// <summary>
/// State of one typed read, passed to generated readers: the current JSON path, the errors, the coercions
/// applied, the unknown members, and which values the repairer marked as cut off. Not thread-safe; one per parse.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed unsafe class LlmReadContext
{
    private readonly List<LlmError> _errors = new();
    private readonly List<LlmRepair> _repairs = new();
    private readonly List<string> _unknown = new();
    private PathSegment[] _path = new PathSegment[16];
    private int _pathCount;
    private int[] _slots = new int[64];
    private string?[] _weakKeys = new string?[64];
    private string? _pendingWeak;
    private int _weakPathDepth;
    private int _slotTop;
    private byte[] _scratch = new byte[256];
    private byte* _json;
    private int _jsonLength;
    private List<int>? _incomplete;
    private int _objectBase = -1;
    private LlmMemberTable? _unmatched;
    private int _positionBase;

    /// <summary>Creates a context (the parser normally provides one).</summary>
    public LlmReadContext(LlmParseOptions? options = null)
    {
        Options = options ?? LlmParseOptions.Default;
    }

    /// <summary>The options of this read.</summary>
    public LlmParseOptions Options { get; private set; }

    /// <summary>How the root value is described in errors (<c>a SupportTicket object</c>), when the caller said.</summary>
    internal string? RootExpected { get; set; }

    /// <summary>Number of errors so far: a generated reader compares it before and after to know whether it failed.</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>The errors so far.</summary>
    public IReadOnlyList<LlmError> Errors => _errors;

    /// <summary>The coercions applied so far.</summary>
    public IReadOnlyList<LlmRepair> Coercions => _repairs;

    /// <summary>Paths of the unknown members skipped so far.</summary>
    public IReadOnlyList<string> UnknownMembers => _unknown;

    /// <summary>
    /// The name of the member whose value is being read (the last named segment of <see cref="Path"/>: <c>billingAddress</c>
    /// in <c>$.billingAddress</c>, <c>lineItems</c> in <c>$.lineItems[2]</c>), or null at the root.
    /// </summary>
    internal string? EnclosingMemberName
    {
        get
        {
            for (int k = _pathCount - 1; k >= 0; k--)
            {
                if (_path[k].Name is { } name) return name;
            }
            return null;
        }
    }

    /// <summary>The current JSON path, e.g. <c>$.lineItems[2].price</c>.</summary>
    public string Path
    {
        get
        {
            if (_pathCount == 0) return "$";
            var sb = LlmPath.Rent().Append('$');
            for (int k = 0; k < _pathCount; k++)
            {
                var s = _path[k];
                if (s.Name is null) sb.Append('[').Append(s.Index).Append(']');
                else LlmPath.AppendKey(sb, s.Name);
            }
            return LlmPath.ToStringAndReturn(sb);
        }
    }

    internal void Reset(byte* json, int length, List<int>? incomplete, LlmParseOptions options, int positionBase)
    {
        _errors.Clear();
        _repairs.Clear();
        _unknown.Clear();
        _pathCount = 0;
        _slotTop = 0;
        _pendingWeak = null;
        _weakPathDepth = 0;
        _json = json;
        _jsonLength = length;
        _incomplete = incomplete is { Count: > 0 } ? incomplete : null;
        _positionBase = positionBase;
        _objectBase = -1;
        _unmatched = null;
        _shortStrings = 0;
        _inDecoded = false;
        _numberLength = 0;
        Options = options;
    }

    /// <summary>What <see cref="EnterDecoded"/> replaced, for <see cref="ExitDecoded"/>.</summary>
    internal readonly struct DecodedScope
    {
        internal readonly byte* Json;
        internal readonly int Length;
        internal readonly List<int>? Incomplete;
        internal readonly int PositionBase;
        internal readonly List<KeyValuePair<int, string>>? Numbers;

        internal DecodedScope(byte* json, int length, List<int>? incomplete, int positionBase, List<KeyValuePair<int, string>>? numbers)
        {
            Json = json;
            Length = length;
            Incomplete = incomplete;
            PositionBase = positionBase;
            Numbers = numbers;
        }
    }

    private bool _inDecoded;
    private List<int>? _unclosedOutsideDecoded;

    /// <summary>False while reading text decoded from a string: JSON is decoded one level only.</summary>
    internal bool CanDecode => !_inDecoded;

    /// <summary>
    /// Reads from here on come from <paramref name="json"/>, the decoded text of a string token (JSON encoded a second
    /// time): its offsets are not positions in the input (repairs there get -1) and none of it was cut off.
    /// </summary>
    internal DecodedScope EnterDecoded(byte* json, int length)
    {
        var saved = new DecodedScope(_json, _jsonLength, _incomplete, _positionBase, _numbers);
        _json = json;
        _jsonLength = length;
        _incomplete = null;
        _numbers = null;
        _positionBase = -1;
        _inDecoded = true;
        _unclosedOutsideDecoded = _unclosed;
        _unclosed = null;
        return saved;
    }

    internal void ExitDecoded(in DecodedScope saved)
    {
        _json = saved.Json;
        _jsonLength = saved.Length;
        _incomplete = saved.Incomplete;
        _positionBase = saved.PositionBase;
        _numbers = saved.Numbers;
        _inDecoded = false;
        _unclosed = _unclosedOutsideDecoded;
        _unclosedOutsideDecoded = null;
    }

    private List<KeyValuePair<int, string>>? _numbers;
    private List<int>? _unclosed;

    /// <summary>
    /// The objects the end of the text cut off in the document read next (<see cref="RepairLog.Unclosed"/>), or null; set
    /// around the read of repaired bytes only. Returns the list it replaces, to be restored.
    /// </summary>
    internal List<int>? SetUnclosedObjects(List<int>? unclosed)
    {
        var previous = _unclosed;
        _unclosed = unclosed is { Count: > 0 } ? unclosed : null;
        return previous;
    }

    /// <summary>True when the object starting at the current token was cut off by the end of the text before its closing brace.</summary>
    internal bool IsUnclosedObject(ref Utf8JsonReader reader) =>
        _unclosed is { } unclosed && reader.TokenType == JsonTokenType.StartObject && unclosed.BinarySearch((int)reader.TokenStartIndex) >= 0;

    /// <summary>
    /// The numbers the repairer rewrote in the document read next (<see cref="RepairLog.Numbers"/>), or null; set around
    /// the read of repaired bytes only. Returns the list it replaces, to be restored.
    /// </summary>
    internal List<KeyValuePair<int, string>>? SetRewrittenNumbers(List<KeyValuePair<int, string>>? numbers)
    {
        var previous = _numbers;
        _numbers = numbers is { Count: > 0 } ? numbers : null;
        return previous;
    }

    /// <summary>
    /// The current number token as the model wrote it when the repairer rewrote its text (<c>+15550100</c> for
    /// <c>15550100</c>, <c>.5</c> for <c>0.5</c>), else null. Free on clean input.
    /// </summary>
    internal string? RewrittenNumber(ref Utf8JsonReader reader)
    {
        var numbers = _numbers;
        if (numbers is null) return null;
        int at = (int)reader.TokenStartIndex, lo = 0, hi = numbers.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int key = numbers[mid].Key;
            if (key == at) return numbers[mid].Value;
            if (key < at) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    internal void Release()
    {
        _json = null;
        _jsonLength = 0;
        _incomplete = null;
        _numbers = null;
        _unclosed = null;
        _unclosedOutsideDecoded = null;
        if (_stringsUsed)
        {
            Array.Clear(_strings!, 0, _strings!.Length); // keep no text of this response alive after the parse
            _stringsUsed = false;
        }
    }

    // ------------------------------------------------------------------ strings

    private const int MaxSharedStringBytes = 16;

    /// <summary>Short strings a document reads before sharing starts: a typical response has fewer, and pays nothing.</summary>
    private const int ShareAfterShortStrings = 32;
    private string?[]? _strings;
    private bool _stringsUsed;
    private int _shortStrings;

    /// <summary>
    /// The current string token's value. Short ASCII values seen earlier in the same document are returned as the
    /// same instance (model outputs repeat levels, statuses and categories thousands of times in long lists);
    /// strings are immutable, so sharing an instance changes no value. Sharing starts after the document's first
    /// <see cref="ShareAfterShortStrings"/> short strings, so a typical response pays neither the lookups nor the table's
    /// clearing. Throws like <see cref="Utf8JsonReader.GetString"/> on invalid UTF-8.
    /// </summary>
    internal string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped) return reader.GetString()!;
        var span = reader.ValueSpan;
        int n = span.Length;
        if (n == 0) return string.Empty;
        if (n > MaxSharedStringBytes || ++_shortStrings <= ShareAfterShortStrings) return reader.GetString()!;
        uint h = (uint)n;
        for (int i = 0; i < n; i++) h = (h * 31) + span[i];
        var table = _strings ??= new string?[64];
        int slot = (int)((h ^ (h >> 7)) & 63);
        var cached = table[slot];
        if (cached is not null && cached.Length == n)
        {
            int i = 0;
            while (i < n && cached[i] == span[i]) i++;
            if (i == n) return cached;
        }
        var s = reader.GetString()!;
        if (s.Length == n) // all ASCII: only then is a char-by-byte comparison an exact match
        {
            table[slot] = s;
            _stringsUsed = true;
        }
        return s;
    }

    // ------------------------------------------------------------------ numbers as written

    /// <summary>Texts this short hold at most 6 significant digits, which a float and a double tell apart exactly.</summary>
    private const int MaxShortNumberText = 7;
    private int _numberAt;
    private int _numberLength;
    private string? _numberText;

    /// <summary>
    /// Remembers the text of the number just read as a double when it may hold more digits than the double keeps
    /// (<c>1.0000000000000000000000000001</c> reads as 1), so that a range check landing exactly on a bound can ask
    /// what was written (<see cref="CompareWritten"/>). A short text is only forgotten (one store); a long one is kept
    /// as its offset in the document, no copy.
    /// </summary>
    internal void NoteNumber(ref Utf8JsonReader reader)
    {
        _numberLength = 0;
        var span = reader.ValueSpan;
        if (span.Length <= MaxShortNumberText || reader.HasValueSequence) return;
        fixed (byte* p = span)
        {
            if (_json is not null && p >= _json && p + span.Length <= _json + _jsonLength)
            {
                _numberAt = (int)(p - _json);
                _numberText = null;
            }
            else
            {
                _numberText = Utf8Text.GetString(span);
            }
        }
        _numberLength = span.Length;
    }

    /// <summary>As <see cref="NoteNumber(ref Utf8JsonReader)"/> for a number written as a string (its trimmed text).</summary>
    internal void NoteNumber(string text)
    {
        _numberLength = text.Length > MaxShortNumberText ? text.Length : 0;
        _numberText = text;
    }

    /// <summary>
    /// The sign of (the number last read as a double, as written) − <paramref name="bound"/> (as its shortest text, the way
    /// the constraint was written: <c>1</c>, <c>0.5</c>), or null when the text was short enough for the double to be exact
    /// at this precision.
    /// </summary>
    internal int? CompareWritten(double bound)
    {
        if (_numberLength == 0 || double.IsInfinity(bound) || double.IsNaN(bound)) return null;
        var boundText = System.Text.Encoding.ASCII.GetBytes(bound.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (_numberText is not null) return JsonNumberText.Compare(System.Text.Encoding.UTF8.GetBytes(_numberText), boundText);
        if (_json is null || _numberAt + _numberLength > _jsonLength) return null;
        return JsonNumberText.Compare(new ReadOnlySpan<byte>(_json + _numberAt, _numberLength), boundText);
    }

    /// <summary>The long text noted by <see cref="NoteNumber(ref Utf8JsonReader)"/> (for an error), or null.</summary>
    internal string? WrittenNumber() =>
        _numberLength == 0 ? null
        : _numberText ?? (_json is null || _numberAt + _numberLength > _jsonLength ? null : Utf8Text.GetString(new ReadOnlySpan<byte>(_json + _numberAt, _numberLength)));

    // ------------------------------------------------------------------ path

    /// <summary>Enters a member (for errors and nested paths).</summary>
    public void PushProperty(string name)
    {
        if (_pathCount == _path.Length) Array.Resize(ref _path, _path.Length * 2);
        _path[_pathCount++] = new PathSegment(name, 0);
    }

    /// <summary>Enters an array element.</summary>
    public void PushIndex(int index)
    {
        if (_pathCount == _path.Length) Array.Resize(ref _path, _path.Length * 2);
        _path[_pathCount++] = new PathSegment(null, index);
    }

    /// <summary>Leaves the last member or element entered.</summary>
    public void PopPath()
    {
        if (_pathCount > 0) _pathCount--;
        if (_pathCount < _weakPathDepth) _weakPathDepth = 0;
    }

    // ------------------------------------------------------------------ errors and coercions

    /// <summary>Adds an error at the current path: <c>{path}: expected {expected}, found {found}</c>.</summary>
    public void AddError(string expected, string found) => _errors.Add(new LlmError(Path, expected, found));

    /// <summary>Adds an error at the current path describing the reader's current token as what was found.</summary>
    public void AddError(string expected, ref Utf8JsonReader reader) => AddError(expected, Describe(ref reader));

    /// <summary>Reports a required member that is absent.</summary>
    public void ReportMissing(string jsonName, string expected)
    {
        PushProperty(jsonName);
        AddError(expected, "nothing (the member is missing)");
        PopPath();
    }

    /// <summary>
    /// Records a lossless coercion at the current token when the options allow <paramref name="kind"/>;
    /// returns false (and records nothing) when they do not, so the caller reports its normal error.
    /// </summary>
    public bool TryCoerce(LlmRepairKind kind, ref Utf8JsonReader reader, string after)
    {
        // The value of a weak (prefix/suffix) key match must already have the member's JSON type: no string to
        // number, number to string, string to bool or scalar to list (enum casing and 5.0 → 5 are still fine).
        if (_weakPathDepth > 0 && kind is LlmRepairKind.NumberFromString or LlmRepairKind.StringFromNumber
                or LlmRepairKind.BoolFromString or LlmRepairKind.ScalarToList or LlmRepairKind.DoubleEncoded or LlmRepairKind.NullFromString or LlmRepairKind.ListToScalar) return false;
        if (!Options.IsAllowed(kind)) return false;
        _repairs.Add(new LlmRepair(kind, Path, Position(ref reader), Describe(ref reader), after));
        return true;
    }

    /// <summary>Records a key read as <paramref name="after"/> where <paramref name="written"/> was written (its path made when first read).</summary>
    internal bool TryRecordKey(LlmRepairKind kind, string written, string after)
    {
        if (!Options.IsAllowed(kind)) return false;
        _repairs.Add(LlmRepair.ForKey(kind, Path, written, after));
        return true;
    }

    internal bool TryRecord(LlmRepairKind kind, string path, int position, string before, string after)
    {
        if (!Options.IsAllowed(kind)) return false;
        _repairs.Add(new LlmRepair(kind, path, position, before, after));
        return true;
    }

    private int Position(ref Utf8JsonReader reader) => _positionBase < 0 ? -1 : _positionBase + (int)reader.TokenStartIndex;

    /// <summary>How the current token is shown in an error: <c>"high"</c>, <c>2.5</c>, <c>null</c>, <c>an object</c>.</summary>
    public static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: return "an object";
            case JsonTokenType.StartArray: return "an array";
            case JsonTokenType.Null: return "null";
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Number: return Utf8Text.Snippet(reader.ValueSpan);
            case JsonTokenType.String:
                string s;
                try
                {
                    s = reader.GetString() ?? string.Empty;
                }
                catch (InvalidOperationException)
                {
                    return "a string that is not valid UTF-8";
                }
                if (s.Length > 40) s = s.Substring(0, 40) + "…";
                return Quote(s);
            default:
                return reader.TokenType.ToString();
        }
    }

    /// <summary>A string as a JSON literal, for messages.</summary>
    internal static string Quote(string s)
    {
        bool plain = true;
        foreach (char c in s)
        {
            if (c is '"' or '\\' || c < ' ')
            {
                plain = false;
                break;
            }
        }
        if (plain) return string.Concat("\"", s, "\"");
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    // ------------------------------------------------------------------ objects

    /// <summary>Starts reading an object; on any other token adds an error, skips it and returns false.</summary>
    public bool BeginObject(ref Utf8JsonReader reader, int memberCount, string expected, out LlmObjectState state)
    {
        state = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddError(expected, ref reader);
            Skip(ref reader);
            return false;
        }
        if (_slotTop + memberCount > _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(_slots.Length * 2, _slotTop + memberCount));
            Array.Resize(ref _weakKeys, _slots.Length);
        }
        state.Base = _slotTop;
        state.Count = memberCount;
        state.ParentBase = _objectBase;
        _objectBase = state.Base;
        _slots.AsSpan(_slotTop, memberCount).Fill(-1);
        _weakKeys.AsSpan(_slotTop, memberCount).Clear();
        _slotTop += memberCount;
        return true;
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public bool NextProperty(ref Utf8JsonReader reader)
    {
        _pendingWeak = null;
        return reader.Read() && reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The current property name as unescaped UTF-8 (valid until the next call).</summary>
    public ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return reader.ValueSpan;
        int max = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_scratch.Length < max) _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        int n = reader.CopyString(_scratch);
        return _scratch.AsSpan(0, n);
    }

    /// <summary>The fallback when a key is not one of the exact JSON names: case/separator-insensitive, aliases, type-name prefix.</summary>
    public int MatchMember(scoped ReadOnlySpan<byte> key, LlmMemberTable members)
    {
        int member = members.Match(key, this);
        _unmatched = member < 0 ? members : null;
        return member;
    }

    /// <summary>
    /// Moves to the member's value and decides whether to read it: true the first time (the path is entered;
    /// call <see cref="EndMember"/> after reading). False, with the value skipped, when the value was cut off
    /// (error), or when a second key for the same member appears (ignored if the value is the same, an error if not).
    /// </summary>
    public bool ClaimMember(ref Utf8JsonReader reader, ref LlmObjectState state, int member, string jsonName)
    {
        string? weak = _pendingWeak;
        _pendingWeak = null;
        reader.Read();
        int start = (int)reader.TokenStartIndex;
        int index = state.Base + member;
        ref int slot = ref _slots[index];
        string? claimedWeak = _weakKeys[index];
        if (slot >= 0 && weak is not null && claimedWeak is null)
        {
            // An exact key already gave this member its value: the drifted key is just an extra member.
            DropWeakMatch(weak);
            _unknown.Add(LlmPath.Combine(Path, weak));
            Skip(ref reader);
            return false;
        }

        PushProperty(jsonName);
        if (slot >= 0 && weak is null && claimedWeak is not null)
        {
            // An exact key wins over an earlier drifted one: forget what the drifted key's value produced.
            string memberPath = Path;
            _errors.RemoveAll(e => IsWithin(e.Path, memberPath));
            _repairs.RemoveAll(r => IsWithin(r.Path, memberPath));
            PopPath();
            DropWeakMatch(claimedWeak);
            _unknown.Add(LlmPath.Combine(Path, claimedWeak));
            PushProperty(jsonName);
            slot = -1;
            _weakKeys[index] = null;
        }

        if (slot < 0)
        {
            slot = start;
            _weakKeys[index] = weak;
            if (IsIncompleteValue(ref reader))
            {
                AddError("a complete value", "a value that was cut off or left out of the output");
                Skip(ref reader);
                PopPath();
                return false;
            }
            if (weak is not null && _weakPathDepth == 0) _weakPathDepth = _pathCount;
            return true;
        }

        if (ValuesEqual(slot, start))
        {
            string value = Describe(ref reader); // the two values are equal token by token: one is kept
            RecordOrRefuse(LlmRepairKind.DuplicateKey, Path, Position(ref reader), value + " … " + value, value);
        }
        else
        {
            AddError("one value", "two different values for this member (duplicate or equivalent keys)");
        }
        Skip(ref reader);
        PopPath();
        return false;
    }

    /// <summary>
    /// A dictionary's second entry for a key whose first value started at <paramref name="first"/>: the same value (as
    /// <see cref="ClaimMember"/> compares a member's two keys) is recorded as <see cref="LlmRepairKind.DuplicateKey"/>, another
    /// one is an error. The value is skipped either way.
    /// </summary>
    internal void DuplicateEntry(ref Utf8JsonReader reader, int first)
    {
        if (first >= 0 && ValuesEqual(first, (int)reader.TokenStartIndex))
        {
            string value = Describe(ref reader);
            RecordOrRefuse(LlmRepairKind.DuplicateKey, Path, Position(ref reader), value + " … " + value, value);
        }
        else
        {
            AddError("one value", "two different values for this key");
        }
        Skip(ref reader);
    }

    /// <summary>A member written again with the value it already has (<paramref name="first"/> as shown), the reader on the repeat: recorded as <see cref="LlmRepairKind.DuplicateKey"/> at the current path.</summary>
    internal void RecordRepeat(ref Utf8JsonReader repeat, string first) =>
        RecordOrRefuse(LlmRepairKind.DuplicateKey, Path, Position(ref repeat), first + " … " + Describe(ref repeat), first);

    /// <summary>
    /// Records a repair the reader made without a normal error to fall back on (a repeated key's value dropped): when the
    /// options do not allow its kind, the output needs a repair that is not allowed, and that is the error.
    /// </summary>
    internal void RecordOrRefuse(LlmRepairKind kind, string path, int position, string before, string after)
    {
        if (!TryRecord(kind, path, position, before, after))
        {
            _errors.Add(StructuredLlm.Json.Errors.NotAllowed(new LlmRepair(kind, path, position, before, after)));
        }
    }

    /// <summary>Set by the member table when the key it just matched is a prefix/suffix (weak) match.</summary>
    internal void MarkWeakMatch(string key) => _pendingWeak = key;

    private void DropWeakMatch(string key)
    {
        string path = LlmPath.Combine(Path, key);
        _repairs.RemoveAll(r => r.Kind == LlmRepairKind.KeyPartialMatch && r.Path == path);
    }

    private static bool IsWithin(string path, string memberPath) =>
        path.StartsWith(memberPath, StringComparison.Ordinal)
        && (path.Length == memberPath.Length || path[memberPath.Length] is '.' or '[');

    /// <summary>Leaves the member entered by a successful <see cref="ClaimMember"/>.</summary>
    public void EndMember() => PopPath();

    /// <summary>True when the member appeared in the object.</summary>
    public bool HasMember(in LlmObjectState state, int member) => _slots[state.Base + member] >= 0;

    internal bool HasSlot(int index) => index < _slotTop && _slots[index] >= 0;

    internal void AddErrorAt(string member, string expected, string found) => _errors.Add(new LlmError(LlmPath.Combine(Path, member), expected, found));

    /// <summary>Skips the value of a member the type does not have and reports it.</summary>
    public void SkipUnknownMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> key)
    {
        _unknown.Add(LlmPath.Combine(Path, Utf8Text.GetString(key)));
        reader.Read();
        var table = _unmatched;
        _unmatched = null;
        // `…,"customerEm` (cut inside the key): the repaired text has an unknown key with a missing value, but the
        // model had begun a member the type has; that member is lost data, not absent.
        if (_incomplete is not null && table is not null && _objectBase >= 0 && IsIncompleteValue(ref reader))
        {
            table.ReportCutKey(key, this, _objectBase);
        }
        Skip(ref reader);
    }

    /// <summary>
    /// Skips the value of a member the type does not have and adds an error for it: the type asks for
    /// <c>[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]</c>, so, as System.Text.Json, it refuses it.
    /// </summary>
    public void RefuseUnknownMember(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> key)
    {
        string name = Utf8Text.GetString(key);
        AddErrorAt(name, "no member \"" + name + "\" (the type disallows unmapped members)", "a value");
        SkipUnknownMember(ref reader, key);
    }

    /// <summary>Ends an object started with <see cref="BeginObject"/>.</summary>
    public void EndObject(ref LlmObjectState state)
    {
        _slotTop = state.Base;
        _objectBase = state.ParentBase;
        state = default;
    }

    // ------------------------------------------------------------------ misc

    /// <summary>Skips the current value (no-op for scalars).</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName) reader.Skip();
    }

    /// <summary>
    /// True when the current value, or anything inside it, was cut off, left out or guessed by the repairer.
    /// Free on clean input (no marks); on repaired input it scans a copy of the reader to find the value's end.
    /// </summary>
    internal bool IsIncompleteValue(ref Utf8JsonReader reader)
    {
        var marks = _incomplete;
        if (marks is null) return false;
        int start = (int)reader.TokenStartIndex;
        var probe = reader;
        if (probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) probe.Skip();
        int end = (int)probe.BytesConsumed;
        int at = marks.BinarySearch(start);
        if (at < 0) at = ~at;
        return at < marks.Count && marks[at] < end;
    }

    /// <summary>True when the value starting at this offset was cut off, left out or guessed by the repairer.</summary>
    internal bool IsIncomplete(int offset)
    {
        var marks = _incomplete;
        if (marks is null) return false;
        return marks.BinarySearch(offset) >= 0;
    }

    private bool ValuesEqual(int a, int b)
    {
        if (_json is null || a >= _jsonLength || b >= _jsonLength) return false;
        var span = new ReadOnlySpan<byte>(_json, _jsonLength);

        // Token by token, and failing that as documents: the same object written twice with its members in another order
        // is one value (a rare path: duplicates only).
        int lengthA = ValueLength(span.Slice(a)), lengthB = ValueLength(span.Slice(b));
        return lengthA > 0 && lengthB > 0
            ? JsonTokenComparer.SameValue(span.Slice(a, lengthA), span.Slice(b, lengthB), Options.MaxDepth, nullIsAbsent: false)
            : JsonTokenComparer.ValuesEqual(span.Slice(a), span.Slice(b), Options.MaxDepth);
    }

    /// <summary>The length in bytes of the JSON value that starts <paramref name="text"/>; 0 when it cannot be read.</summary>
    private int ValueLength(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = Options.MaxDepth + 1 });
            if (!reader.Read()) return 0;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return 0;
            return (int)reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    internal int RepairCount => _repairs.Count;
    internal void AddRepairsTo(List<LlmRepair> list) => list.AddRange(_repairs);
    internal LlmRepair[] SnapshotRepairs() => _repairs.Count == 0 ? Array.Empty<LlmRepair>() : _repairs.ToArray();
    internal LlmError[] SnapshotErrors() => _errors.Count == 0 ? Array.Empty<LlmError>() : _errors.ToArray();
    internal string[] SnapshotUnknown() => _unknown.Count == 0 ? Array.Empty<string>() : _unknown.ToArray();

    private readonly struct PathSegment
    {
        public PathSegment(string? name, int index)
        {
            Name = name;
            Index = index;
        }

        public string? Name { get; }
        public int Index { get; }
    }
}
