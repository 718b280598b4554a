using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using StructuredLlm.IntegrationTests.Types;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>
/// For random valid instances x (the CsCheck generators of ../Generators.cs), serialized by System.Text.Json with the
/// schema's naming: the generated reader returns x again with zero repairs and no unknown members, from a string and
/// from UTF-8. Equality is "serializes to the same JSON", so collections compare by content.
/// </summary>
public class RoundTripPropertyTests
{
    private const int Iterations = 200;

    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions SnakeCase = new(CamelCase)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static void RoundTrip<T>(Gen<T> gen, LlmOutputInfo<T> info, JsonSerializerOptions? options = null)
    {
        options ??= CamelCase;
        gen.Sample(x =>
        {
            string json = JsonSerializer.Serialize(x, options);
            LlmResult<T> fromText = info.Parse(json);
            Assert.True(fromText.Success, json + "\n" + string.Join("; ", fromText.Errors));
            Assert.Empty(fromText.Repairs);
            Assert.Empty(fromText.UnknownMembers);
            Assert.Equal(json, JsonSerializer.Serialize(fromText.Value, options));

            LlmResult<T> fromUtf8 = info.Parse(Encoding.UTF8.GetBytes(json).AsSpan(), LlmParseOptions.StrictDefault);
            Assert.True(fromUtf8.Success, json + "\n" + string.Join("; ", fromUtf8.Errors));
            Assert.Equal(json, JsonSerializer.Serialize(fromUtf8.Value, options));
        }, iter: Iterations, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void SupportTicket_round_trips() => RoundTrip(Generators.SupportTicket, SupportTicket.LlmInfo);

    [Fact]
    public void Invoice_round_trips() => RoundTrip(Generators.Invoice, Invoice.LlmInfo);

    [Fact]
    public void UserProfile_round_trips() => RoundTrip(Generators.UserProfile, UserProfile.LlmInfo);

    [Fact]
    public void Measurements_round_trip() => RoundTrip(Generators.Measurements, Measurements.LlmInfo);

    [Fact]
    public void TreeNode_round_trips() => RoundTrip(Generators.TreeNode, TreeNode.LlmInfo);

    [Fact]
    public void Drawing_round_trips() => RoundTrip(Generators.Drawing, Drawing.LlmInfo);

    [Fact]
    public void ContactCard_round_trips() => RoundTrip(Generators.ContactCard, ContactCard.LlmInfo, SnakeCase);

    [Fact]
    public void Meeting_round_trips() => RoundTrip(Generators.Meeting, Meeting.LlmInfo);

    [Fact]
    public void OrderUpdate_round_trips() => RoundTrip(Generators.OrderUpdate, OrderUpdate.LlmInfo);

    [Fact]
    public void ProductReview_round_trips() => RoundTrip(Generators.ProductReview, ProductReview.LlmInfo);

    [Fact]
    public void GeoPoint_round_trips() => RoundTrip(Generators.GeoPoint, GeoPoint.LlmInfo);

    [Fact]
    public void Every_registered_type_of_this_assembly_has_a_reader()
    {
        var mine = LlmOutputRegistry.All.Where(i => i.Type.Assembly == typeof(RoundTripPropertyTests).Assembly).ToList();
        Assert.True(mine.Count >= 10);
        foreach (LlmOutputInfo info in mine)
        {
            var hasReader = info.GetType().GetProperty("HasReader")!.GetValue(info);
            Assert.True((bool)hasReader!, info.SchemaName);
        }
    }
}
