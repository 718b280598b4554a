namespace StructuredLlm;

/// <summary>Options for <see cref="Prompt.Spotlight(string?, SpotlightOptions?)"/> and <see cref="PromptBuilder"/>.</summary>
public sealed class SpotlightOptions
{
    /// <summary>The character that replaces spaces and tabs in <see cref="SpotlightMode.Datamark"/> mode.</summary>
    public const char DefaultDatamark = '\u02C6';

    /// <summary>Shared default options (delimiting, with a notice, no label). Do not mutate.</summary>
    internal static readonly SpotlightOptions Default = new();

    /// <summary>How the text is marked. Defaults to <see cref="SpotlightMode.Delimit"/>.</summary>
    public SpotlightMode Mode { get; set; } = SpotlightMode.Delimit;

    /// <summary>An optional description of the text's origin (for example <c>"customer email"</c>), written into the begin marker.</summary>
    public string? Label { get; set; }

    /// <summary>The character that replaces spaces and tabs in <see cref="SpotlightMode.Datamark"/> mode. Defaults to U+02C6 (ˆ).</summary>
    public char DatamarkCharacter { get; set; } = DefaultDatamark;

    /// <summary>
    /// Whether a one-line notice precedes the block, telling the model that the delimited text is data and that
    /// instructions inside it must not be followed. Defaults to <see langword="true"/>.
    /// </summary>
    public bool IncludeNotice { get; set; } = true;
}
