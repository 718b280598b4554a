using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using StructuredLlm.IntegrationTests.Types;

namespace StructuredLlm.IntegrationTests;

/// <summary>CsCheck generators of valid instances: every value satisfies the type's declared constraints.</summary>
internal static class Generators
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Alnum = Lower + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static Gen<string> Text(int min, int max, string chars = Alnum + " .,-'") =>
        Gen.Char[chars].Array[min, max].Select(a => new string(a));

    public static Gen<string> Word => Text(1, 12, Alnum);

    public static Gen<string> Email =>
        from user in Text(1, 10, Lower + "0123456789")
        from domain in Text(1, 10, Lower)
        select $"{user}@{domain}.com";

    public static Gen<Uri> Link =>
        from host in Text(1, 10, Lower)
        from path in Text(0, 10, Lower)
        select new Uri($"https://{host}.example/{path}");

    public static Gen<SupportTicket> SupportTicket =>
        from category in Gen.Enum<Category>()
        from priority in Gen.Int[1, 5]
        from summary in Text(0, 80)
        from tags in Word.Array[0, 4]
        from email in Email.Null()
        select new SupportTicket(category, priority, summary, tags, email);

    public static Gen<Address> Address =>
        from street in Text(1, 30)
        from city in Text(1, 20)
        from postal in Text(3, 8, "0123456789").Null()
        from country in Text(2, 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        select new Address(street, city, postal, country);

    public static Gen<InvoiceLine> InvoiceLine =>
        from description in Text(1, 40)
        from quantity in Gen.Int[1, 10000]
        from price in Gen.Decimal[0m, 100000m]
        select new InvoiceLine(description, quantity, Math.Round(price, 2));

    public static Gen<Invoice> Invoice =>
        from number in Text(1, 12, Alnum + "-")
        from issued in Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31)]
        from paid in Gen.DateTime[new DateTime(2000, 1, 1), new DateTime(2030, 12, 31)].Select(d => new DateTimeOffset(d, TimeSpan.Zero)).Nullable()
        from customer in Gen.Guid
        from billing in Address
        from shipping in Address.Null()
        from lines in InvoiceLine.List[1, 4]
        from total in Gen.Decimal[0m, 1000000m]
        select new Invoice(number, issued, paid, customer, billing, shipping, lines, Math.Round(total, 2));

    public static Gen<UserProfile> UserProfile =>
        from username in Text(3, 20, Lower + "0123456789_")
        from email in Email
        from homepage in Link.Select(u => u.ToString()).Null()
        from bio in Text(0, 280)
        from age in Gen.Int[13, 120]
        from language in Gen.OneOf("en", "fr", "de")
        from interests in Word.Array[1, 3]
        from score in Gen.Double[0.0, 1.0]
        select new UserProfile(username, email, homepage, bio, age, language, interests, score);

    public static Gen<Measurements> Measurements =>
        from b in Gen.Byte
        from sb in Gen.SByte
        from s in Gen.Short
        from us in Gen.UShort
        from i in Gen.Int
        from ui in Gen.UInt
        from l in Gen.Long
        // NJsonSchema 11 throws (InvalidCastException) comparing integers above long.MaxValue with "minimum".
        from ul in Gen.Long[0, long.MaxValue].Select(v => (ulong)v)
        from f in Gen.Double[-1e6, 1e6]
        from d in Gen.Double[-1e12, 1e12]
        from m in Gen.Decimal[-1e9m, 1e9m]
        from flag in Gen.Bool
        from maybeInt in Gen.Int.Nullable()
        from maybeDouble in Gen.Double[-1e3, 1e3].Nullable()
        from maybeFlag in Gen.Bool.Nullable()
        select new Measurements(b, sb, s, us, i, ui, l, ul, (float)f, d, m, flag, maybeInt, maybeDouble, maybeFlag);

    public static Gen<TreeNode> TreeNode => Tree(3);

    private static Gen<TreeNode> Tree(int depth) =>
        depth == 0
            ? Text(1, 20).Select(title => new TreeNode(title, [], null))
            : from title in Text(1, 20)
              from children in Tree(depth - 1).Array[0, 2]
              from summary in Tree(depth - 1).Null()
              select new TreeNode(title, children, summary);

    public static Gen<Shape> Shape => Gen.OneOf<Shape>(
        from label in Word
        from radius in Gen.Double[0, 100]
        select (Shape)new Circle(label, radius),
        from label in Word
        from width in Gen.Double[0, 100]
        from height in Gen.Double[0, 100]
        select (Shape)new Rectangle(label, width, height));

    public static Gen<Drawing> Drawing =>
        from title in Text(1, 30)
        from shapes in Shape.Array[1, 4]
        from highlight in Shape.Null()
        select new Drawing(title, shapes, highlight);

    public static Gen<ContactCard> ContactCard =>
        from name in Text(1, 40)
        from channel in Gen.Enum<ContactChannel>()
        from phone in Text(5, 15, "0123456789+ ").Null()
        from note in Text(0, 20).Null()
        select new ContactCard { FullName = name, PreferredChannel = channel, PhoneNumber = phone, InternalNote = note };

    public static Gen<Meeting> Meeting =>
        from subject in Text(1, 40)
        from starts in Gen.DateTime[new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)]
        from minutes in Gen.Int[5, 600]
        from reminder in Gen.Int[0, 1439].Select(m => new TimeOnly(m / 60, m % 60)).Nullable()
        from link in Link.Null()
        from attendees in Email.Array[1, 5]
        from agenda in Text(1, 30).List[0, 4]
        from rooms in Gen.Int[1, 999].List[0, 3]
        from notes in Text(0, 30).Array[0, 3]
        from labels in Word.Array[0, 3]
        from topics in Word.HashSet[0, 3]
        select new Meeting(subject, DateTime.SpecifyKind(new DateTime(starts.Ticks - (starts.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc),
            TimeSpan.FromMinutes(minutes), reminder, link, attendees, agenda, rooms, notes, ImmutableArray.Create(labels), topics);

    public static Gen<OrderItem> OrderItem =>
        from letters in Text(3, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        from digits in Text(4, 4, "0123456789")
        from quantity in Gen.Int[1, 99]
        select new OrderItem($"{letters}-{digits}", quantity);

    public static Gen<OrderUpdate> OrderUpdate =>
        from id in Text(1, 12, Alnum)
        from status in Gen.Enum<OrderStatus>()
        from items in OrderItem.Array[1, 4]
        from carrier in Gen.OneOf("UPS", "DHL", "FedEx").Null()
        from previous in Gen.Enum<OrderStatus>().Nullable()
        select new OrderUpdate(id, status, items, carrier, previous);

    public static Gen<ReviewAspect> ReviewAspect =>
        from aspect in Text(1, 20)
        from sentiment in Gen.Enum<Sentiment>()
        from confidence in Gen.Double[0.0, 1.0]
        select new ReviewAspect(aspect, sentiment, confidence);

    public static Gen<ProductReview> ProductReview =>
        from stars in Gen.Int[1, 5]
        from overall in Gen.Enum<Sentiment>()
        from aspects in ReviewAspect.Array[1, 4]
        from sentences in Gen.Enum<Sentiment>().Array[0, 5]
        from reply in Text(0, 60).Null()
        select new ProductReview(stars, overall, aspects, sentences, reply);

    public static Gen<GeoPoint> GeoPoint =>
        from latitude in Gen.Double[-90.0, 90.0]
        from longitude in Gen.Double[-180.0, 180.0]
        from name in Text(1, 30).Null()
        select new GeoPoint(latitude, longitude, name);
}
