using System.Text.Json;
using StructuredLlm.Generators.Parsing;

namespace StructuredLlm.Generators.Tests;

/// <summary>The generator names members as System.Text.Json's own policies would: the runtime's policies are the oracle.</summary>
public class NamingPolicyTests
{
    public static TheoryData<string> Names() => new()
    {
        "Name", "CustomerEmail", "URLValue", "XMLReader", "SHA512Hash", "ID", "Id", "iPhone", "Value_With_Underscore",
        "already_snake", "_Private", "__Double", "A", "ABC", "A1", "A1B", "Version2Beta", "IOStream", "Kebab-ish", "Naïve",
        "ÉtatCivil", "HTTPSProxy", "x", "value", "Trailing_", "Field1_2",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Separated_policies_match_System_Text_Json(string name)
    {
        Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(name), NamingPolicies.Apply(NamingPolicy.SnakeCaseLower, name));
        Assert.Equal(JsonNamingPolicy.SnakeCaseUpper.ConvertName(name), NamingPolicies.Apply(NamingPolicy.SnakeCaseUpper, name));
        Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(name), NamingPolicies.Apply(NamingPolicy.KebabCaseLower, name));
        Assert.Equal(JsonNamingPolicy.KebabCaseUpper.ConvertName(name), NamingPolicies.Apply(NamingPolicy.KebabCaseUpper, name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Camel_case_matches_System_Text_Json(string name)
        => Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), NamingPolicies.Apply(NamingPolicy.CamelCase, name));
}
