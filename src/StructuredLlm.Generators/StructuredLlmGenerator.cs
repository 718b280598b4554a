using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Generators.Emit;
using StructuredLlm.Generators.Model;
using StructuredLlm.Generators.Parsing;

namespace StructuredLlm.Generators;

/// <summary>Emits schemas (and later readers) for [LlmOutput] types. Initialize only wires the pipeline.</summary>
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

        // Collected and de-duplicated: a referenced type shared by several [LlmOutput] roots would otherwise report
        // its member's problem once per root, at the same place.
        IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<DiagnosticInfo>> diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .Collect()
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            var seen = new System.Collections.Generic.HashSet<DiagnosticInfo>();
            foreach (DiagnosticInfo diagnostic in all)
            {
                if (seen.Add(diagnostic))
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            }
        });

        IncrementalValuesProvider<OutputModel> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
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

        // Hint names are compared ignoring case: types whose names differ only in case (or a nested type spelled like
        // a namespace) get a hash suffix. Equal unless the set of output type names changes.
        IncrementalValueProvider<Helpers.EquatableArray<string>> collisions = models
            .Select(static (model, _) => model.Spec)
            .Collect()
            .Select(static (specs, _) => InfoEmitter.CollidingPrefixes(specs))
            .WithTrackingName(TrackingNames.HintCollisions);

        context.RegisterSourceOutput(
            models.Combine(features).Combine(collisions).WithTrackingName(TrackingNames.ModelsWithFeatures),
            static (spc, input) => spc.AddSource(InfoEmitter.HintName(input.Left.Left.Spec, input.Right), InfoEmitter.EmitInfo(input.Left.Left, input.Left.Right)));

        IncrementalValueProvider<(System.Collections.Immutable.ImmutableArray<RegistryEntry> Left, CompilationFeatures Right)> registry = models
            .Select(static (model, _) => new RegistryEntry(model.Spec.TypeName, model.Spec.IsAccessibleFromAssembly))
            .WithTrackingName(TrackingNames.RegistryEntries)
            .Collect()
            .Combine(features)
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (spc, pair) =>
        {
            if (!pair.Left.IsDefaultOrEmpty)
            {
                spc.AddSource(InfoEmitter.RegistryHintName, InfoEmitter.EmitRegistry(pair.Left.ToList(), pair.Right));
            }
        });
    }
}
