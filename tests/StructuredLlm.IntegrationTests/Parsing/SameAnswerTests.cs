using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using StructuredLlm.IntegrationTests.Types;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>
/// One answer written twice: the generated structural comparison (<c>LlmInfo.ValueEquals</c>) makes two valid candidates
/// that differ only in spelling one answer, while two that differ in any data the reader sets stay ambiguous.
/// </summary>
public class SameAnswerTests
{
    private const string Ticket = """{"category":"Billing","priority":3,"summary":"Charged twice","tags":["refund"],"customerEmail":"jane@example.com"}""";

    private static T Ok<T>(LlmResult<T> result)
    {
        Assert.True(result.Success, "refused: " + string.Join("; ", result.Errors));
        return result.Value!;
    }

    private static void Ambiguous<T>(LlmResult<T> result)
    {
        Assert.False(result.Success, "expected a refusal but got " + result.Value);
        Assert.Contains("several different valid JSON values", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"category":"Billing","priority":3,"summary":"Charged twice","tags":["refund"],"customer_email":"jane@example.com"}""")] // drifted key
    [InlineData("""{"category":"billing","priority":"3","summary":"Charged twice","tags":"refund","customerEmail":"jane@example.com"}""")] // coercions
    [InlineData("""{"ticket":{"category":"BILLING","priority":3.0,"summary":"Charged twice","tags":["refund"],"customerEmail":"jane@example.com"}}""")] // a wrapper
    [InlineData("""{'category': 'Billing', 'priority': 3, 'summary': 'Charged twice', 'tags': ['refund'], 'customerEmail': 'jane@example.com', 'confidence': 0.9,}""")] // repaired, an unknown member
    public void The_same_answer_restated_with_cosmetic_differences_is_one_answer(string restated)
    {
        var r = SupportTicket.LlmInfo.Parse("Here is the ticket:\n```json\n" + Ticket + "\n```\nTo restate it:\n```json\n" + restated + "\n```");
        SupportTicket t = Ok(r);
        Assert.Equal(Category.Billing, t.Category);
        Assert.Equal(3, t.Priority);
        Assert.Equal(["refund"], t.Tags);
        Assert.Equal("jane@example.com", t.CustomerEmail);
        // the first candidate is the one taken: it was clean, so only the fence is reported
        Assert.DoesNotContain(r.Repairs, x => x.Kind is LlmRepairKind.KeyNormalized or LlmRepairKind.EnumNormalized or LlmRepairKind.NumberFromString or LlmRepairKind.UnwrappedWrapperObject);
    }

    [Theory]
    [InlineData("""{"category":"Billing","priority":3,"summary":"Charged twice ","tags":["refund"],"customerEmail":"jane@example.com"}""")] // text differs by a space
    [InlineData("""{"category":"Billing","priority":3,"summary":"Charged twice","tags":["refund","duplicate"],"customerEmail":"jane@example.com"}""")]
    [InlineData("""{"category":"Billing","priority":3,"summary":"Charged twice","tags":["refund"]}""")] // an optional member left out
    [InlineData("""{"category":"Billing","priority":3,"summary":"Charged twice","tags":["refund"],"customerEmail":"JANE@example.com"}""")]
    [InlineData("""{"category":"Technical","priority":3,"summary":"Charged twice","tags":["refund"],"customerEmail":"jane@example.com"}""")]
    public void Two_answers_that_differ_in_any_data_stay_ambiguous(string other)
        => Ambiguous(SupportTicket.LlmInfo.Parse("```json\n" + Ticket + "\n```\n```json\n" + other + "\n```"));

    [Fact]
    public void Polymorphic_values_are_the_same_only_with_the_same_derived_type_and_data()
    {
        const string Circle = """{"title":"T","shapes":[{"kind":"circle","label":"a","radius":2}],"highlight":null}""";
        const string Cosmetic = """{"title":"T","shapes":[{"kind":"Circle","label":"a","radius":"2"}]}""";
        const string Rectangle = """{"title":"T","shapes":[{"kind":"rectangle","label":"a","width":2,"height":2}],"highlight":null}""";
        const string Bigger = """{"title":"T","shapes":[{"kind":"circle","label":"a","radius":2.5}],"highlight":null}""";

        Assert.Equal(2, Assert.IsType<Circle>(Assert.Single(Ok(Drawing.LlmInfo.Parse(Circle + "\n\n" + Cosmetic)).Shapes)).Radius);
        Ambiguous(Drawing.LlmInfo.Parse(Circle + "\n\n" + Rectangle));
        Ambiguous(Drawing.LlmInfo.Parse(Circle + "\n\n" + Bigger));
    }

    [Fact]
    public void A_date_time_written_with_another_kind_or_offset_is_different_data()
    {
        const string Meeting = """{"subject":"Sync","startsAt":"WHEN","duration":"PT30M","attendees":[],"agenda":[],"roomNumbers":[],"notes":[],"labels":[],"topics":[]}""";
        string At(string when) => Meeting.Replace("WHEN", when, StringComparison.Ordinal);

        Assert.Equal(DateTimeKind.Utc, Ok(Types.Meeting.LlmInfo.Parse(At("2024-05-01T10:00:00Z") + "\n" + At("2024-05-01T10:00:00.000Z"))).StartsAt.Kind);
        Ambiguous(Types.Meeting.LlmInfo.Parse(At("2024-05-01T10:00:00Z") + "\n" + At("2024-05-01T10:00:00")));
    }

    [Fact]
    public void ValueEquals_compares_every_member_the_reader_sets_structurally()
    {
        var a = new SupportTicket(Category.Billing, 3, "x", new List<string> { "a", "b" }, null);
        var b = new SupportTicket(Category.Billing, 3, "x", new[] { "a", "b" }, null);
        Assert.NotEqual(a, b); // the record's own Equals compares the lists by reference
        Assert.True(SupportTicket.LlmInfo.ValueEquals(a, b));
        Assert.False(SupportTicket.LlmInfo.ValueEquals(a, b with { Tags = ["b", "a"] }));
        Assert.False(SupportTicket.LlmInfo.ValueEquals(a, b with { CustomerEmail = "" }));
        Assert.False(SupportTicket.LlmInfo.ValueEquals(a, null));
        Assert.True(SupportTicket.LlmInfo.ValueEquals(null, null));

        // recursive
        var leaf = new TreeNode("leaf", [], null);
        var tree = new TreeNode("root", [leaf, new TreeNode("other", [], leaf)], null);
        var copy = new TreeNode("root", [new TreeNode("leaf", [], null), new TreeNode("other", [], new TreeNode("leaf", [], null))], null);
        Assert.True(TreeNode.LlmInfo.ValueEquals(tree, copy));
        Assert.False(TreeNode.LlmInfo.ValueEquals(tree, copy with { Children = [copy.Children[0], copy.Children[1] with { Summary = null }] }));

        // polymorphic: the same data under another derived type is not the same value
        Assert.True(Drawing.LlmInfo.ValueEquals(new Drawing("d", [new Circle("c", 1)], null), new Drawing("d", [new Circle("c", 1)], null)));
        Assert.False(Drawing.LlmInfo.ValueEquals(new Drawing("d", [new Circle("c", 1)], null), new Drawing("d", [new Rectangle("c", 1, 1)], null)));

        // collections of every kind, date-times with their kind, a default ImmutableArray only equal to another
        Meeting m = Ok(Meeting.LlmInfo.Parse("""{"subject":"S","startsAt":"2024-05-01T10:00:00Z","duration":"PT1H","reminderAt":"09:45","joinLink":"https://x.test/a","attendees":["a"],"agenda":["x"],"roomNumbers":[1],"notes":["n"],"labels":["l"],"topics":["t"]}"""));
        Meeting same = m with { Attendees = ["a"], Agenda = ["x"], RoomNumbers = [1], Notes = new[] { "n" }, Labels = ImmutableArray.Create("l"), Topics = ["t"], JoinLink = new Uri("https://x.test/a") };
        Assert.True(Meeting.LlmInfo.ValueEquals(m, same));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { StartsAt = DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Unspecified) }));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { ReminderAt = null }));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { Labels = default }));
        Assert.True(Meeting.LlmInfo.ValueEquals(m with { Labels = default }, same with { Labels = default }));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { RoomNumbers = [1, 2] }));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { Notes = Enumerable.Empty<string>() }));
        Assert.False(Meeting.LlmInfo.ValueEquals(m, same with { JoinLink = new Uri("https://x.test/A") }));
    }
}
