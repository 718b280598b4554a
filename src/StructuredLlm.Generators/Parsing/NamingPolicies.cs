using System.Text;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Parsing;

/// <summary>Mirrors StructuredLlm.LlmNamingPolicy (runtime) with the same numeric values.</summary>
internal enum NamingPolicy
{
    CamelCase = 0,
    AsDeclared = 1,
    SnakeCaseLower = 2,
    SnakeCaseUpper = 3,
    KebabCaseLower = 4,
    KebabCaseUpper = 5,
    PascalCase = 6,
}

/// <summary>Turns C# member names into JSON names the way System.Text.Json's policies do.</summary>
internal static class NamingPolicies
{
    public static string Apply(NamingPolicy policy, string name) => policy switch
    {
        NamingPolicy.AsDeclared => name,
        NamingPolicy.SnakeCaseLower => Separated(name, '_', upper: false),
        NamingPolicy.SnakeCaseUpper => Separated(name, '_', upper: true),
        NamingPolicy.KebabCaseLower => Separated(name, '-', upper: false),
        NamingPolicy.KebabCaseUpper => Separated(name, '-', upper: true),
        NamingPolicy.PascalCase => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1),
        _ => CamelCase(name),
    };

    /// <summary><c>URLValue</c> → <c>urlValue</c>, <c>ID</c> → <c>id</c>, <c>Name</c> → <c>name</c>.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// <c>CustomerEmail</c> → <c>customer_email</c>, <c>URLValue</c> → <c>url_value</c>, <c>SHA512Hash</c> →
    /// <c>sha512_hash</c>, as System.Text.Json's separator policies do: a new word starts at an upper-case letter after a
    /// lower-case letter or digit, or at the last of a run of capitals followed by a lower-case letter; any other
    /// character (<c>_</c>, <c>-</c> included) is written as it is and starts afresh (<c>Value_With_Underscore</c> →
    /// <c>value_with_underscore</c> in kebab case too, <c>_Private</c> → <c>_private</c>).
    /// </summary>
    public static string Separated(string name, char separator, bool upper)
    {
        const int NotStarted = 0, Upper = 1, LowerOrDigit = 2, Space = 3;
        var sb = new StringBuilder(name.Length + 8);
        int state = NotStarted;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            switch (char.GetUnicodeCategory(c))
            {
                case System.Globalization.UnicodeCategory.UppercaseLetter:
                    if (state is LowerOrDigit or Space || (state == Upper && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        sb.Append(separator);
                    }

                    sb.Append(upper ? c : char.ToLowerInvariant(c));
                    state = Upper;
                    break;
                case System.Globalization.UnicodeCategory.LowercaseLetter:
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                    if (state == Space)
                    {
                        sb.Append(separator);
                    }

                    sb.Append(upper ? char.ToUpperInvariant(c) : c);
                    state = LowerOrDigit;
                    break;
                case System.Globalization.UnicodeCategory.SpaceSeparator:
                    if (state != NotStarted)
                    {
                        state = Space;
                    }

                    break;
                default:
                    sb.Append(c);
                    state = NotStarted;
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The key the reader matches on: lower case without separators (see issue 3's key matching).</summary>
    public static string MatchKey(string name)
    {
        bool unchanged = true;
        foreach (char c in name)
        {
            if (c is '_' or '-' or ' ' or '.' || char.ToLowerInvariant(c) != c)
            {
                unchanged = false;
                break;
            }
        }

        if (unchanged)
        {
            return name;
        }

        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c != '_' && c != '-' && c != ' ' && c != '.')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
