namespace StructuredLlm.Json;

/// <summary>
/// What was changed between the raw model output and the JSON that was read. Every repair and every
/// lossless coercion is reported as one of these, so callers can allow a subset
/// (<see cref="LlmParseOptions.AllowedRepairs"/>) or feed them to telemetry.
/// </summary>
/// <remarks>
/// Kinds marked "incomplete" mean data was lost or guessed (a value was cut off, omitted or its end was
/// guessed). Schema-less <see cref="LlmJson.Repair(string)"/> still returns text for them, but a typed
/// read refuses when such a value belongs to a member (see docs/repair.md).
/// </remarks>
public enum LlmRepairKind
{
    // ---- locating the JSON in the text ----
    /// <summary>A byte-order mark before the JSON was dropped.</summary>
    ByteOrderMark = 1,
    /// <summary>The JSON was taken from inside a Markdown code fence (<c>```json</c>, bare or malformed).</summary>
    MarkdownFence,
    /// <summary>The JSON was taken from inside a tag such as <c>&lt;json&gt;</c> or <c>&lt;output&gt;</c>.</summary>
    TagWrapper,
    /// <summary>Prose before or after the JSON value was dropped.</summary>
    SurroundingText,
    /// <summary>The JSON was encoded a second time inside a JSON string and was decoded.</summary>
    DoubleEncoded,
    /// <summary>A function-call wrapper (JSONP <c>callback(...)</c>, MongoDB <c>ObjectId("...")</c>) was dropped.</summary>
    FunctionWrapper,
    /// <summary>
    /// A reasoning block before the answer (<c>&lt;think&gt;…&lt;/think&gt;</c>, <c>&lt;thinking&gt;</c>, <c>&lt;reasoning&gt;</c>, or text
    /// ending in <c>&lt;/think&gt;</c> whose opening tag the chat template dropped) was dropped, so JSON inside it is never
    /// taken for the answer.
    /// </summary>
    ReasoningBlock,

    // ---- syntax ----
    /// <summary>A comma before the first element or member was dropped.</summary>
    LeadingComma,
    /// <summary>A comma after the last element or member was dropped.</summary>
    TrailingComma,
    /// <summary>A second comma between two members of an object (<c>{"a":1,,"b":2}</c>) was dropped: no member is lost.</summary>
    ExtraComma,
    /// <summary>A missing comma between two values was inserted.</summary>
    MissingComma,
    /// <summary>A missing colon between a key and its value was inserted.</summary>
    MissingColon,
    /// <summary>
    /// A separator as other notations or keyboards write it became JSON's: <c>=</c> or <c>=&gt;</c> after a key
    /// (<c>{"a" = 1}</c>, Ruby and PHP hashes) and a fullwidth <c>：</c> became <c>:</c>, a fullwidth <c>，</c> between
    /// values became <c>,</c> (CJK input). Inside strings they are data and stay.
    /// </summary>
    SeparatorSpelling,
    /// <summary>A <c>//</c>, <c>/* */</c> or <c>#</c> comment was dropped.</summary>
    Comment,
    /// <summary>Single quotes used as string delimiters were replaced by double quotes.</summary>
    SingleQuotes,
    /// <summary>Typographic quotes (“ ” ‘ ’ ` ´) used as string delimiters were replaced by double quotes.</summary>
    CurlyQuotes,
    /// <summary>An unquoted object key was quoted.</summary>
    UnquotedKey,
    /// <summary>An unquoted word used as a value was quoted as a string (a regular expression literal included).</summary>
    UnquotedString,
    /// <summary>Python <c>True</c>/<c>False</c>/<c>None</c> became <c>true</c>/<c>false</c>/<c>null</c>.</summary>
    PythonLiteral,
    /// <summary>JavaScript <c>undefined</c> became <c>null</c>.</summary>
    UndefinedLiteral,
    /// <summary>
    /// A literal as other languages spell it (<c>NULL</c>, <c>Null</c>, <c>TRUE</c>, <c>FALSE</c>, <c>nil</c>), standing alone as
    /// a value, became <c>null</c>/<c>true</c>/<c>false</c> instead of the text of the word.
    /// </summary>
    LiteralSpelling,
    /// <summary>A raw control character or newline inside a string was escaped.</summary>
    ControlCharacter,
    /// <summary>A double quote inside a string was escaped (it was data, not the end of the string).</summary>
    InnerQuote,
    /// <summary>An escape sequence JSON does not have was rewritten (<c>\'</c> → <c>'</c>, <c>\x</c> → <c>\\x</c>).</summary>
    InvalidEscape,
    /// <summary>A string wrapped in escaped quotes (<c>\"text\"</c>) was unescaped.</summary>
    EscapedString,
    /// <summary>Strings joined with <c>+</c> were concatenated.</summary>
    StringConcatenation,
    /// <summary>A non-ASCII space (no-break space, ideographic space, …) between tokens became a space.</summary>
    SpecialWhitespace,
    /// <summary>A number with a dangling sign, dot or exponent was completed, or a leading dot got a zero.</summary>
    NumberFormat,
    /// <summary>A number with leading zeros (<c>0789</c>) was kept as a string.</summary>
    LeadingZeros,
    /// <summary>An object closed by a missing or mismatched bracket was closed.</summary>
    MissingClosingBracket,
    /// <summary>
    /// The opening brace of an object was missing: the text starts with <c>"key":</c> and a later <c>}</c> closes a brace
    /// never opened (a response that continues a prefilled <c>{</c>); the brace was inserted.
    /// </summary>
    MissingOpeningBracket,
    /// <summary>A closing bracket with nothing to close was dropped.</summary>
    ExtraClosingBracket,
    /// <summary>Several top-level values (one per line or comma separated) were wrapped in an array.</summary>
    ValueSequence,

