using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using StructuredLlm.IntegrationTests.Types;

namespace StructuredLlm.IntegrationTests;

/// <summary>Checks over every [LlmOutput] type compiled into this assembly, found through the generated registry.</summary>
public class RegistryAndProfileTests
{
    private static readonly Type[] AnnotatedTypes = typeof(RegistryAndProfileTests).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<LlmOutputAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Registry_lists_every_LlmOutput_type_of_this_assembly()
    {
        Assert.True(AnnotatedTypes.Length >= 10, $"only {AnnotatedTypes.Length} annotated test types");
        var registered = LlmOutputRegistry.All.Select(i => i.Type).Where(t => t.Assembly == typeof(RegistryAndProfileTests).Assembly)
            .OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        Assert.Equal(AnnotatedTypes, registered);
        foreach (var type in AnnotatedTypes)
        {
            Assert.True(LlmOutputRegistry.TryGet(type, out var info));
            Assert.Same(type, info.Type);
        }
        Assert.False(LlmOutputRegistry.TryGet(typeof(Address), out _));
        Assert.Throws<InvalidOperationException>(() => LlmOutputRegistry.Get<Address>());
    }

    [Fact]
    public void Every_schema_of_every_profile_loads_in_NJsonSchema()
    {
        foreach (var info in LlmOutputRegistry.All)
        {
            foreach (var profile in Enum.GetValues<LlmSchemaProfile>())
            {
                var schema = SchemaInstanceTests.Load(info, profile);
                Assert.Equal(NJsonSchema.JsonObjectType.Object, schema.Type & NJsonSchema.JsonObjectType.Object);
            }
        }
    }

    [Fact]
    public void Every_OpenAI_strict_schema_passes_the_profile_checker()
    {
        Assert.NotEmpty(LlmOutputRegistry.All);
        var failures = LlmOutputRegistry.All
            .Select(info => (info, errors: OpenAIStrictChecker.Check(info.SchemaName, info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict))))
            .Where(r => r.errors.Count > 0)
            .Select(r => $"{r.info.Type.Name}:\n  {string.Join("\n  ", r.errors)}\n  {r.info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict)}")
            .ToArray();
        Assert.True(failures.Length == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Generated_LlmInfo_is_the_registered_instance_and_is_cached()
    {
        var info = SupportTicket.LlmInfo;
        Assert.Same(info, LlmOutputRegistry.Get<SupportTicket>());
        Assert.Same(typeof(SupportTicket), info.Type);
        Assert.Equal("SupportTicket", info.SchemaName);
        Assert.Same(info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict), info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));

        var format = info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict);
        Assert.Same(format, info.GetResponseFormat(LlmSchemaProfile.OpenAIStrict));
        Assert.Equal("SupportTicket", format.SchemaName);
        Assert.Equal("A customer support ticket, triaged.", format.SchemaDescription);
        Assert.NotNull(format.Schema);
        using var expected = JsonDocument.Parse(info.GetJsonSchema(LlmSchemaProfile.OpenAIStrict));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, format.Schema.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => info.GetJsonSchema((LlmSchemaProfile)42));
    }

    [Fact]
    public void Names_descriptions_and_renames_come_from_the_code()
    {
        Assert.Equal("contact_card", ContactCard.LlmInfo.SchemaName);
        using var contact = JsonDocument.Parse(ContactCard.LlmInfo.GetJsonSchema(LlmSchemaProfile.JsonSchema));
        var properties = contact.RootElement.GetProperty("properties");
        Assert.Equal(["full_name", "preferred", "phone_number"], properties.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("The person's full name.", properties.GetProperty("full_name").GetProperty("description").GetString());
        Assert.Equal(["e-mail", "phone", "postal-mail"], properties.GetProperty("preferred").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray());

        using var order = JsonDocument.Parse(OrderUpdate.LlmInfo.GetJsonSchema(LlmSchemaProfile.JsonSchema));
        var orderProperties = order.RootElement.GetProperty("properties");
        Assert.Equal("The merchant's order number.", orderProperties.GetProperty("orderId").GetProperty("description").GetString());
        Assert.Contains("Carrier name such as UPS or DHL", orderProperties.GetProperty("carrier").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("An order status update parsed from a shipping notification.", OrderUpdate.LlmInfo.Description);
    }
}
