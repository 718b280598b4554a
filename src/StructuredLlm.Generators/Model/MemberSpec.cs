using StructuredLlm.Generators.Helpers;

namespace StructuredLlm.Generators.Model;

/// <summary>One serialized member of an object type.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The JSON name (from <c>[JsonPropertyName]</c> or the type's naming policy).</param>
/// <param name="Aliases">Extra accepted names from <c>[LlmAlias]</c>, in declaration order.</param>
/// <param name="Type">The member's type.</param>
/// <param name="IsRequired">Required in the schema and by the reader: true when the type is not nullable.</param>
/// <param name="Description">From <c>[Description]</c> or the XML doc (property summary or record param).</param>
/// <param name="Constraints">DataAnnotations on the member's (non-null) value; implicit bounds of narrow integers come from <see cref="ConstraintSpec.Effective"/>.</param>
/// <param name="Assignment">How the reader sets the member.</param>
/// <param name="ConstructorParameterIndex">The position in <see cref="TypeDefinitionSpec.ConstructorParameters"/>, or -1.</param>
/// <param name="IsCSharpRequired">The property has the C# <c>required</c> modifier and the constructor the reader calls is not
/// <c>[SetsRequiredMembers]</c>, so the object initializer must set it, even when a constructor parameter takes it too (CS9035).</param>
/// <param name="HasDefaultValue">The constructor parameter has a default value.</param>
internal sealed record MemberSpec(
    string Name,
    string JsonName,
    EquatableArray<string> Aliases,
    ValueSpec Type,
    bool IsRequired,
    string? Description,
    ConstraintSpec Constraints,
    AssignmentKind Assignment,
    int ConstructorParameterIndex,
    bool IsCSharpRequired,
    bool HasDefaultValue);
