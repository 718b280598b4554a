using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace StructuredLlm.IntegrationTests;

/// <summary>
/// An independent check of the Anthropic rules from issue 2: no recursion, no numeric bounds, no string length
/// limits, <c>minItems</c> only 0 or 1, and at most 16 union-typed and 24 optional properties in total.
/// </summary>
public static class AnthropicChecker
{
    public const int MaxUnionProperties = 16;
    public const int MaxOptionalProperties = 24;

    private static readonly string[] Forbidden = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength"];

    public static IReadOnlyList<string> Check(string schemaText)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(schemaText);
        var root = document.RootElement;
        int unions = 0, optional = 0;
        Visit(root, "$", errors, ref unions, ref optional);
        if (root.TryGetProperty("$defs", out var defs))
        {
            foreach (var def in defs.EnumerateObject())
            {
                Visit(def.Value, "$.$defs." + def.Name, errors, ref unions, ref optional);
            }
        }
        if (unions > MaxUnionProperties)
        {
            errors.Add($"$: {unions} union-typed properties, more than {MaxUnionProperties}");
        }
        if (optional > MaxOptionalProperties)
        {
            errors.Add($"$: {optional} optional properties, more than {MaxOptionalProperties}");
        }
        return errors;
    }

    private static void Visit(JsonElement schema, string path, List<string> errors, ref int unions, ref int optional)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var keyword in Forbidden.Where(k => schema.TryGetProperty(k, out _)))
        {
            errors.Add($"{path}: '{keyword}' is not supported");
        }
        if (schema.TryGetProperty("minItems", out var minItems) && minItems.GetInt32() is not (0 or 1))
        {
            errors.Add($"{path}: minItems {minItems.GetInt32()} (only 0 or 1 are supported)");
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // Everything is inlined unless it is recursive, so any reference is recursion.
            errors.Add($"{path}: $ref '{reference.GetString()}' (recursive schemas are not supported)");
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
            foreach (var property in properties.EnumerateObject())
            {
                if (!required.Contains(property.Name))
                {
                    optional++;
                }
                var value = property.Value;
                if ((value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array) || value.TryGetProperty("anyOf", out _))
                {
                    unions++;
                }
                Visit(value, path + ".properties." + property.Name, errors, ref unions, ref optional);
            }
        }
        if (schema.TryGetProperty("items", out var items))
        {
            Visit(items, path + ".items", errors, ref unions, ref optional);
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var i = 0;
            foreach (var branch in anyOf.EnumerateArray())
            {
                Visit(branch, $"{path}.anyOf[{i++}]", errors, ref unions, ref optional);
            }
        }
        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            Visit(additional, path + ".additionalProperties", errors, ref unions, ref optional);
        }
    }
}
