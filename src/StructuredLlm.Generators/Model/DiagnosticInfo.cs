using Microsoft.CodeAnalysis;
using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>An equatable diagnostic: descriptor (a singleton), location and message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        => new(descriptor, location, args.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArgs.ToArrayCompat());

    /// <summary>The diagnostic located in <paramref name="tree"/> (the compilation's tree for its file) when the span still fits it.</summary>
    public Diagnostic ToDiagnostic(SyntaxTree? tree) =>
        tree is not null && Location is { } location && location.Span.End <= tree.Length
            ? Diagnostic.Create(Descriptor, Microsoft.CodeAnalysis.Location.Create(tree, location.Span), MessageArgs.ToArrayCompat())
            : ToDiagnostic();
}
