using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using StructuredLlm.Analyzers.Llm;

namespace StructuredLlm.Analyzers.Taint;

/// <summary>
/// Where tainted text comes from: an untrusted source, or (inside a method summary) a parameter, or a member of the
/// summarised method's own object (a field, property or captured primary-constructor parameter), which a call site maps to
/// what its receiver holds in that member.
/// </summary>
internal sealed class Origin : IEquatable<Origin>
{
    /// <summary>The <see cref="ParameterOrdinal"/> of a member origin: no argument has it.</summary>
    public const int MemberOrdinal = int.MaxValue;

    private Origin(string display, SourceKind? kind, Location? location, int parameterOrdinal, ISymbol? member = null)
    {
        Display = display;
        Kind = kind;
        Location = location;
        ParameterOrdinal = parameterOrdinal;
        Member = member;
    }

    /// <summary>The source as written ("request.CustomerMessage").</summary>
    public string Display { get; }

    public SourceKind? Kind { get; }

    public Location? Location { get; }

    /// <summary>For a parameter origin (summaries only), its ordinal; -1 for a source.</summary>
    public int ParameterOrdinal { get; }

    public bool IsSource => ParameterOrdinal < 0;

    /// <summary>For a member origin (summaries only), the member of the method's own object it was read from.</summary>
    public ISymbol? Member { get; }

    public bool IsMember => Member is not null;

    public static Origin Source(string display, SourceKind kind, Location location) => new(display, kind, location, -1);

    public static Origin Parameter(IParameterSymbol parameter) => new(parameter.Name, null, null, parameter.Ordinal);

    /// <summary>What the summarised method's own object holds in <paramref name="member"/> (its original definition).</summary>
    public static Origin OfMember(ISymbol member) => new(member.Name, null, null, MemberOrdinal, member.OriginalDefinition);

    /// <summary>The same source, named and located at a more specific expression (a property read of it).</summary>
    public Origin Refine(string display, Location location) => IsSource ? new(display, Kind, location, -1) : this;

    public bool Equals(Origin? other) =>
        other is not null
        && ParameterOrdinal == other.ParameterOrdinal
        && string.Equals(Display, other.Display, StringComparison.Ordinal)
        && ReferenceEquals(Kind, other.Kind)
        && Equals(Location, other.Location)
        && SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override bool Equals(object? obj) => Equals(obj as Origin);

    public override int GetHashCode() => (Display.GetHashCode() * 31) + ParameterOrdinal;
}

/// <summary>
/// The taint of a value: its origins (at most <see cref="MaxOrigins"/>), and whether untrusted text was mixed with
/// other text (concatenated, interpolated, formatted, appended) rather than being the whole value.
/// </summary>
internal sealed class TaintValue : IEquatable<TaintValue>
{
    public const int MaxOrigins = 4;

    private TaintValue(ImmutableArray<Origin> origins, bool embedded)
    {
        Origins = origins;
        Embedded = embedded;
    }

    public ImmutableArray<Origin> Origins { get; }

    public bool Embedded { get; }

    public static TaintValue Of(Origin origin) => new(ImmutableArray.Create(origin), false);

    public TaintValue AsEmbedded() => Embedded ? this : new TaintValue(Origins, true);

    public TaintValue Map(Func<Origin, Origin> map)
    {
        var builder = ImmutableArray.CreateBuilder<Origin>(Origins.Length);
        foreach (var origin in Origins)
        {
            builder.Add(map(origin));
        }

        return new TaintValue(builder.MoveToImmutable(), Embedded);
    }

    /// <summary>Union of two taints; <paramref name="embedded"/> forces the mixed flag.</summary>
    public static TaintValue? Union(TaintValue? a, TaintValue? b, bool embedded = false)
    {
        if (a is null)
        {
            return b is null ? null : embedded ? b.AsEmbedded() : b;
        }

        if (b is null)
        {
            return embedded ? a.AsEmbedded() : a;
        }

        var mixed = embedded || a.Embedded || b.Embedded;
        var origins = a.Origins;
        foreach (var origin in b.Origins)
        {
            if (origins.Contains(origin))
            {
                continue;
            }

            if (origins.Length < MaxOrigins)
            {
                origins = origins.Add(origin);
            }
            else if (!origin.IsMember && IndexOfMember(origins) is var member and >= 0)
            {
                // A source or parameter matters more than what the method's own object holds: it takes a member's place.
                origins = origins.SetItem(member, origin);
            }
        }

        if (origins == a.Origins && mixed == a.Embedded)
        {
            return a;
        }

        return new TaintValue(origins, mixed);
    }

    /// <summary>The origins of <paramref name="a"/> that <paramref name="b"/> does not hold (null when there are none).</summary>
    public static TaintValue? Except(TaintValue? a, TaintValue? b)
    {
        if (a is null || b is null)
        {
            return a;
        }

        var builder = ImmutableArray.CreateBuilder<Origin>();
        foreach (var origin in a.Origins)
        {
            if (!b.Origins.Contains(origin))
            {
                builder.Add(origin);
            }
        }

        return builder.Count == 0 ? null : builder.Count == a.Origins.Length ? a : new TaintValue(builder.ToImmutable(), a.Embedded);
    }

    private static int IndexOfMember(ImmutableArray<Origin> origins)
    {
        for (var i = 0; i < origins.Length; i++)
        {
            if (origins[i].IsMember)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Equals(TaintValue? other) =>
        other is not null && Embedded == other.Embedded && Origins.SequenceEqual(other.Origins);

    public override bool Equals(object? obj) => Equals(obj as TaintValue);

    public override int GetHashCode() => (Origins.Length * 2) + (Embedded ? 1 : 0);
}
