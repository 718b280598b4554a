using System.Linq;
using System.Text;

namespace StructuredLlm.IntegrationTests;

/// <summary>The checker itself must catch each rule, or the tests that rely on it prove nothing.</summary>
public class OpenAIStrictCheckerTests
{
    private const string Valid = """
        {"type":"object","properties":{"a":{"type":"string"},"b":{"type":["integer","null"]},
         "c":{"type":"array","items":{"$ref":"#/$defs/Node"}}},
         "required":["a","b","c"],"additionalProperties":false,
         "$defs":{"Node":{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#/$defs/Node"}}},"required":["kids"],"additionalProperties":false}}}
        """;

    [Fact]
    public void Accepts_a_conforming_recursive_schema() =>
        Assert.Empty(OpenAIStrictChecker.Check("Good_name-1", Valid));

    [Theory]
    [InlineData("bad name")]
    [InlineData("")]
    [InlineData("a.b")]
    public void Rejects_a_bad_schema_name(string name) =>
        Assert.Contains(OpenAIStrictChecker.Check(name, Valid), e => e.StartsWith("name", System.StringComparison.Ordinal));

    [Fact]
    public void Rejects_a_name_longer_than_64() =>
        Assert.NotEmpty(OpenAIStrictChecker.Check(new string('a', 65), Valid));

    [Theory]
    [InlineData("""{"anyOf":[{"type":"object","properties":{},"required":[],"additionalProperties":false}]}""", "root")]
    [InlineData("""{"type":"string"}""", "root")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", "additionalProperties")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":true}""", "additionalProperties")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"object","properties":{},"required":[]}},"required":["a"],"additionalProperties":false}""", "additionalProperties")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}""", "'b' must be in required")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","default":"x"}},"required":["a"],"additionalProperties":false}""", "'default'")]
    [InlineData("""{"type":"object","properties":{"a":{"allOf":[{"type":"string"}]}},"required":["a"],"additionalProperties":false}""", "'allOf'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","not":{"const":"x"}}},"required":["a"],"additionalProperties":false}""", "'not'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","if":{},"then":{},"else":{}}},"required":["a"],"additionalProperties":false}""", "'if'")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/Missing"}},"required":["a"],"additionalProperties":false}""", "does not resolve")]
    [InlineData("""{"type":"object","properties":{"a":{}},"required":["a"],"additionalProperties":false}""", "needs a type")]
    public void Rejects_each_structural_rule(string schema, string expected) =>
        Assert.Contains(OpenAIStrictChecker.Check("n", schema), e => e.Contains(expected, System.StringComparison.Ordinal));

    [Fact]
    public void Rejects_more_than_10_levels_of_nesting_and_accepts_10()
    {
        static string Nested(int levels)
        {
            var schema = """{"type":"string"}""";
            for (var i = 0; i < levels; i++)
            {
                schema = $$"""{"type":"object","properties":{"p":{{schema}}},"required":["p"],"additionalProperties":false}""";
            }
            return schema;
        }
        Assert.Empty(OpenAIStrictChecker.Check("n", Nested(10)));
        Assert.Contains(OpenAIStrictChecker.Check("n", Nested(11)), e => e.Contains("levels of object nesting", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_more_than_1000_enum_values_in_total()
    {
        static string Values(char prefix, int count) => string.Join(',', Enumerable.Range(0, count).Select(i => $"\"{prefix}{i}\""));
        static string WithEnums(int perProperty) =>
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"enum\":[" + Values('a', perProperty)
            + "]},\"b\":{\"type\":\"string\",\"enum\":[" + Values('b', perProperty)
            + "]}},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}";
        Assert.Empty(OpenAIStrictChecker.Check("n", WithEnums(500)));
        Assert.Contains(OpenAIStrictChecker.Check("n", WithEnums(501)), e => e.Contains("enum values", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_more_than_5000_properties_and_120000_characters()
    {
        static string WithProperties(int count, int nameLength)
        {
            var builder = new StringBuilder("""{"type":"object","properties":{""");
            var names = Enumerable.Range(0, count).Select(i => i.ToString("D" + nameLength, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            builder.AppendJoin(',', names.Select(n => $"\"{n}\":{{\"type\":\"string\"}}"));
            builder.Append("""},"required":[""").AppendJoin(',', names.Select(n => $"\"{n}\"")).Append("""],"additionalProperties":false}""");
            return builder.ToString();
        }
        Assert.Empty(OpenAIStrictChecker.Check("n", WithProperties(5000, 4)));
        Assert.Contains(OpenAIStrictChecker.Check("n", WithProperties(5001, 4)), e => e.Contains("properties in total", System.StringComparison.Ordinal));
        // 4000 properties of 31 characters = 124,000 characters.
        Assert.Contains(OpenAIStrictChecker.Check("n", WithProperties(4000, 31)), e => e.Contains("characters", System.StringComparison.Ordinal));
    }
}
