using System;
using System.Collections.Generic;
using System.Threading;
using StructuredLlm.Generators.Emit;
using StructuredLlm.Generators.Helpers;
using StructuredLlm.Generators.Model;

namespace StructuredLlm.Generators.Diagnostics;

/// <summary>The checked step's result: the spec to emit (null when nothing can be generated) and every diagnostic of the type.</summary>
internal sealed record CheckedResult(OutputSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Adds the profile-limit diagnostics (OpenAI sizes, Anthropic unions, dictionaries under strict profiles...) to a parse
/// result. It walks each profile's schema with a discarding writer, so no text is built, and it is a separate pipeline
/// step after the parse: Roslyn reruns it only when the parse result changed, not on every compilation change.
/// </summary>
internal static class ProfileLimits
{
    private const int ProfileCount = 4;

    public static CheckedResult Check(ParseResult parsed, CancellationToken ct)
    {
        OutputSpec? spec = parsed.Spec;
        if (spec is null)
        {
            return new CheckedResult(null, parsed.Diagnostics);
        }

        List<DiagnosticInfo>? diagnostics = null;
        try
        {
            foreach ((string definitionId, string memberName, string subject, string message) in FiniteValues.Check(spec))
            {
                var info = DiagnosticInfo.Create(DiagnosticDescriptors.NotConstructible, Find(parsed.MemberLocations, definitionId, memberName) ?? parsed.RootLocation, subject, message);
                diagnostics ??= new List<DiagnosticInfo>(parsed.Diagnostics);
                if (!diagnostics.Contains(info))
                {
                    diagnostics.Add(info);
                }
            }

            for (int i = 0; i < ProfileCount; i++)
            {
                ct.ThrowIfCancellationRequested();
                foreach (SchemaIssue issue in SchemaEmitter.Check(spec, (SchemaProfile)i))
                {
                    LocationInfo? location = issue.MemberName is null ? null : Find(parsed.MemberLocations, issue.DefinitionId, issue.MemberName);
                    var info = DiagnosticInfo.Create(issue.Descriptor, location ?? parsed.RootLocation, issue.Subject, issue.Message);
                    diagnostics ??= new List<DiagnosticInfo>(parsed.Diagnostics);
                    if (!diagnostics.Contains(info))
                    {
                        diagnostics.Add(info);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A generator must never throw: report the bug instead of crashing the user's build with CS8785.
            var all = new List<DiagnosticInfo>(parsed.Diagnostics)
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, parsed.RootLocation, spec.Name, ex.GetType().Name + ": " + ex.Message),
            };
            return new CheckedResult(null, all.ToEquatableArray());
        }

        return new CheckedResult(spec, diagnostics is null ? parsed.Diagnostics : diagnostics.ToEquatableArray());
    }

    private static LocationInfo? Find(EquatableArray<MemberLocation> locations, string? definitionId, string memberName)
    {
        foreach (MemberLocation location in locations)
        {
            if (location.MemberName == memberName && location.DefinitionId == definitionId)
            {
                return location.Location;
            }
        }

        return null;
    }
}
