namespace StructuredLlm;

/// <summary>
/// How <see cref="Prompt.Untrusted(string?, SpotlightMode)"/> marks untrusted text, after the three techniques of
/// "Defending Against Indirect Prompt Injection Attacks With Spotlighting" (Hines et al., arXiv 2403.14720).
/// </summary>
public enum SpotlightMode
{
    /// <summary>Delimiting: the text is placed between a begin and an end marker that carry a random boundary chosen per call.</summary>
    Delimit = 0,

    /// <summary>Datamarking: delimited as above, and every space and tab in the text is replaced by a marker character.</summary>
    Datamark = 1,

    /// <summary>Encoding: delimited as above, and the text is UTF-8 encoded as base64.</summary>
    Base64 = 2,
}