    // ---- incomplete: data was lost or guessed; a typed read refuses these on members ----
    /// <summary>Incomplete: a string was cut off by the end of the text.</summary>
    TruncatedString,
    /// <summary>Incomplete: a number ended the text, so more digits may have been cut off.</summary>
    TruncatedNumber,
    /// <summary>
    /// Incomplete: a number lost digits inside the text (a lone sign <c>-</c>, or an exponent without digits
    /// <c>1e</c>); a completed number (<c>-0</c>, <c>1e0</c>) was written, as jsonrepair does, but it is a guess.
    /// </summary>
    IncompleteNumber,
    /// <summary>Incomplete: an array was not closed before the end of the text.</summary>
    TruncatedArray,
    /// <summary>Incomplete: a literal or unquoted word was cut off by the end of the text.</summary>
    TruncatedLiteral,
    /// <summary>
    /// Incomplete: a key had no value (<c>{"a":}</c>, or cut after the key; <c>null</c> was written), or an array had an
    /// empty slot between two commas (<c>[1,,3]</c>; the slot was dropped and the array marked).
    /// </summary>
    MissingValue,
    /// <summary>Incomplete: a string's closing quote was missing and its end was guessed at a delimiter.</summary>
    MissingEndQuote,
    /// <summary>Incomplete: an ellipsis (<c>...</c>) standing for omitted elements was dropped.</summary>
    Ellipsis,

    // ---- reading against the schema ----
    /// <summary>A key matched a member after ignoring case and separators (<c>Customer_Email</c> → <c>customerEmail</c>).</summary>
    KeyNormalized,
    /// <summary>A key matched a member by an unambiguous prefix or suffix (<c>ticket_category</c> → <c>category</c>).</summary>
    KeyPartialMatch,
    /// <summary>A second key with the same value for one member was ignored.</summary>
    DuplicateKey,
    /// <summary>A numeric string became a number (<c>"5"</c> → 5).</summary>
    NumberFromString,
    /// <summary>A number with a zero fraction became an integer (<c>5.0</c> → 5).</summary>
    IntegerFromFloat,
    /// <summary>A string <c>"true"</c>/<c>"false"</c> became a bool.</summary>
    BoolFromString,
    /// <summary>A number became a string (its exact digits).</summary>
    StringFromNumber,
    /// <summary>An enum value matched after trimming and ignoring case and separators.</summary>
    EnumNormalized,
    /// <summary>A single value where a list was expected became a one-element list.</summary>
    ScalarToList,
    /// <summary>A one-element array around the root value was unwrapped.</summary>
    UnwrappedRootArray,
    /// <summary>A single-key wrapper object around the root value (<c>{"result": {...}}</c>) was unwrapped.</summary>
    UnwrappedWrapperObject,
    /// <summary>
    /// A date, time, duration or GUID written in another form that names exactly one value was read as that value: a
    /// space for the <c>T</c> of a date-time (<c>2025-03-01 10:00</c>), an offset without its colon
    /// (<c>+0200</c>), a date with its month named in English or its year first (<c>March 1, 2025</c>, <c>2025/03/01</c>), a one-digit hour (<c>9:45</c>), an ISO 8601
    /// duration or one in words (<c>PT1H30M</c>, <c>1 hour 30 min</c> → 01:30:00; years and months, whose length varies, are refused), a GUID in braces,
    /// parentheses or without hyphens.
    /// </summary>
    FormatNormalized,
    /// <summary>
    /// A polymorphic object without its discriminator was read as the one derived type whose members name every key it
    /// has (<c>{"label": "c", "radius": 2}</c> → circle); when no derived type, or more than one, fits, it is refused.
    /// </summary>
    DiscriminatorInferred,
    /// <summary>
    /// An empty string or the string <c>"null"</c> for an optional value that is not text (a number, bool, enum, date,
    /// object or list) became null: no such value is written that way, so the model said there is none. An optional
    /// string keeps <c>""</c> and <c>"null"</c> as text; a required member is still refused.
    /// </summary>
    NullFromString,
    /// <summary>
    /// A one-element array around a single value where one value was expected (<c>["Billing"]</c> for an enum,
    /// <c>[3]</c> for a number) became that value; two elements, an object or null inside are refused.
    /// </summary>
    ListToScalar,
}

/// <summary>Classification helpers for <see cref="LlmRepairKind"/>.</summary>
public static class LlmRepairKinds
{
    /// <summary>True for kinds that mean data was cut off, omitted or guessed.</summary>
    public static bool IsIncomplete(this LlmRepairKind kind) =>
        kind is >= LlmRepairKind.TruncatedString and <= LlmRepairKind.Ellipsis;

    /// <summary>True for kinds applied while reading against the schema (coercions, key matching, unwrapping).</summary>
    public static bool IsCoercion(this LlmRepairKind kind) => kind >= LlmRepairKind.KeyNormalized;
}
