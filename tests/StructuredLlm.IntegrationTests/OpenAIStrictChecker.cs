using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StructuredLlm.IntegrationTests;

/// <summary>
/// An independent check of every OpenAI Structured Outputs (strict) rule from issue 2, written from the
/// provider's documented rules rather than from the generator's code:
/// the root is an object (never anyOf); every object has <c>additionalProperties: false</c> and lists every
/// property in <c>required</c>; no allOf, not, if/then/else or default (nor other keywords strict mode rejects);
/// at most 5000 properties, 10 levels of object nesting and 1000 enum values in total; at most 120,000 characters
/// across property names, definition names, enum values and const values; every $ref resolves inside the
/// document; the schema name matches <c>[a-zA-Z0-9_-]{1,64}</c>.
/// </summary>
public static partial class OpenAIStrictChecker
{
    public const int MaxProperties = 5000;
    public const int MaxNesting = 10;
    public const int MaxEnumValues = 1000;
    public const int MaxTotalStringLength = 120_000;

    private static readonly string[] ForbiddenKeywords =
    [
        "allOf", "not", "if", "then", "else", "default",
        // Also rejected by strict mode (documented as unsupported):
        "dependentRequired", "dependentSchemas", "patternProperties", "unevaluatedProperties",
        "unevaluatedItems", "propertyNames", "contains",
    ];

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex SchemaNamePattern();

    /// <summary>Every violation found, each as "path: rule"; empty when the schema is acceptable.</summary>
    public static IReadOnlyList<string> Check(string schemaName, string schemaText)
    {
        var errors = new List<string>();
        if (!SchemaNamePattern().IsMatch(schemaName))
        {
            errors.Add($"name '{schemaName}': must match [a-zA-Z0-9_-]{{1,64}}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaText);
        }
        catch (JsonException e)
        {
            errors.Add("$: not JSON: " + e.Message);
            return errors;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$: the schema must be a JSON object");
                return errors;
            }
            if (!IsObjectSchema(root) || root.TryGetProperty("anyOf", out _))
            {
                errors.Add("$: the root must be an object schema with properties, not anyOf");
            }

            var definitions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.TryGetProperty("$defs", out var defs))
            {
                if (defs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var def in defs.EnumerateObject())
                    {
                        definitions.Add("#/$defs/" + def.Name, def.Value);
                    }
                }
                else
                {
                    errors.Add("$.$defs: must be an object");
                }
            }

            var counts = new Counts();
            foreach (var definitionName in definitions.Keys)
            {
                counts.Strings += definitionName.Length - "#/$defs/".Length;
            }
            // Structural rules and totals: each schema node once (the root and every definition).
            Visit(root, "$", definitions, errors, counts);

            if (counts.Properties > MaxProperties)
            {
                errors.Add($"$: {counts.Properties} properties in total, more than {MaxProperties}");
            }
            if (counts.EnumValues > MaxEnumValues)
            {
                errors.Add($"$: {counts.EnumValues} enum values in total, more than {MaxEnumValues}");
            }
            if (counts.Strings > MaxTotalStringLength)
            {
                errors.Add($"$: {counts.Strings} characters of property names, definition names, enum and const values, more than {MaxTotalStringLength}");
            }

