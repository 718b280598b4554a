using System.Text.Json.Serialization;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>How to reach someone.</summary>
public enum ContactChannel
{
    [JsonStringEnumMemberName("e-mail")]
    Email,
    [JsonStringEnumMemberName("phone")]
    Phone,
    [JsonStringEnumMemberName("postal-mail")]
    Post,
}

/// <summary>A nominal class with settable and init properties, a naming policy, renames and an ignored member.</summary>
[LlmOutput(Name = "contact_card", NamingPolicy = LlmNamingPolicy.SnakeCaseLower)]
public partial class ContactCard
{
    /// <summary>The person's full name.</summary>
    public required string FullName { get; init; }

    [JsonPropertyName("preferred")]
    public ContactChannel PreferredChannel { get; set; }

    public string? PhoneNumber { get; set; }

    [JsonIgnore]
    public string? InternalNote { get; set; }
}
