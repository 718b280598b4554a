namespace StructuredLlm;

/// <summary>How C# member names are turned into JSON property names.</summary>
public enum LlmNamingPolicy
{
    /// <summary><c>customerEmail</c> (the default).</summary>
    CamelCase = 0,
    /// <summary>The C# name unchanged.</summary>
    AsDeclared = 1,
    /// <summary><c>customer_email</c>.</summary>
    SnakeCaseLower = 2,
    /// <summary><c>CUSTOMER_EMAIL</c>.</summary>
    SnakeCaseUpper = 3,
    /// <summary><c>customer-email</c>.</summary>
    KebabCaseLower = 4,
    /// <summary><c>CUSTOMER-EMAIL</c>.</summary>
    KebabCaseUpper = 5,
    /// <summary><c>CustomerEmail</c>.</summary>
    PascalCase = 6,
}
