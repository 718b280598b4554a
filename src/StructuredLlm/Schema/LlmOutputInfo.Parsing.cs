using System;
using System.Buffers;
using StructuredLlm.Json;

namespace StructuredLlm;

// The typed reader half of LlmOutputInfo<T>: generated code passes the type's reader, so `T.LlmInfo.Parse(text)`
// and `LlmOutputRegistry.Get<T>().Parse(text)` reach it without reflection.
public sealed partial class LlmOutputInfo<T>
{
    private readonly LlmJsonReadFunc<T>? _reader;
    private readonly string? _expected;
    private readonly LlmParseOptions? _typeOptions;
    private readonly Func<T, T, bool>? _sameValue;

    /// <summary>Called by generated code only.</summary>
    /// <param name="schemaName">The provider schema name.</param>
    /// <param name="description">The type description, if any.</param>
    /// <param name="openAIStrict">The <see cref="LlmSchemaProfile.OpenAIStrict"/> schema.</param>
    /// <param name="anthropic">The <see cref="LlmSchemaProfile.Anthropic"/> schema.</param>
    /// <param name="gemini">The <see cref="LlmSchemaProfile.Gemini"/> schema.</param>
    /// <param name="jsonSchema">The <see cref="LlmSchemaProfile.JsonSchema"/> schema.</param>
    /// <param name="reader">The generated reader of <typeparamref name="T"/>.</param>
    /// <param name="expected">How the root is described in errors, e.g. <c>a SupportTicket object</c>.</param>
    /// <param name="options">The type's own options (<see cref="LlmOutputAttribute.Strict"/>, <see cref="LlmOutputAttribute.AllowedRepairs"/>), or null.</param>
    /// <param name="sameValue">The generated structural comparison behind <see cref="ValueEquals"/>, or null.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public LlmOutputInfo(string schemaName, string? description, string openAIStrict, string anthropic, string gemini, string jsonSchema,
        LlmJsonReadFunc<T> reader, string expected, LlmParseOptions? options, Func<T, T, bool>? sameValue = null)
        : this(schemaName, description, openAIStrict, anthropic, gemini, jsonSchema)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _expected = expected;
        _typeOptions = options?.AsReadOnly();
        _sameValue = sameValue;
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> hold the same data in every member the reader sets: text
    /// compared ordinally, numbers by value, date-times with their kind or offset, lists element by element in order,
    /// dictionaries by key, nested types member by member, polymorphic values only when of the same derived type. This is
    /// how <see cref="Parse(string, LlmParseOptions?)"/> decides that two valid answers in one output (a fenced one and a
    /// restated one, say) are the same answer. A record's own <c>Equals</c> cannot: it compares lists by reference.
    /// Two nulls are the same. False when no comparison was generated (the generator reported an error for the type).
    /// </summary>
    public bool ValueEquals(T? a, T? b) => _sameValue is not null && _sameValue(a!, b!);

    /// <summary>True when a reader was generated for <typeparamref name="T"/> (always, unless the generator reported an error for the type).</summary>
    public bool HasReader => _reader is not null;

    /// <summary>The generated reader, for composing with <see cref="LlmParser"/> or reading a value inside a larger document.</summary>
    /// <exception cref="NotSupportedException">No reader was generated.</exception>
    public LlmJsonReadFunc<T> Reader => _reader ?? throw NoReader();

    /// <summary>
    /// The options used when a call passes none: the type's (<c>[LlmOutput(Strict = true)]</c>) or <see cref="LlmParseOptions.Default"/>.
    /// Read-only (<see cref="LlmParseOptions.IsReadOnly"/>): it is shared by every caller; to change a setting, pass new options per call.
    /// </summary>
    public LlmParseOptions DefaultParseOptions => _typeOptions ?? LlmParseOptions.Default;

    /// <summary>
    /// Reads a model response as a <typeparamref name="T"/>: finds the JSON (fences, tags, prose), repairs what can be
    /// repaired without guessing, and refuses anything lossy. Never throws for bad model output.
    /// </summary>
    /// <param name="text">The raw model output.</param>
    /// <param name="options">Per-call options; when null, the type's options (or <see cref="LlmParseOptions.Default"/>).</param>
    public LlmResult<T> Parse(string text, LlmParseOptions? options = null) => LlmParser.Parse(text, Reader, options ?? DefaultParseOptions, _expected, _sameValue);

    /// <summary>Reads a model response held as UTF-8 bytes. See <see cref="Parse(string, LlmParseOptions?)"/>.</summary>
    public LlmResult<T> Parse(ReadOnlySpan<byte> utf8, LlmParseOptions? options = null) => LlmParser.Parse(utf8, Reader, options ?? DefaultParseOptions, _expected, _sameValue);

    /// <summary>Reads a model response held as a UTF-8 byte sequence (e.g. from a pipe). See <see cref="Parse(string, LlmParseOptions?)"/>.</summary>
    public LlmResult<T> Parse(in ReadOnlySequence<byte> utf8, LlmParseOptions? options = null) => LlmParser.Parse(in utf8, Reader, options ?? DefaultParseOptions, _expected, _sameValue);

    /// <summary>Like <see cref="Parse(string, LlmParseOptions?)"/>, but returns the value or throws.</summary>
    /// <exception cref="LlmParseException">The output was refused; carries the raw text and the errors.</exception>
    public T ParseOrThrow(string text, LlmParseOptions? options = null) => Parse(text, options).GetValueOrThrow();

    /// <summary>Like <see cref="Parse(ReadOnlySpan{byte}, LlmParseOptions?)"/>, but returns the value or throws.</summary>
    /// <exception cref="LlmParseException">The output was refused; carries the raw text and the errors.</exception>
    public T ParseOrThrow(ReadOnlySpan<byte> utf8, LlmParseOptions? options = null) => Parse(utf8, options).GetValueOrThrow();

    /// <summary>Like <see cref="Parse(in ReadOnlySequence{byte}, LlmParseOptions?)"/>, but returns the value or throws.</summary>
    /// <exception cref="LlmParseException">The output was refused; carries the raw text and the errors.</exception>
    public T ParseOrThrow(in ReadOnlySequence<byte> utf8, LlmParseOptions? options = null) => Parse(in utf8, options).GetValueOrThrow();

    /// <inheritdoc />
    public override LlmResult<object> ParseUntyped(string text, LlmParseOptions? options = null) => Box(Parse(text, options));

    /// <inheritdoc />
    public override LlmResult<object> ParseUntyped(ReadOnlySpan<byte> utf8, LlmParseOptions? options = null) => Box(Parse(utf8, options));

    /// <inheritdoc />
    public override LlmResult<object> ParseUntyped(in ReadOnlySequence<byte> utf8, LlmParseOptions? options = null) => Box(Parse(in utf8, options));

    private static LlmResult<object> Box(LlmResult<T> result) =>
        new(result.Success, result.Value, result.Repairs, result.Errors, result.UnknownMembers, result.RawText);

    private NotSupportedException NoReader() =>
        new($"No reader was generated for '{typeof(T)}' (the generator reported an error for it).");
}
