using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Generators.Diagnostics;
using StructuredLlm.Generators.Emit;
using StructuredLlm.Generators.Helpers;
using StructuredLlm.Generators.Model;
using StructuredLlm.Generators.Parsing;

namespace StructuredLlm.Generators;

/// <summary>Emits schemas and readers for [LlmOutput] types. Initialize only wires the pipeline.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class StructuredLlmGenerator : IIncrementalGenerator
{
    internal const string LlmOutputAttributeName = "StructuredLlm.LlmOutputAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LlmOutputAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => TypeSpecParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        // Profile limits are checked here, not in the parse: this step reruns only when a parse result changed, while the
        // parse itself reruns for every target on every compilation change.
        IncrementalValuesProvider<CheckedResult> checkedResults = parsed
            .Select(static (result, ct) => ProfileLimits.Check(result, ct))
            .WithTrackingName(TrackingNames.ProfileLimits);

        // Collected and de-duplicated: a referenced type shared by several [LlmOutput] roots would otherwise report
        // its member's problem once per root, at the same place.
        IncrementalValueProvider<ImmutableArray<DiagnosticInfo>> diagnostics = checkedResults
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.DiagnosticItems)
            .Collect()
            .WithTrackingName(TrackingNames.Diagnostics);
        // Reported against the compilation's own syntax trees: a location built from a file path alone is outside every
        // tree, so #pragma warning and a per-file .editorconfig section could not apply to it. This step reruns on every
        // compilation change, but with nothing to report it returns at once, and it never adds a source.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider).WithTrackingName(TrackingNames.DiagnosticsReport), static (spc, input) =>
        {
            ImmutableArray<DiagnosticInfo> all = input.Left;
            if (all.IsEmpty)
            {
                return;
            }

            // A path shared by several trees (in-memory trees often have none) cannot name one: those keep the path-only
            // location rather than borrow another tree's lines and pragmas.
            var trees = new Dictionary<string, SyntaxTree?>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in input.Right.SyntaxTrees)
            {
                trees[tree.FilePath] = trees.ContainsKey(tree.FilePath) ? null : tree;
            }

            var seen = new HashSet<DiagnosticInfo>();
            foreach (DiagnosticInfo diagnostic in all)
            {
                if (seen.Add(diagnostic))
                {
                    SyntaxTree? tree = diagnostic.Location is { } location && trees.TryGetValue(location.FilePath, out SyntaxTree? found) ? found : null;
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
                }
            }
        });

        IncrementalValuesProvider<OutputSpec> models = checkedResults
            .SelectMany(static (result, _) => result.Spec is null ? ImmutableArray<OutputSpec>.Empty : ImmutableArray.Create(result.Spec))
            .WithTrackingName(TrackingNames.Models);

        IncrementalValueProvider<CompilationFeatures> features = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFeatures(
                compilation.AssemblyName ?? "Assembly",
                compilation.GetTypeByMetadataName("StructuredLlm.ILlmOutput`1") is not null
                    && compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 },
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null
                    && compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp9 },
                compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 }))
            .WithTrackingName(TrackingNames.Features);

        // Names only (not whole specs), so editing a member leaves these unchanged.
        IncrementalValueProvider<ImmutableArray<RegistryEntry>> entries = models
            .Select(static (spec, _) => new RegistryEntry(spec.TypeName, spec.IsAccessibleFromAssembly, spec.HintPrefix, spec.MetadataKey, spec.Root.GatedDiagnostics))
            .WithTrackingName(TrackingNames.RegistryEntries)
            .Collect()
            .WithTrackingName(TrackingNames.AllEntries);

        // Hint names are compared ignoring case: types whose names differ only in case (or a nested type spelled like
        // a namespace) get a hash suffix. Equal unless the set of output type names changes.
        IncrementalValueProvider<EquatableArray<string>> collisions = entries
            .Select(static (all, _) => InfoEmitter.CollidingPrefixes(all))
            .WithTrackingName(TrackingNames.HintCollisions);

        // Output types declared more than once (CS0101 in the user's code): equal unless that set changes.
        IncrementalValueProvider<EquatableArray<string>> duplicates = entries
            .Select(static (all, _) => InfoEmitter.DuplicateKeys(all))
            .WithTrackingName(TrackingNames.DuplicateKeys);

        context.RegisterSourceOutput(
            models.Combine(features).Combine(collisions.Combine(duplicates)).WithTrackingName(TrackingNames.ModelsWithFeatures),
            static (spc, input) =>
            {
                // Runs only when this type's spec (or the compilation features) changed: all text is built here.
                OutputSpec spec = input.Left.Left;
                if (System.Linq.Enumerable.Contains(input.Right.Right, spec.MetadataKey))
                {
                    return;
                }

                spc.AddSource(InfoEmitter.HintName(spec, input.Right.Left), InfoEmitter.EmitInfoText(spec, input.Left.Right, input.Right.Left));
                if (InfoEmitter.EmitsReader(spec, input.Left.Right))
                {
                    spc.AddSource(InfoEmitter.HintName(spec, input.Right.Left, "LlmReader"), ReaderEmitter.EmitText(spec, input.Left.Right));
                }
            });

        context.RegisterSourceOutput(entries.Combine(features).WithTrackingName(TrackingNames.Registry), static (spc, pair) =>
        {
            if (!pair.Left.IsDefaultOrEmpty)
            {
                spc.AddSource(InfoEmitter.RegistryHintName, InfoEmitter.EmitRegistry(pair.Left, pair.Right));
            }
        });
    }
}
