using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

// Types that only the parsing tests need: per-type strict mode, aliases, sets and allowed numbers. The realistic types live in ../Types.

/// <summary>A verdict that must arrive as exact JSON: no repair, no coercion.</summary>
[LlmOutput(Strict = true)]
public partial record StrictVerdict(bool Approved, [property: Range(0, 10)] int Score);

/// <summary>A verdict that may only be unwrapped from a Markdown fence.</summary>
[LlmOutput(Strict = true, AllowedRepairs = new[] { LlmRepairKind.MarkdownFence })]
public partial record FencedVerdict(bool Approved, string Reason);

/// <summary>Aliases, a set, allowed numbers and a char. (Dictionaries are an error under OpenAI strict and exclusive bounds are
/// outside the MEAI comparison's categories, so both run in the generator tests' in-memory assembly.)</summary>
[LlmOutput]
public partial record Settings(
    [property: LlmAlias("colour", "theme_color")] string Color,
    HashSet<string> Flags,
    [property: Range(0.0, 1.0)] double Ratio,
    [property: AllowedValues(1, 2, 4, 8)] int Cores,
    char Separator);

/// <summary>A nominal class: required/init/settable members.</summary>
[LlmOutput]
public partial class Preferences
{
    public required string Language { get; init; }
    public int? FontSize { get; set; }
    [JsonPropertyName("dark")]
    public bool DarkMode { get; set; }
}

/// <summary>Discriminators and enum names that differ from the C# names, so the C# names are aliases.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EmailStep), "mail")]
[JsonDerivedType(typeof(WaitStep), "delay")]
public abstract record WorkflowStep(string Label);

public sealed record EmailStep(string Label, string To) : WorkflowStep(Label);

public sealed record WaitStep(string Label, int Minutes) : WorkflowStep(Label);

public enum StepPriority
{
    [JsonStringEnumMemberName("p1")]
    Urgent,
    [JsonStringEnumMemberName("p2")]
    Normal,
}

[LlmOutput]
public partial record Workflow(IReadOnlyList<WorkflowStep> Steps, StepPriority Priority);

/// <summary>Every member optional: an object none of whose keys names a member still reads (as all nulls).</summary>
[LlmOutput]
public partial record SearchFilter(string? Category, int? Limit, IReadOnlyList<string>? Tags);

/// <summary>Durations, instants and numbers whose text can hold more than the type does; every member optional, so a test
/// sets only the one it is about.</summary>
[LlmOutput]
public partial record Reading(
    System.TimeSpan? Duration,
    System.DateTime? Taken,
    System.DateTimeOffset? At,
    float? Ratio,
    double? Value,
    decimal? Amount,
    string? Note,
    IReadOnlyList<string>? Labels,
    long? Count);
