using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>An enum value.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="JsonName">The JSON string (<c>[JsonStringEnumMemberName]</c> or the C# name).</param>
/// <param name="Aliases">Extra accepted strings from <c>[LlmAlias]</c>.</param>
/// <param name="Description">From <c>[Description]</c> or the XML doc summary.</param>
internal sealed record EnumMemberSpec(string Name, string JsonName, EquatableArray<string> Aliases, string? Description);

/// <summary>A derived type of a polymorphic base.</summary>
/// <param name="DefinitionId">The derived object's <see cref="TypeDefinitionSpec.Id"/>.</param>
/// <param name="Discriminator">The discriminator as a JSON literal (<c>"\"circle\""</c> or <c>"1"</c>), or null when none was given.</param>
internal sealed record DerivedTypeSpec(string DefinitionId, string? Discriminator);

/// <summary>A constructor parameter of the constructor the reader calls.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="MemberName">The C# member it binds to, or null when it binds to none (the reader passes its default).</param>
/// <param name="TypeName">The parameter's fully qualified type.</param>
/// <param name="HasDefaultValue">Whether it is optional.</param>
internal sealed record ConstructorParameterSpec(string Name, string? MemberName, string TypeName, bool HasDefaultValue);

/// <summary>
/// A named type reachable from an <c>[LlmOutput]</c> root: an object, an enum or a polymorphic base.
/// </summary>
/// <param name="Id">A unique key: the fully qualified metadata-style name.</param>
/// <param name="Kind">Object, enum or polymorphic base.</param>
/// <param name="TypeName">The <c>global::</c>-qualified C# name.</param>
/// <param name="DefinitionName">The name used under <c>$defs</c> (unique within one output).</param>
/// <param name="Description">From <c>[Description]</c> or the XML doc summary.</param>
/// <param name="IsValueType">Struct or record struct.</param>
/// <param name="Members">Object members in schema order (base members first, then declaration order).</param>
/// <param name="ConstructorParameters">The parameters of the constructor the reader calls, in order (empty for a parameterless one).</param>
/// <param name="EnumMembers">Enum values in declaration order.</param>
/// <param name="DiscriminatorPropertyName">Polymorphic: the discriminator JSON property (default <c>$type</c>).</param>
/// <param name="DerivedTypes">Polymorphic: the branches in <c>[JsonDerivedType]</c> order.</param>
/// <param name="IsConstructible">Object: a constructor was chosen (otherwise a diagnostic was reported and no reader is emitted).</param>
/// <param name="HasOwnReader">
/// Object, not the root: another <c>[LlmOutput]</c> type of the same compilation that gets its own generated reader and
/// can be named from the root's code, so the root's reader calls its <c>LlmInfo.Reader</c> instead of re-emitting it.
/// </param>
/// <param name="GatedDiagnostics">
/// The diagnostic IDs that naming this type or its members raises in code (<c>[Experimental("ID")]</c>,
/// <c>[Obsolete(DiagnosticId = "ID")]</c>), sorted: generated code suppresses them, the user's own uses still report them.
/// </param>
/// <param name="UnknownDiscriminatorIsFallback">
/// Polymorphic: <c>[JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)]</c>, so a discriminator naming no
/// derived type reads as the branch without one (the concrete base), as System.Text.Json reads it.
/// </param>
/// <param name="DisallowUnknownMembers">
/// Object: <c>[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]</c>, so a key naming no member is an
/// error, as System.Text.Json refuses it, not only reported.
/// </param>
internal sealed record TypeDefinitionSpec(
    string Id,
    DefinitionKind Kind,
    string TypeName,
    string DefinitionName,
    string? Description,
    bool IsValueType,
    EquatableArray<MemberSpec> Members,
    EquatableArray<ConstructorParameterSpec> ConstructorParameters,
    EquatableArray<EnumMemberSpec> EnumMembers,
    string? DiscriminatorPropertyName,
    EquatableArray<DerivedTypeSpec> DerivedTypes,
    bool IsConstructible = true,
    bool HasOwnReader = false,
    EquatableArray<string> GatedDiagnostics = default,
    bool UnknownDiscriminatorIsFallback = false,
    bool DisallowUnknownMembers = false);
