// Hand-written in the exact shape the reader emitter will generate for Sentiment.
#nullable enable
using global::System.Text.Json;

namespace StructuredLlm.Tests.Readers;

internal static class SentimentReader
{
    private const string ExpectedRoot = "a Sentiment object";
    private const string ExpectedLabel = "one of positive, negative, neutral, mixed";
    private const string ExpectedConfidence = "a number 0..1";
    private const string ExpectedSarcastic = "true or false";
    private const string ExpectedReviewId = "an integer or null";

    private static readonly global::StructuredLlm.Json.LlmMemberTable s_members = new("Sentiment",
        new global::StructuredLlm.Json.LlmMember("label", "sentiment"),
        new global::StructuredLlm.Json.LlmMember("confidence"),
        new global::StructuredLlm.Json.LlmMember("sarcastic"),
        new global::StructuredLlm.Json.LlmMember("reviewId"));

    private static readonly global::StructuredLlm.Json.LlmEnumTable<SentimentLabel> s_label = new(
        new[] { "positive", "negative", "neutral", "mixed" },
        new[] { SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Mixed },
        new[] { new global::System.Collections.Generic.KeyValuePair<string, int>("pos", 0), new global::System.Collections.Generic.KeyValuePair<string, int>("neg", 1) });

    public static global::StructuredLlm.Json.LlmResult<Sentiment> Parse(string text, global::StructuredLlm.Json.LlmParseOptions? options = null) =>
        global::StructuredLlm.Json.LlmParser.Parse<Sentiment>(text, Read, options, ExpectedRoot);

    public static bool Read(ref Utf8JsonReader reader, global::StructuredLlm.Json.LlmReadContext context,
        [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Sentiment value)
    {
        value = null;
        int errors = context.ErrorCount;
        if (!context.BeginObject(ref reader, 4, ExpectedRoot, out var state)) return false;

        SentimentLabel label = default;
        double confidence = default;
        bool sarcastic = default;
        long? reviewId = default;

        while (context.NextProperty(ref reader))
        {
            var key = context.PropertyName(ref reader);
            int member = key.Length switch
            {
                5 when global::System.MemoryExtensions.SequenceEqual(key, "label"u8) => 0,
                8 when global::System.MemoryExtensions.SequenceEqual(key, "reviewId"u8) => 3,
                9 when global::System.MemoryExtensions.SequenceEqual(key, "sarcastic"u8) => 2,
                10 when global::System.MemoryExtensions.SequenceEqual(key, "confidence"u8) => 1,
                _ => context.MatchMember(key, s_members),
            };
            switch (member)
            {
                case 0:
                    if (context.ClaimMember(ref reader, ref state, 0, "label"))
                    {
                        s_label.Read(ref reader, context, ExpectedLabel, out label);
                        context.EndMember();
                    }
                    break;
                case 1:
                    if (context.ClaimMember(ref reader, ref state, 1, "confidence"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.Double(ref reader, context, ExpectedConfidence, out confidence))
                            global::StructuredLlm.Json.LlmCheck.Range(context, confidence, 0.0, 1.0, ExpectedConfidence);
                        context.EndMember();
                    }
                    break;
                case 2:
                    if (context.ClaimMember(ref reader, ref state, 2, "sarcastic"))
                    {
                        global::StructuredLlm.Json.LlmRead.Boolean(ref reader, context, ExpectedSarcastic, out sarcastic);
                        context.EndMember();
                    }
                    break;
                case 3:
                    if (context.ClaimMember(ref reader, ref state, 3, "reviewId"))
                    {
                        if (global::StructuredLlm.Json.LlmRead.IsNullOrNoValue(ref reader, context)) reviewId = null;
                        else if (global::StructuredLlm.Json.LlmRead.Int64(ref reader, context, ExpectedReviewId, out var reviewIdValue)) reviewId = reviewIdValue;
                        context.EndMember();
                    }
                    break;
                default:
                    context.SkipUnknownMember(ref reader, key);
                    break;
            }
        }

        if (!context.HasMember(in state, 0)) context.ReportMissing("label", ExpectedLabel);
        if (!context.HasMember(in state, 1)) context.ReportMissing("confidence", ExpectedConfidence);
        if (!context.HasMember(in state, 2)) context.ReportMissing("sarcastic", ExpectedSarcastic);
        context.EndObject(ref state);
        if (context.ErrorCount != errors) return false;

        value = new Sentiment(label, confidence, sarcastic, reviewId);
        return true;
    }
}
