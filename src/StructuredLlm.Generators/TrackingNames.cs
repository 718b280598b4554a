namespace StructuredLlm.Generators;

/// <summary>Names of the tracked pipeline steps, asserted by the incremental tests.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string ProfileLimits = nameof(ProfileLimits);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string Features = nameof(Features);
    public const string ModelsWithFeatures = nameof(ModelsWithFeatures);
    public const string RegistryEntries = nameof(RegistryEntries);
    public const string Registry = nameof(Registry);
    public const string HintCollisions = nameof(HintCollisions);
    public const string DuplicateKeys = nameof(DuplicateKeys);
    public const string DiagnosticItems = nameof(DiagnosticItems);
    public const string AllEntries = nameof(AllEntries);

    /// <summary>
    /// The diagnostics joined with the compilation at report time, so each location is in the compilation's own syntax
    /// tree (which #pragma and per-file .editorconfig need). It reruns on every compilation change and adds no source, so
    /// it is not in <see cref="All"/> (whose steps hold no compilation and stay cached after an unrelated edit).
    /// </summary>
    public const string DiagnosticsReport = nameof(DiagnosticsReport);

    public static readonly string[] All = { Parse, ProfileLimits, Diagnostics, Models, Features, ModelsWithFeatures, RegistryEntries, Registry, HintCollisions, DuplicateKeys, DiagnosticItems, AllEntries };
}
