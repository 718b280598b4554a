using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>
/// Validation constraints of one value, modelled once: the schema emitter states them (as keywords or in the
/// description, per profile) and the reader enforces the same values.
/// Numeric bounds are JSON number literals in invariant culture (for example <c>"1"</c>, <c>"0.5"</c>).
/// Implicit bounds of narrow integer types (byte, short...) are not stored here: use <see cref="Effective"/>.
/// </summary>
internal sealed record ConstraintSpec(
    string? Minimum,
    string? Maximum,
    bool ExclusiveMinimum,
    bool ExclusiveMaximum,
    int? MinLength,
    int? MaxLength,
    int? MinItems,
    int? MaxItems,
    string? Pattern,
    string? Format,
    bool UniqueItems,
    EquatableArray<string> AllowedValues)
{
    public static readonly ConstraintSpec None = new(null, null, false, false, null, null, null, null, null, null, false, EquatableArray<string>.Empty);

    public bool HasNumericBounds => Minimum is not null || Maximum is not null;

    public bool HasStringLength => MinLength is not null || MaxLength is not null;

    /// <summary>
    /// The constraints a value of <paramref name="primitive"/> must meet: these plus the type's own integer range
    /// (the tighter bound wins). Schema emitter and reader both use this.
    /// </summary>
    public ConstraintSpec Effective(PrimitiveKind primitive)
    {
        (string? min, string? max) = IntegerRange(primitive);
        if (min is null && max is null)
        {
            return this;
        }

        ConstraintSpec result = this;
        if (min is not null && (Minimum is null || Compare(min, Minimum) > 0))
        {
            result = result with { Minimum = min, ExclusiveMinimum = false };
        }

        if (max is not null && (Maximum is null || Compare(max, Maximum) < 0))
        {
            result = result with { Maximum = max, ExclusiveMaximum = false };
        }

        return result;
    }

    /// <summary>The implicit range of the narrow integer types (8 and 16 bits), and 0 as the minimum of unsigned ones.</summary>
    public static (string? Min, string? Max) IntegerRange(PrimitiveKind primitive) => primitive switch
    {
        PrimitiveKind.SByte => ("-128", "127"),
        PrimitiveKind.Byte => ("0", "255"),
        PrimitiveKind.Int16 => ("-32768", "32767"),
        PrimitiveKind.UInt16 => ("0", "65535"),
        PrimitiveKind.UInt32 or PrimitiveKind.UInt64 or PrimitiveKind.UInt128 => ("0", null),
        _ => (null, null),
    };

    private static int Compare(string a, string b)
    {
        const System.Globalization.NumberStyles Style = System.Globalization.NumberStyles.Float;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (decimal.TryParse(a, Style, culture, out decimal da) && decimal.TryParse(b, Style, culture, out decimal db))
        {
            return da.CompareTo(db);
        }

        return double.Parse(a, Style, culture).CompareTo(double.Parse(b, Style, culture));
    }
}
