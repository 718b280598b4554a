using System;
using System.Threading;

namespace StructuredLlm.Json;

/// <summary>One repair or coercion applied to the model output.</summary>
/// <remarks>
/// A parse that repairs a document records every repair, but most callers only look at the value, the count or the
/// kinds. The parser therefore makes a record's snippets (and the path of a renamed key) when they are first read,
/// from a copy of the input the records share, instead of while parsing. The text is the same either way.
/// </remarks>
public sealed class LlmRepair : IEquatable<LlmRepair>
{
    private enum Deferred : byte
    {
        None,
        Edit,            // RepairSnippets.Edit(text, _editAt, _length, _after)
        EditInContext,   // the same with alwaysContext
        Kept,            // RepairSnippets.Kept(text, _editAt, _editAt + _length)
    }

    private string? _path;           // null while it is made from _lazy (the parent's path) and _before (the key as written)
    private readonly string? _before; // null while the snippets are deferred
    private readonly string _after;   // while deferred: the replacement text of an edit (unused for Kept)
    private object? _lazy;           // deferred snippets: the input (SnippetText), then the made pair (string[2]); deferred path: the parent's path
    private readonly int _editAt;
    private readonly int _length;
    private readonly Deferred _deferred;
    private readonly byte _kind; // a byte (there are fewer than 64 kinds): a record is 64 bytes with the deferred fields

    /// <summary>Creates a repair record.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a kind's value.</exception>
    public LlmRepair(LlmRepairKind kind, string path, int position, string before, string after)
    {
        if ((uint)kind > byte.MaxValue) throw new ArgumentOutOfRangeException(nameof(kind));
        _kind = (byte)kind;
        _path = path ?? "$";
        Position = position;
        _before = before ?? string.Empty;
        _after = after ?? string.Empty;
    }

    private LlmRepair(LlmRepairKind kind, string? path, int position, string? before, string after, object? lazy, int editAt, int length, Deferred deferred)
    {
        _kind = (byte)kind;
        _path = path;
        Position = position;
        _before = before;
        _after = after;
        _lazy = lazy;
        _editAt = editAt;
        _length = length;
        _deferred = deferred;
    }

    /// <summary>
    /// A record whose snippets show replacing <paramref name="length"/> bytes at <paramref name="editAt"/> of
    /// <paramref name="text"/> with <paramref name="replacement"/> (<see cref="RepairSnippets.Edit"/>), made when first read.
    /// </summary>
    internal static LlmRepair DeferredEdit(LlmRepairKind kind, string path, int position, SnippetText text, int editAt, int length, string replacement, bool alwaysContext) =>
        new(kind, path, position, null, replacement ?? string.Empty, text, editAt, length, alwaysContext ? Deferred.EditInContext : Deferred.Edit);

    /// <summary>A record whose snippets show <c>text[keepStart..keepEnd)</c> kept (<see cref="RepairSnippets.Kept"/>), made when first read.</summary>
    internal static LlmRepair DeferredKept(LlmRepairKind kind, string path, int position, SnippetText text, int keepStart, int keepEnd) =>
        new(kind, path, position, null, string.Empty, text, keepStart, keepEnd - keepStart, Deferred.Kept);

    /// <summary>A record for the key <paramref name="key"/> (also its before snippet) under <paramref name="parentPath"/>, its path made when first read.</summary>
    internal static LlmRepair ForKey(LlmRepairKind kind, string parentPath, string key, string after) =>
        new(kind, null, -1, key, after ?? string.Empty, parentPath, 0, 0, Deferred.None);

    /// <summary>What was done.</summary>
    public LlmRepairKind Kind => (LlmRepairKind)_kind;

    /// <summary>JSON path of the value concerned, e.g. <c>$.tags[2]</c> (keys as written by the model for syntax repairs).</summary>
    public string Path => _path ??= LlmPath.Combine((string)_lazy!, _before!); // the same string on every thread

    /// <summary>Offset in the input: a char index for string input, a byte index for UTF-8 input. -1 when not tied to a place.</summary>
    public int Position { get; }

    /// <summary>
    /// The text before the repair (a short snippet): the changed text, with a few neighbouring characters when the
    /// repair only inserted or deleted; what surrounded the value for a fence, tag, prose or wrapper. Never empty.
    /// </summary>
    public string Before => _deferred == Deferred.None ? _before! : Snippets()[0];

    /// <summary>The same snippet after the repair (the replacement, or the value that was kept). Never empty.</summary>
    public string After => _deferred == Deferred.None ? _after : Snippets()[1];

    /// <summary>The deferred snippets, made once; threads that race make equal strings from the same unchanging input.</summary>
    private string[] Snippets()
    {
        var lazy = Volatile.Read(ref _lazy);
        if (lazy is string[] made) return made;
        var text = ((SnippetText)lazy!).Span;
        var (before, after) = _deferred == Deferred.Kept
            ? RepairSnippets.Kept(text, _editAt, _editAt + _length)
            : RepairSnippets.Edit(text, _editAt, _length, _after, _deferred == Deferred.EditInContext);
        made = new[] { before, after };
        Volatile.Write(ref _lazy, made);
        return made;
    }

    /// <inheritdoc/>
    public bool Equals(LlmRepair? other) => other is not null && Kind == other.Kind && Path == other.Path &&
        Position == other.Position && Before == other.Before && After == other.After;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LlmRepair);
    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind * 397) ^ Path.GetHashCode() ^ Position;
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Kind} at {Position}: `{Before}` -> `{After}`";

    /// <summary>The same record at another position (its snippets still deferred if they were).</summary>
    internal LlmRepair WithPosition(int position) => new(Kind, _path, position, _before, _after, Volatile.Read(ref _lazy), _editAt, _length, _deferred);

    internal LlmRepair WithPathPrefix(string prefix) =>
        new(Kind, prefix + (Path.Length > 0 && Path[0] == '$' ? Path.Substring(1) : Path), Position, Before, After);
}

/// <summary>
/// A copy of (part of) the input that deferred repair records make their snippets from: the bytes of
/// <c>Bytes[Start..Start+Length)</c>, as the repair saw its text. Records of one document share it; it never changes.
/// </summary>
internal sealed class SnippetText
{
    public SnippetText(byte[] bytes, int start, int length)
    {
        Bytes = bytes;
        Start = start;
        Length = length;
    }

    /// <summary>
    /// The longest text whose records defer their snippets (16 KB, more than a typical response). A record keeps the whole
    /// copy alive, so a longer document's records make their snippets at once and keep only those.
    /// </summary>
    public const int MaxDeferredLength = 16 * 1024;

    /// <summary>A copy of <paramref name="text"/>.</summary>
    public static SnippetText Copy(ReadOnlySpan<byte> text) => new(text.ToArray(), 0, text.Length);

    /// <summary>A copy of <paramref name="text"/> when it is short enough to defer snippets from, else null.</summary>
    public static SnippetText? CopyIfShort(ReadOnlySpan<byte> text) => text.Length <= MaxDeferredLength ? Copy(text) : null;

    public byte[] Bytes { get; }
    public int Start { get; }
    public int Length { get; }
    public ReadOnlySpan<byte> Span => new(Bytes, Start, Length);

    /// <summary>The part <c>[start..start+length)</c> of this text.</summary>
    public SnippetText Slice(int start, int length) => new(Bytes, Start + start, length);
}
