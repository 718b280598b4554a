using System;
using System.Linq;
using StructuredLlm.IntegrationTests.Types;

namespace StructuredLlm.IntegrationTests;

public class AnthropicCheckerTests
{
    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"integer","minimum":1}}}""", "'minimum'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"number","exclusiveMaximum":1}}}""", "'exclusiveMaximum'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","maxLength":3}}}""", "'maxLength'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array","items":{"type":"string"},"minItems":2}}}""", "minItems 2")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array","items":{"$ref":"#"}}}}""", "recursive")]
    public void Rejects_each_rule(string schema, string expected) =>
        Assert.Contains(AnthropicChecker.Check(schema), e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Counts_union_typed_and_optional_properties()
    {
        static string Schema(int count) =>
            "{\"type\":\"object\",\"properties\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"p{i}\":{{\"type\":[\"string\",\"null\"]}}")) + "}}";
        Assert.Empty(AnthropicChecker.Check(Schema(16)));
        var errors = AnthropicChecker.Check(Schema(25));
        Assert.Contains(errors, e => e.Contains("union-typed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("optional", StringComparison.Ordinal));
        Assert.Empty(AnthropicChecker.Check("""{"type":"object","properties":{"a":{"type":"array","items":{"type":"string"},"minItems":1}},"required":["a"]}"""));
    }

    [Fact]
    public void Every_Anthropic_schema_follows_the_rules_except_the_recursive_type_the_generator_warned_about()
    {
        var failures = LlmOutputRegistry.All
            .Where(i => i.Type.Assembly == typeof(AnthropicCheckerTests).Assembly)
            .Select(i => (i.Type, errors: AnthropicChecker.Check(i.GetJsonSchema(LlmSchemaProfile.Anthropic))))
            .Where(r => r.errors.Count > 0)
            .ToArray();
        // TreeNode and the session 24 probe's CommentThread are recursive on purpose (SLLM0009 warned about both).
        Assert.Equal(new[] { typeof(Parsing.CommentThread), typeof(TreeNode) }, failures.Select(f => f.Type).OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.All(failures.SelectMany(f => f.errors), e => Assert.Contains("recursive schemas are not supported", e, StringComparison.Ordinal));
    }
}
