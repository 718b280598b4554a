namespace StructuredLlm.Tests;

public class AttributeTests
{
    [Fact]
    public void LlmOutputAttribute_defaults_to_camel_case()
    {
        Assert.Equal(LlmNamingPolicy.CamelCase, new LlmOutputAttribute().NamingPolicy);
    }
}
