using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>How the writer feels.</summary>
public enum Sentiment
{
    /// <summary>Unhappy or critical.</summary>
    Negative,
    /// <summary>Factual, no opinion.</summary>
    Neutral,
    /// <summary>Happy or approving.</summary>
    Positive,
}

/// <summary>One aspect of the product the review talks about.</summary>
public sealed record ReviewAspect(string Aspect, Sentiment Sentiment, [property: Range(0.0, 1.0)] double Confidence);

/// <summary>A product review, analysed: enums inside lists and nested records.</summary>
[LlmOutput]
public partial record ProductReview(
    [property: Range(1, 5)] int Stars,
    Sentiment Overall,
    IReadOnlyList<ReviewAspect> Aspects,
    IReadOnlyList<Sentiment> SentenceSentiments,
    string? Reply);
