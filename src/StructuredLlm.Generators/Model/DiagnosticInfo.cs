using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>An equatable diagnostic: descriptor (a singleton), location and message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        => new(descriptor, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArgs.ToArrayCompat());
}
