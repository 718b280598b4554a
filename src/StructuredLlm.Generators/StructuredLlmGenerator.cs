using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StructuredLlm.Generators.Emit;
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

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

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
                    && compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp9 }))
            .WithTrackingName(TrackingNames.Features);

        context.RegisterSourceOutput(
            models.Combine(features).WithTrackingName(TrackingNames.ModelsWithFeatures),
            static (spc, pair) =>
            {
                spc.AddSource(InfoEmitter.HintName(pair.Left.Spec), InfoEmitter.EmitInfo(pair.Left, pair.Right));
                if (ReaderEmitter.CanEmit(pair.Left.Spec))
                {
                    spc.AddSource(ReaderEmitter.HintName(pair.Left.Spec), ReaderEmitter.Emit(pair.Left.Spec));
                }
            });

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