            // Nesting: object depth along every path, following $ref (a recursive reference is not re-entered).
            var depth = MaxDepth(root, definitions, new HashSet<string>(StringComparer.Ordinal));
            if (depth > MaxNesting)
            {
                errors.Add($"$: {depth} levels of object nesting, more than {MaxNesting}");
            }
        }
        return errors;
    }

    private sealed class Counts
    {
        public int Properties;
        public int EnumValues;
        public long Strings;
    }

    private static bool IsObjectSchema(JsonElement schema) =>
        schema.TryGetProperty("properties", out _) || HasType(schema, "object");

    private static bool HasType(JsonElement schema, string type)
    {
        if (!schema.TryGetProperty("type", out var t))
        {
            return false;
        }
        return t.ValueKind switch
        {
            JsonValueKind.String => t.GetString() == type,
            JsonValueKind.Array => t.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == type),
            _ => false,
        };
    }

    private static void Visit(JsonElement schema, string path, Dictionary<string, JsonElement> definitions, List<string> errors, Counts counts)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: a schema must be an object");
            return;
        }

        foreach (var keyword in ForbiddenKeywords)
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                errors.Add($"{path}: '{keyword}' is not allowed in strict mode");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString() ?? "";
            if (target != "#" && !definitions.ContainsKey(target))
            {
                errors.Add($"{path}: $ref '{target}' does not resolve to the root or a $defs entry");
            }
        }

        if (!schema.TryGetProperty("type", out _) && !schema.TryGetProperty("anyOf", out _)
            && !schema.TryGetProperty("$ref", out _) && !schema.TryGetProperty("enum", out _)
            && !schema.TryGetProperty("const", out _))
        {
            errors.Add($"{path}: every schema needs a type, anyOf, $ref, enum or const");
        }

        if (IsObjectSchema(schema))
        {
            if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            {
                errors.Add($"{path}: additionalProperties must be false");
            }

            var propertyNames = new List<string>();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    propertyNames.Add(property.Name);
                    counts.Properties++;
                    counts.Strings += property.Name.Length;
                    Visit(property.Value, $"{path}.properties.{property.Name}", definitions, errors, counts);
                }
            }

            var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var name in propertyNames.Where(n => !required.Contains(n)))
            {
                errors.Add($"{path}: property '{name}' must be in required (optional members are made nullable instead)");
            }
            foreach (var name in required.Where(n => !propertyNames.Contains(n)))
            {
                errors.Add($"{path}: required names '{name}', which is not a property");
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            foreach (var value in values.EnumerateArray())
            {
                counts.EnumValues++;
                if (value.ValueKind == JsonValueKind.String)
                {
                    counts.Strings += value.GetString()!.Length;
                }
            }
        }
        if (schema.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String)
        {
            counts.Strings += constant.GetString()!.Length;
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Visit(items, path + ".items", definitions, errors, counts);
        }
        if (schema.TryGetProperty("prefixItems", out var prefixItems))
        {
            var i = 0;
            foreach (var item in prefixItems.EnumerateArray())
            {
                Visit(item, $"{path}.prefixItems[{i++}]", definitions, errors, counts);
            }
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var i = 0;
            foreach (var branch in anyOf.EnumerateArray())
            {
                Visit(branch, $"{path}.anyOf[{i++}]", definitions, errors, counts);
            }
        }
        if (path == "$" && schema.TryGetProperty("$defs", out var defs) && defs.ValueKind == JsonValueKind.Object)
        {
            foreach (var def in defs.EnumerateObject())
            {
                Visit(def.Value, "$.$defs." + def.Name, definitions, errors, counts);
            }
        }
    }

    private static int MaxDepth(JsonElement schema, Dictionary<string, JsonElement> definitions, HashSet<string> onPath)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString() ?? "";
            if (target == "#" || !definitions.TryGetValue(target, out var definition) || !onPath.Add(target))
            {
                return 0;
            }
            var d = MaxDepth(definition, definitions, onPath);
            onPath.Remove(target);
            return d;
        }

        var deepest = 0;
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                deepest = Math.Max(deepest, MaxDepth(property.Value, definitions, onPath));
            }
        }
        if (schema.TryGetProperty("items", out var items))
        {
            deepest = Math.Max(deepest, MaxDepth(items, definitions, onPath));
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            foreach (var branch in anyOf.EnumerateArray())
            {
                deepest = Math.Max(deepest, MaxDepth(branch, definitions, onPath));
            }
        }
        return IsObjectSchema(schema) ? deepest + 1 : deepest;
    }
}
