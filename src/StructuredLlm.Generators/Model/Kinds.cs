namespace StructuredLlm.Generators.Model;

/// <summary>The JSON shape of a value.</summary>
internal enum ValueKind
{
    /// <summary>A shape the generator cannot describe (a diagnostic was reported).</summary>
    Unsupported = 0,
    String,
    Boolean,
    Integer,
    Number,
    /// <summary>A string with a well-known .NET format (date/time, guid, uri); see <see cref="PrimitiveKind"/>.</summary>
    FormattedString,
    Enum,
    Array,
    Dictionary,
    /// <summary>An object type (or a polymorphic base) described by a <see cref="TypeDefinitionSpec"/>.</summary>
    Object,
}

/// <summary>The exact .NET primitive behind a scalar value, for readers (parse width, format) and bounds.</summary>
internal enum PrimitiveKind
{
    None = 0,
    String,
    Char,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Int128,
    UInt128,
    Half,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Uri,
    /// <summary>A <c>byte[]</c>: a base64 string, as System.Text.Json writes and reads it.</summary>
    Bytes,
}

/// <summary>The concrete collection the reader must build.</summary>
internal enum CollectionKind
{
    None = 0,
    Array,
    List,
    IList,
    IReadOnlyList,
    IEnumerable,
    ICollection,
    IReadOnlyCollection,
    ImmutableArray,
    ImmutableList,
    IImmutableList,
    HashSet,
    ISet,
    IReadOnlySet,
    ImmutableHashSet,
    /// <summary>A class of the user's implementing <c>ICollection&lt;T&gt;</c> (not a set), created and filled through <c>Add</c>.</summary>
    CustomCollection,
    /// <summary>A class of the user's implementing <c>ISet&lt;T&gt;</c>: as <see cref="CustomCollection"/>, and its items unique.</summary>
    CustomSet,
    Dictionary,
    IDictionary,
    IReadOnlyDictionary,
    ImmutableDictionary,
    /// <summary>A class of the user's implementing <c>IDictionary&lt;string, T&gt;</c>, created and filled through <c>Add</c>.</summary>
    CustomDictionary,
}

/// <summary>What a named type definition describes.</summary>
internal enum DefinitionKind
{
    Object = 0,
    Enum,
    /// <summary>A <c>[JsonPolymorphic]</c>/<c>[JsonDerivedType]</c> base: one branch per derived type.</summary>
    Polymorphic,
}

/// <summary>How the reader assigns a member.</summary>
internal enum AssignmentKind
{
    /// <summary>Passed to the chosen constructor (see <see cref="MemberSpec.ConstructorParameterIndex"/>).</summary>
    ConstructorParameter = 0,
    /// <summary>Set in an object initializer through an <c>init</c> accessor.</summary>
    Init,
    /// <summary>Set through a public setter.</summary>
    Set,
}
