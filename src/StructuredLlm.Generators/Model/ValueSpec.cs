namespace StructuredLlm.Generators.Model;

/// <summary>
/// The type of a member (or of a collection element / dictionary value), recursively.
/// </summary>
/// <param name="Kind">The JSON shape.</param>
/// <param name="TypeName">The fully qualified C# type, <c>global::</c>-prefixed, with <c>?</c> when nullable.</param>
/// <param name="IsNullable">Whether null is a valid value (nullable value type or annotated reference type).</param>
/// <param name="IsValueType">Whether the (underlying) type is a value type; with <see cref="IsNullable"/> it is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Primitive">For scalars: the exact .NET primitive.</param>
/// <param name="Collection">For arrays and dictionaries: the concrete collection kind.</param>
/// <param name="Element">The element (arrays) or value (dictionaries) type.</param>
/// <param name="DefinitionId">For enums and objects: the <see cref="TypeDefinitionSpec.Id"/> in <see cref="OutputSpec.Definitions"/>.</param>
internal sealed record ValueSpec(
    ValueKind Kind,
    string TypeName,
    bool IsNullable,
    bool IsValueType,
    PrimitiveKind Primitive,
    CollectionKind Collection,
    ValueSpec? Element,
    string? DefinitionId);
