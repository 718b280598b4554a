using System;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.AI;
using StructuredLlm.Json;

namespace StructuredLlm;

/// <summary>
/// Compile-time facts about one <see cref="LlmOutputAttribute"/> type: its schema name, description and the JSON
/// Schema text for every <see cref="LlmSchemaProfile"/>. Instances are created by generated code
/// (<c>T.LlmInfo</c>) and listed in <see cref="LlmOutputRegistry"/>; nothing here uses reflection.
/// </summary>
public abstract class LlmOutputInfo
{
    private const int ProfileCount = 4;
    private readonly string[] _schemas;
    private readonly ChatResponseFormatJson?[] _formats = new ChatResponseFormatJson?[ProfileCount];

    private protected LlmOutputInfo(Type type, string schemaName, string? description, string openAIStrict, string anthropic, string gemini, string jsonSchema)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        SchemaName = schemaName ?? throw new ArgumentNullException(nameof(schemaName));
        Description = description;
        _schemas = new[]
        {
            openAIStrict ?? throw new ArgumentNullException(nameof(openAIStrict)),
            anthropic ?? throw new ArgumentNullException(nameof(anthropic)),
            gemini ?? throw new ArgumentNullException(nameof(gemini)),
            jsonSchema ?? throw new ArgumentNullException(nameof(jsonSchema)),
        };
    }

    /// <summary>The <see cref="LlmOutputAttribute"/> type.</summary>
    public Type Type { get; }

    /// <summary>The schema name sent to the provider (<see cref="LlmOutputAttribute.Name"/> or the type name).</summary>
    public string SchemaName { get; }

    /// <summary>The type's description (from <c>[Description]</c> or its XML doc summary), or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>The JSON Schema text for <paramref name="profile"/>, generated at compile time. Allocation-free.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown profile.</exception>
    public string GetJsonSchema(LlmSchemaProfile profile) => _schemas[Index(profile)];

    /// <summary>
    /// A ready <see cref="ChatResponseFormat"/> (<c>ChatResponseFormat.ForJsonSchema</c>) for <paramref name="profile"/>,
    /// created on first use and cached.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown profile.</exception>
    public ChatResponseFormatJson GetResponseFormat(LlmSchemaProfile profile)
    {
        int index = Index(profile);
        ChatResponseFormatJson? format = Volatile.Read(ref _formats[index]);
        if (format is not null)
        {
            return format;
        }

        JsonElement schema;
        using (JsonDocument document = JsonDocument.Parse(_schemas[index]))
        {
            schema = document.RootElement.Clone();
        }

        format = ChatResponseFormat.ForJsonSchema(schema, SchemaName, Description);
        return Interlocked.CompareExchange(ref _formats[index], format, null) ?? format;
    }

    /// <summary>
    /// Reads a model response as this type without naming it at compile time, for code that holds an entry of
    /// <see cref="LlmOutputRegistry.All"/> or <see cref="LlmOutputRegistry.TryGet"/>. Same rules as
    /// <see cref="LlmOutputInfo{T}.Parse(string, LlmParseOptions?)"/>; <see cref="LlmResult{T}.Value"/> holds a <see cref="Type"/>
    /// (value types boxed). Never throws for bad model output.
    /// </summary>
    /// <param name="text">The raw model output.</param>
    /// <param name="options">Per-call options; when null, the type's options (or <see cref="LlmParseOptions.Default"/>).</param>
    /// <exception cref="NotSupportedException">No reader was generated for the type (the generator reported an error for it).</exception>
    public abstract LlmResult<object> ParseUntyped(string text, LlmParseOptions? options = null);

    /// <summary>Reads a model response held as UTF-8 bytes as this type. See <see cref="ParseUntyped(string, LlmParseOptions?)"/>.</summary>
    /// <param name="utf8">The raw model output as UTF-8.</param>
    /// <param name="options">Per-call options; when null, the type's options (or <see cref="LlmParseOptions.Default"/>).</param>
    /// <exception cref="NotSupportedException">No reader was generated for the type (the generator reported an error for it).</exception>
    public abstract LlmResult<object> ParseUntyped(ReadOnlySpan<byte> utf8, LlmParseOptions? options = null);

    /// <summary>Reads a model response held as a UTF-8 byte sequence (e.g. from a pipe) as this type. See <see cref="ParseUntyped(string, LlmParseOptions?)"/>.</summary>
    /// <param name="utf8">The raw model output as UTF-8, in one or more segments.</param>
    /// <param name="options">Per-call options; when null, the type's options (or <see cref="LlmParseOptions.Default"/>).</param>
    /// <exception cref="NotSupportedException">No reader was generated for the type (the generator reported an error for it).</exception>
    public abstract LlmResult<object> ParseUntyped(in System.Buffers.ReadOnlySequence<byte> utf8, LlmParseOptions? options = null);

    /// <inheritdoc />
    public override string ToString() => SchemaName;

    private static int Index(LlmSchemaProfile profile)
    {
        int index = (int)profile;
        if ((uint)index >= ProfileCount)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown LlmSchemaProfile.");
        }

        return index;
    }
}

/// <summary>Compile-time facts about the <see cref="LlmOutputAttribute"/> type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The output type.</typeparam>
public sealed partial class LlmOutputInfo<T> : LlmOutputInfo
{
    /// <summary>Called by generated code only.</summary>
    /// <param name="schemaName">The provider schema name.</param>
    /// <param name="description">The type description, if any.</param>
    /// <param name="openAIStrict">The <see cref="LlmSchemaProfile.OpenAIStrict"/> schema.</param>
    /// <param name="anthropic">The <see cref="LlmSchemaProfile.Anthropic"/> schema.</param>
    /// <param name="gemini">The <see cref="LlmSchemaProfile.Gemini"/> schema.</param>
    /// <param name="jsonSchema">The <see cref="LlmSchemaProfile.JsonSchema"/> schema.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public LlmOutputInfo(string schemaName, string? description, string openAIStrict, string anthropic, string gemini, string jsonSchema)
        : base(typeof(T), schemaName, description, openAIStrict, anthropic, gemini, jsonSchema)
    {
    }
}
