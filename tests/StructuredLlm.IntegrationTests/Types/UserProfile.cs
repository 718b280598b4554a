using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>A sign-up form filled in from a chat: every DataAnnotation the generator maps.</summary>
[LlmOutput]
public partial record UserProfile(
    [property: MinLength(3), MaxLength(20), RegularExpression("^[a-z0-9_]+$")] string Username,
    [property: EmailAddress] string Email,
    [property: Url] string? Homepage,
    [property: StringLength(280)] string Bio,
    [property: Range(13, 120)] int Age,
    [property: AllowedValues("en", "fr", "de")] string Language,
    [property: Length(1, 3)] string[] Interests,
    [property: Range(0.0, 1.0)] double Score);
