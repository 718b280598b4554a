using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using StructuredLlm.Json;

namespace StructuredLlm.IntegrationTests.Parsing;

/// <summary>
/// Session 24's held-out probe: fresh messy outputs, written the way models answer, for the shapes earlier probes used
/// little (polymorphism, dictionaries, recursion, deep nesting, dates and identifiers, renamed enums, constraints, strict
/// types). Each expectation was written from the contract (docs/repair.md) before the case was run: the value (as clean
/// JSON, read strictly and compared with the generated <c>ValueEquals</c>) or a refusal with its error, and the exact set
/// of repair kinds reported. Every case is also read from UTF-8 bytes and from a two-segment sequence split at every
/// position (and one byte per segment): the results must be identical.
/// </summary>
public class ReaderProbe24Tests
{
    /// <param name="Expected">The value as clean camelCase JSON, or null when the only right answer is a refusal.</param>
    /// <param name="Repairs">The distinct repair kinds reported, comma-separated ("" for none).</param>
    /// <param name="Error">For a refusal: the start of each error message, separated by " | " (all errors listed).</param>
    /// <param name="Options">null (the type's own), "strict", "default", or a comma-separated allowed list.</param>
    public sealed record Case(string Id, string Type, string Input, string? Expected, string Repairs = "", string? Error = null, string? Options = null);

    private const string Pay = """{"orderId":"A-100","payments":[{"method":"card","amount":20.00,"last4":"4242","brand":"Visa"},{"method":"bank_transfer","amount":5.5,"iban":"DE89370400440532013000","reference":null}],"refund":null}""";
    private const string PayCard = """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""";
    private const string Inv = """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":null,"synonyms":null}""";
    private const string Thread = """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[{"author":"cy","text":"Same","replies":[],"likes":1}],"likes":2}],"likes":10}""";
    private const string Event = """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"capacity":200},"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""";
    private const string Hotel = """{"bookingId":"3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b","checkIn":"2025-07-14","checkOut":"2025-07-18","arrivalTime":"15:30","stay":"4.00:00:00","bookedAt":"2025-06-01T09:12:00+02:00","confirmationUrl":"https://hotel.example/c/123","guests":2,"breakfast":true,"roomTypes":["double"],"amenities":["wifi","pool"],"floors":[3,4]}""";
    private const string Incident = """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""";
    private const string Quote = """{"quoteId":"Q-00042","unitPrice":12.50,"discountPercent":10,"currency":"EUR","shipping":"express","notes":["net 30"]}""";
    private const string Approval = """{"approved":true,"confidence":80,"conditions":{"budget":"under 5k"}}""";

    public static readonly Case[] Cases =
    {
        // ------------------------------------------------------------ polymorphism (Checkout)
        new("poly-01 fenced gpt-4o", "Checkout", "```json\n" + Pay + "\n```", Pay, "MarkdownFence"),
        new("poly-02 discriminator last, prose before (claude)", "Checkout",
            "Here's the checkout data:\n\n{\n  \"orderId\": \"A-100\",\n  \"payments\": [\n    {\"amount\": 20, \"last4\": \"4242\", \"brand\": \"Visa\", \"method\": \"card\"}\n  ],\n  \"refund\": null\n}",
            PayCard, "SurroundingText"),
        new("poly-03 discriminator value in another case", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"Card","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "EnumNormalized"),
        new("poly-04 discriminator key in another case", "Checkout",
            """{"orderId":"A-100","payments":[{"Method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "KeyNormalized"),
        new("poly-05 discriminator missing, one type fits", "Checkout",
            """{"orderId":"A-100","payments":[{"amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "DiscriminatorInferred"),
        new("poly-06 discriminator missing, every type fits", "Checkout",
            """{"orderId":"A-100","payments":[{"amount":12.5}],"refund":null}""", null, "",
            "$.payments[0].method: expected one of card, bank_transfer, gift-card, found nothing (the member is missing)"),
        new("poly-07 discriminator with a space for the underscore", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"bank transfer","amount":5.5,"iban":"DE89370400440532013000","reference":null}],"refund":null}""",
            """{"orderId":"A-100","payments":[{"method":"bank_transfer","amount":5.5,"iban":"DE89370400440532013000","reference":null}],"refund":null}""", "EnumNormalized"),
        new("poly-08 discriminator without its hyphen", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"giftcard","amount":5,"code":"GC-1"}],"refund":null}""",
            """{"orderId":"A-100","payments":[{"method":"gift-card","amount":5,"code":"GC-1"}],"refund":null}""", "EnumNormalized"),
        new("poly-09 discriminator naming no type", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"paypal","amount":5}],"refund":null}""", null, "",
            "$.payments[0].method: expected one of card, bank_transfer, gift-card, found \"paypal\""),
        new("poly-10 discriminator under a drifted key", "Checkout",
            """{"orderId":"A-100","payments":[{"type":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "DiscriminatorInferred"),
        new("poly-11 discriminator as the C# type name", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"CardPayment","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "EnumNormalized"),
        new("poly-12 derived member fails its pattern", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"42424","brand":"Visa"}],"refund":null}""", null, "",
            "$.payments[0].last4: expected a string matching ^[0-9]{4}$, found \"42424\""),
        new("poly-13 derived member as a number", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":4242,"brand":"Visa"}],"refund":null}""", PayCard, "StringFromNumber"),
        new("poly-14 cut inside the second payment", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"},{"method":"bank_transfer","amount":5.5,"iban":"DE8937""", null, "TruncatedString,MissingClosingBracket,TruncatedArray",
            "$.payments: expected a complete value"),
        new("poly-15 discriminator written twice, same value", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa","method":"card"}],"refund":null}""", PayCard, "DuplicateKey"),
        new("poly-16 amount as a string", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":"20.00","last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "NumberFromString"),
        new("poly-17 one payment object for the list", "Checkout",
            """{"orderId":"A-100","payments":{"method":"card","amount":20,"last4":"4242","brand":"Visa"},"refund":null}""", PayCard, "ScalarToList"),
        new("poly-18 refund with no discriminator, one type fits", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":{"amount":5,"code":"GC-1"}}""",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":{"method":"gift-card","amount":5,"code":"GC-1"}}""", "DiscriminatorInferred"),
        new("poly-19 discriminator twice, different values", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa","Method":"gift-card"}],"refund":null}""", null, "",
            "$.payments[0].method: expected one value, found two different values"),
        new("poly-20 refund as the word none", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":"none"}""", null, "",
            "$.refund: expected"),

        // ------------------------------------------------------------ dictionaries (InventorySnapshot)
        new("dict-01 keys are data, never renamed", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"Sku_1":1,"sku-1":2,"SKU 1":3,"customerEmail":4,"warehouse":5},"prices":null,"levels":null,"synonyms":null}""",
            """{"warehouse":"BER-1","counts":{"Sku_1":1,"sku-1":2,"SKU 1":3,"customerEmail":4,"warehouse":5},"prices":null,"levels":null,"synonyms":null}"""),
        new("dict-02 drifted member keys around a dictionary", "InventorySnapshot",
            """{"Warehouse":"BER-1","COUNTS":{"SKU-1":10,"sku_2":3}}""", Inv, "KeyNormalized"),
        new("dict-03 values needing lossless coercion", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":"10","sku_2":3.0}}""", Inv, "NumberFromString,IntegerFromFloat"),
        new("dict-04 a lossy value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":2.5}}""", null, "", "$.counts"),
        new("dict-05 a key twice with the same value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3,"SKU-1":10}}""", Inv, "DuplicateKey"),
        new("dict-06 a key twice with different values", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"SKU-1":12}}""", null, "", "$.counts"),
        new("dict-07 comments and trailing commas (llama)", "InventorySnapshot",
            "{\n  \"warehouse\": \"BER-1\", // Berlin\n  \"counts\": {\n    \"SKU-1\": 10,\n    \"sku_2\": 3, // low\n  },\n}", Inv, "Comment,TrailingComma"),
        new("dict-08 cut inside the dictionary", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3""", null, "TruncatedNumber,MissingClosingBracket", "$.counts"),
        new("dict-09 cut after an entry's comma", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3,""", null, "TrailingComma,MissingClosingBracket", "$.counts"),
        new("dict-10 record values with drifted member keys", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"levels":{"SKU-1":{"on_hand":10,"Reserved":2},"on_hand":{"OnHand":1,"reserved":null}}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":{"SKU-1":{"onHand":10,"reserved":2},"on_hand":{"onHand":1,"reserved":null}},"synonyms":null}""", "KeyNormalized"),
        new("dict-11 a single string for a list value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"synonyms":{"SKU-1":"mug"}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":null,"synonyms":{"SKU-1":["mug"]}}""", "ScalarToList"),
        new("dict-12 a string listing several items for a list value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"synonyms":{"SKU-1":"mug, cup"}}""", null, "", "$.synonyms"),
        new("dict-13 keys equal after normalising are two keys", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"sku_1":1,"SKU_1":1,"sku-1":2}}""",
            """{"warehouse":"BER-1","counts":{"sku_1":1,"SKU_1":1,"sku-1":2},"prices":null,"levels":null,"synonyms":null}"""),
        new("dict-14 empty and numeric keys", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"":1,"42":2}}""",
            """{"warehouse":"BER-1","counts":{"":1,"42":2},"prices":null,"levels":null,"synonyms":null}"""),
        new("dict-15 null for a value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":null}}""", null, "", "$.counts"),
        new("dict-16 an array of key/value pairs", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":[{"key":"SKU-1","value":10}]}""", null, "", "$.counts: expected an object mapping names to values"),
        new("dict-17 the dictionary encoded as a string", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":"{\"SKU-1\": 10, \"sku_2\": 3}"}""", Inv, "DoubleEncoded"),
        new("dict-18 a price with its currency sign", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":{"SKU-1":"$9.99"}}""", null, "", "$.prices"),
        new("dict-19 a python dict repr (small local model)", "InventorySnapshot",
            "{'warehouse': 'BER-1', 'counts': {'SKU-1': 10, 'sku_2': 3}, 'prices': None, 'levels': None, 'synonyms': None}", Inv, "SingleQuotes,PythonLiteral"),
        new("dict-20 a key spelled with non-ASCII text and a zero-width space", "InventorySnapshot",
            "{\"warehouse\":\"BER-1\",\"counts\":{\"Café crème\":2,\"SKU\u200B1\":1}}",
            "{\"warehouse\":\"BER-1\",\"counts\":{\"Café crème\":2,\"SKU\u200B1\":1},\"prices\":null,\"levels\":null,\"synonyms\":null}"),
        new("dict-22 a key twice with the same list", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"synonyms":{"SKU-1":["mug","cup"],"SKU-1":["mug","cup"]}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":null,"synonyms":{"SKU-1":["mug","cup"]}}""", "DuplicateKey"),
        new("dict-23 a key twice, once as a string and once as a number", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":"10","SKU-1":10}}""", null, "", "$.counts.SKU-1: expected one value, found two different values for this key"),
        new("dict-24 a key twice with the same record, its members reordered", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"levels":{"A":{"onHand":1,"reserved":null},"A":{"reserved":null,"onHand":1}}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":{"A":{"onHand":1,"reserved":null}},"synonyms":null}""", "DuplicateKey"),
        new("dict-25 the dictionary encoded as a string under strict options", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":"{\"SKU-1\": 10}"}""", null, "", "$.counts: expected an object mapping names to values, found a string holding a JSON object", "strict"),
        new("dict-21 a key with a cut value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10},"levels":{"SKU-1":{"onHand":""", null, "MissingValue,MissingClosingBracket", "$.levels"),

        // ------------------------------------------------------------ recursion (CommentThread)
        new("rec-01 drifted keys three levels down", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"Author":"bo","text":"Agreed","replies":[{"author":"cy","TEXT":"Same","Replies":[],"Likes":1}],"likes":2}],"likes":10}""", Thread, "KeyNormalized"),
        new("rec-02 cut inside a string three levels down", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[{"author":"cy","text":"Sa""", null,
            "TruncatedString,MissingClosingBracket,TruncatedArray", "$.replies: expected a complete value"),
        new("rec-03 cut after a complete reply", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[],"likes":2}""", null,
            "MissingClosingBracket,TruncatedArray", "$.replies: expected a complete value"),
        new("rec-04 cut after the last complete member", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[],""",
            """{"author":"ana","text":"Great post","replies":[],"likes":null}""", "TrailingComma,MissingClosingBracket"),
        new("rec-05 null for the required replies", "CommentThread",
            """{"author":"ana","text":"Great post","replies":null,"likes":10}""", null, "", "$.replies: expected"),
        new("rec-06 replies missing in a nested comment", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed"}],"likes":10}""", null, "",
            "$.replies[0].replies: expected"),
        new("rec-07 one reply object for the list", "CommentThread",
            """{"author":"ana","text":"Great post","replies":{"author":"bo","text":"Agreed","replies":[{"author":"cy","text":"Same","replies":[],"likes":1}],"likes":2},"likes":10}""", Thread, "ScalarToList"),
        new("rec-08 likes as strings", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[{"author":"cy","text":"Same","replies":[],"likes":"1"}],"likes":"2"}],"likes":""}""",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[{"author":"cy","text":"Same","replies":[],"likes":1}],"likes":2}],"likes":null}""",
            "NumberFromString,NullFromString"),
        new("rec-09 a reply written as a markdown quote inside text is data", "CommentThread",
            """{"author":"ana","text":"> {\"author\": \"x\"}\nGreat post","replies":[],"likes":null}""",
            """{"author":"ana","text":"> {\"author\": \"x\"}\nGreat post","replies":[],"likes":null}"""),
        new("rec-10 an ellipsis for more replies", "CommentThread",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[],"likes":2}, ...],"likes":10}""", null, "Ellipsis,TrailingComma",
            "$.replies: expected a complete value"),

        // ------------------------------------------------------------ nesting (EventListing)
        new("nest-01 case drift at every level", "EventListing",
            """{"Title":"Jazz Night","venue":{"venue_name":"Blue Note","Address":{"street":"131 W 3rd St","city":"New York","postal_code":"10012","Coordinates":{"LATITUDE":40.7306,"Longitude":-74.0006}},"capacity":200},"performers":[{"Name":"Ana","ROLE":"piano"}],"sponsors":null}""",
            Event, "KeyNormalized"),
        new("nest-02 prefixed keys at two levels", "EventListing",
            """{"event_title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","address_city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"venue_capacity":200},"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""",
            Event, "KeyPartialMatch"),
        new("nest-03 cut in the deepest number", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.00""", null,
            "TruncatedNumber,MissingClosingBracket", "$.venue: expected a complete value | $.performers: expected an array, found nothing"),
        new("nest-04 a required member missing three levels down", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"longitude":-74.0006}},"capacity":200},"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""", null, "",
            "$.venue.address.coordinates.latitude: expected a number -90..90, found nothing (the member is missing)"),
        new("nest-05 a range three levels down", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":140.7306,"longitude":-74.0006}},"capacity":200},"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""", null, "",
            "$.venue.address.coordinates.latitude: expected a number -90..90, found 140.7306"),
        new("nest-06 coordinates as one text", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":"40.7306, -74.0006"},"capacity":200},"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""", null, "",
            "$.venue.address.coordinates: expected"),
        new("nest-07 a name string where a list of records is expected", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"capacity":200},"performers":"Ana","sponsors":null}""", null, "",
            "$.performers"),
        new("nest-08 one record where a list is expected", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"capacity":200},"performers":{"name":"Ana","role":"piano"},"sponsors":null}""",
            Event, "ScalarToList"),
        new("nest-09 performers keyed by name", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"capacity":200},"performers":{"Ana":{"role":"piano"}},"sponsors":null}""", null, "",
            "$.performers"),
        new("nest-10 an empty string for the optional list", "EventListing",
            Event.Replace("\"sponsors\":null", "\"sponsors\":\"\"", StringComparison.Ordinal), Event, "NullFromString"),
        new("nest-11 the deepest object encoded as a string", "EventListing",
            Event.Replace("{\"latitude\":40.7306,\"longitude\":-74.0006}", "\"{\\\"latitude\\\": 40.7306, \\\"longitude\\\": -74.0006}\"", StringComparison.Ordinal), Event, "DoubleEncoded"),
        new("nest-12 wrapped in the type's name", "EventListing", "{\"event\": " + Event + "}", Event, "UnwrappedWrapperObject"),
        new("nest-13 unquoted keys and single quotes (small model)", "EventListing",
            "{title: 'Jazz Night', venue: {venueName: 'Blue Note', address: {street: '131 W 3rd St', city: 'New York', postalCode: '10012', coordinates: {latitude: 40.7306, longitude: -74.0006}}, capacity: 200}, performers: [{name: 'Ana', role: 'piano'}], sponsors: null}",
            Event, "UnquotedKey,SingleQuotes"),
        new("nest-14 a postal code with a leading zero written as a number", "EventListing",
            Event.Replace("\"postalCode\":\"10012\"", "\"postalCode\":02134", StringComparison.Ordinal),
            Event.Replace("\"postalCode\":\"10012\"", "\"postalCode\":\"02134\"", StringComparison.Ordinal), "LeadingZeros"),
        new("nest-15 a capacity with its unit", "EventListing",
            Event.Replace("\"capacity\":200", "\"capacity\":\"200 people\"", StringComparison.Ordinal), null, "", "$.venue.capacity: expected"),
        new("nest-16 the list of records cut after a complete element", "EventListing",
            """{"title":"Jazz Night","venue":{"venueName":"Blue Note","address":{"street":"131 W 3rd St","city":"New York","postalCode":"10012","coordinates":{"latitude":40.7306,"longitude":-74.0006}},"capacity":200},"performers":[{"name":"Ana","role":"piano"},""", null,
            "TrailingComma,MissingClosingBracket,TruncatedArray", "$.performers"),

        // ------------------------------------------------------------ dates, times, identifiers, collections (HotelBooking)
        new("time-01 fenced with a note after (gemini)", "HotelBooking", "```json\n" + Hotel + "\n```\n\n**Note:** the stay is 4 nights.", Hotel, "MarkdownFence"),
        new("time-02 the spellings models use", "HotelBooking",
            """{"bookingId":"{3F2B8C1E-4A5D-4E6F-9A7B-1C2D3E4F5A6B}","checkIn":"July 14, 2025","checkOut":"2025-07-18","arrivalTime":"3:30 PM","stay":"4 days","bookedAt":"2025-06-01 09:12:00+0200","confirmationUrl":"https://hotel.example/c/123","guests":2,"breakfast":true,"roomTypes":["double"],"amenities":["wifi","pool"],"floors":[3,4]}""",
            Hotel, "FormatNormalized"),
        new("time-03 an ISO 8601 duration", "HotelBooking", Hotel.Replace("\"4.00:00:00\"", "\"P4D\"", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("time-04 an instant without its offset", "HotelBooking", Hotel.Replace("09:12:00+02:00", "09:12:00", StringComparison.Ordinal), null, "", "$.bookedAt: expected"),
        new("time-05 a slash date", "HotelBooking", Hotel.Replace("\"2025-07-14\"", "\"07/14/2025\"", StringComparison.Ordinal), null, "", "$.checkIn: expected"),
        new("time-06 empty and null strings for optional values", "HotelBooking",
            """{"bookingId":"3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b","checkIn":"2025-07-14","checkOut":"null","arrivalTime":"15:30","stay":"","bookedAt":"2025-06-01T09:12:00+02:00","confirmationUrl":null,"guests":"","breakfast":"NULL","roomTypes":["double"],"amenities":["wifi","pool"],"floors":[3,4]}""",
            """{"bookingId":"3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b","checkIn":"2025-07-14","checkOut":null,"arrivalTime":"15:30","stay":null,"bookedAt":"2025-06-01T09:12:00+02:00","confirmationUrl":null,"guests":null,"breakfast":null,"roomTypes":["double"],"amenities":["wifi","pool"],"floors":[3,4]}""",
            "NullFromString"),
        new("time-07 N/A for an optional number", "HotelBooking", Hotel.Replace("\"guests\":2", "\"guests\":\"N/A\"", StringComparison.Ordinal), null, "", "$.guests: expected"),
        new("time-08 a relative link", "HotelBooking", Hotel.Replace("https://hotel.example/c/123", "/c/123", StringComparison.Ordinal), null, "", "$.confirmationUrl: expected"),
        new("time-09 a link without its scheme", "HotelBooking", Hotel.Replace("https://hotel.example/c/123", "hotel.example/c/123", StringComparison.Ordinal), null, "", "$.confirmationUrl: expected"),
        new("time-10 a set with a repeated item", "HotelBooking", Hotel.Replace("[\"wifi\",\"pool\"]", "[\"wifi\",\"pool\",\"wifi\"]", StringComparison.Ordinal), null, "",
            "$.amenities: expected an array of unique items, found an array with a repeated item"),
        new("time-11 single values for an immutable array and an int array", "HotelBooking",
            Hotel.Replace("[\"double\"]", "\"double\"", StringComparison.Ordinal).Replace("[3,4]", "\"3\"", StringComparison.Ordinal),
            Hotel.Replace("[3,4]", "[3]", StringComparison.Ordinal), "ScalarToList,NumberFromString"),
        new("time-12 a range of floors as text", "HotelBooking", Hotel.Replace("[3,4]", "\"3-4\"", StringComparison.Ordinal), null, "", "$.floors[0]: expected an integer, found \"3-4\""),
        new("time-13 midnight for a date and seconds for a time", "HotelBooking",
            Hotel.Replace("\"2025-07-14\"", "\"2025-07-14T00:00:00Z\"", StringComparison.Ordinal).Replace("\"15:30\"", "\"15:30:00\"", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("time-14 a date with a time of day", "HotelBooking", Hotel.Replace("\"2025-07-14\"", "\"2025-07-14T15:00:00\"", StringComparison.Ordinal), null, "", "$.checkIn: expected"),
        new("time-15 lower-case t and z", "HotelBooking", Hotel.Replace("2025-06-01T09:12:00+02:00", "2025-06-01t07:12:00z", StringComparison.Ordinal),
            Hotel.Replace("2025-06-01T09:12:00+02:00", "2025-06-01T07:12:00Z", StringComparison.Ordinal), "FormatNormalized"),
        new("time-16 a GUID as 32 digits", "HotelBooking", Hotel.Replace("3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b", "3f2b8c1e4a5d4e6f9a7b1c2d3e4f5a6b", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("time-17 a GUID cut short", "HotelBooking", Hotel.Replace("3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b", "3f2b8c1e-4a5d-4e6f-9a7b", StringComparison.Ordinal), null, "", "$.bookingId: expected"),
        new("time-18 a month for a duration", "HotelBooking", Hotel.Replace("\"4.00:00:00\"", "\"1 month\"", StringComparison.Ordinal), null, "", "$.stay: expected"),
        new("time-19 whole floats for int array items", "HotelBooking", Hotel.Replace("[3,4]", "[3.0, 4]", StringComparison.Ordinal), Hotel, "IntegerFromFloat"),
        new("time-20 yes for an optional bool", "HotelBooking", Hotel.Replace("\"breakfast\":true", "\"breakfast\":\"yes\"", StringComparison.Ordinal), null, "", "$.breakfast: expected"),
        new("time-22 a Windows path for a link", "HotelBooking", Hotel.Replace("https://hotel.example/c/123", "C:\\\\bookings\\\\123.pdf", StringComparison.Ordinal), null, "", "$.confirmationUrl: expected an absolute URI or null, found \"C:\\\\bookings"),
        new("time-23 a network path for a link", "HotelBooking", Hotel.Replace("https://hotel.example/c/123", "\\\\\\\\hotel\\\\c\\\\123", StringComparison.Ordinal), null, "", "$.confirmationUrl: expected an absolute URI or null"),
        new("time-24 a file URI written with its scheme", "HotelBooking", Hotel.Replace("https://hotel.example/c/123", "file:///c/123", StringComparison.Ordinal),
            Hotel.Replace("https://hotel.example/c/123", "file:///c/123", StringComparison.Ordinal)),
        new("time-21 a time with a trailing Z", "HotelBooking", Hotel.Replace("\"15:30\"", "\"15:30Z\"", StringComparison.Ordinal), null, "", "$.arrivalTime: expected"),

        // ------------------------------------------------------------ enums (IncidentReport)
        new("enum-01 renamed values in another case", "IncidentReport",
            """{"title":"DB down","severity":"SEV-1","state":"inprogress","history":["open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-02 words with spaces and hyphens", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"In Progress","history":["Open","in-progress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-03 screaming snake and another separator", "IncidentReport",
            """{"title":"DB down","severity":"sev_1","state":"IN_PROGRESS","history":["OPEN","IN_PROGRESS"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-04 the C# name of a renamed member", "IncidentReport",
            """{"title":"DB down","severity":"Critical","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-05 a number for an enum", "IncidentReport",
            """{"title":"DB down","severity":1,"state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", null, "",
            "$.severity: expected one of sev-1, sev-2, sev-3, found 1"),
        new("enum-06 a space for the hyphen", "IncidentReport",
            """{"title":"DB down","severity":"Sev 1","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-07 a value naming no member", "IncidentReport",
            """{"title":"DB down","severity":"sev-0","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", null, "",
            "$.severity: expected one of sev-1, sev-2, sev-3, found \"sev-0\""),
        new("enum-08 a three-word value in lower case", "IncidentReport",
            """{"title":"DB down","severity":"sev-2","state":"waiting on customer","history":["Open"],"previousSeverity":"sev-1"}""",
            """{"title":"DB down","severity":"sev-2","state":"WaitingOnCustomer","history":["Open"],"previousSeverity":"sev-1"}""", "EnumNormalized"),
        new("enum-09 one value for the list", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":"Open","previousSeverity":null}""",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open"],"previousSeverity":null}""", "ScalarToList"),
        new("enum-10 a text listing two values for the list", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":"Open, InProgress","previousSeverity":null}""", null, "", "$.history: expected"),
        new("enum-11 an empty string for an optional enum", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open","InProgress"],"previousSeverity":""}""", Incident, "NullFromString"),
        new("enum-12 none for an optional enum", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open","InProgress"],"previousSeverity":"none"}""", null, "", "$.previousSeverity: expected"),
        new("enum-13 markdown emphasis around a value", "IncidentReport",
            """{"title":"DB down","severity":"**sev-1**","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-14 no separator at all", "IncidentReport",
            """{"title":"DB down","severity":"SEV1","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("enum-15 two names for one value", "IncidentReport",
            """{"title":"DB down","severity":"Major (sev-2)","state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", null, "", "$.severity: expected one of sev-1, sev-2, sev-3"),
        new("enum-16 the enum type's name before the value", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"IncidentState.InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),

        // ------------------------------------------------------------ constraints (PriceQuote)
        new("cons-01 fenced with a note after", "PriceQuote", "```json\n" + Quote + "\n```\nPrices exclude VAT.", Quote, "MarkdownFence"),
        new("cons-02 a decimal below its minimum", "PriceQuote", Quote.Replace("12.50", "0", StringComparison.Ordinal), null, "", "$.unitPrice: expected a number 0.01..9999.99, found 0"),
        new("cons-03 a decimal above its maximum", "PriceQuote", Quote.Replace("12.50", "10000", StringComparison.Ordinal), null, "", "$.unitPrice: expected a number 0.01..9999.99, found 10000"),
        new("cons-04 a decimal as a string", "PriceQuote", Quote.Replace("12.50", "\"12.50\"", StringComparison.Ordinal), Quote, "NumberFromString"),
        new("cons-05 a price with its currency sign", "PriceQuote", Quote.Replace("12.50", "\"€12.50\"", StringComparison.Ordinal), null, "",
            "$.unitPrice: expected a number 0.01..9999.99, found \"€12.50\""),
        new("cons-06 a percent sign", "PriceQuote", Quote.Replace("\"discountPercent\":10", "\"discountPercent\":\"10%\"", StringComparison.Ordinal), null, "", "$.discountPercent: expected a number 0..100"),
        new("cons-07 a double just above its maximum", "PriceQuote", Quote.Replace("\"discountPercent\":10", "\"discountPercent\":100.0001", StringComparison.Ordinal), null, "",
            "$.discountPercent: expected a number 0..100, found 100.0001"),
        new("cons-08 a string longer than its exact length", "PriceQuote", Quote.Replace("\"EUR\"", "\"EURO\"", StringComparison.Ordinal), null, "", "$.currency: expected"),
        new("cons-09 an id failing its pattern", "PriceQuote", Quote.Replace("Q-00042", "Q-42", StringComparison.Ordinal), null, "", "$.quoteId: expected a string matching ^Q-[0-9]{5}$, found \"Q-42\""),
        // Matched as an enum's names are (session 25): the one allowed value equal but for case, reported.
        new("cons-10 an allowed value in another case", "PriceQuote", Quote.Replace("\"express\"", "\"Express\"", StringComparison.Ordinal), Quote, "EnumNormalized"),
        new("cons-11 too many items", "PriceQuote", Quote.Replace("[\"net 30\"]", "[\"a\",\"b\",\"c\",\"d\",\"e\"]", StringComparison.Ordinal), null, "", "$.notes: expected"),
        new("cons-12 too few items", "PriceQuote", Quote.Replace("[\"net 30\"]", "[]", StringComparison.Ordinal), null, "", "$.notes: expected"),
        new("cons-13 two violations are both reported", "PriceQuote", Quote.Replace("12.50", "0", StringComparison.Ordinal).Replace("\"EUR\"", "\"EURO\"", StringComparison.Ordinal), null, "",
            "$.unitPrice: expected a number 0.01..9999.99, found 0 | $.currency: expected"),
        new("cons-14 more digits than a decimal holds", "PriceQuote", Quote.Replace("12.50", "12.500000000000000000000000000001", StringComparison.Ordinal), null, "", "$.unitPrice: expected"),
        new("cons-15 an exponent", "PriceQuote", Quote.Replace("12.50", "1.25e1", StringComparison.Ordinal), Quote),
        new("cons-16 a decimal comma", "PriceQuote", Quote.Replace("12.50", "12,50", StringComparison.Ordinal), null, "", "$: expected valid JSON, found text that does not parse (colon expected at position "),
        new("cons-17 one note as a string", "PriceQuote", Quote.Replace("[\"net 30\"]", "\"net 30\"", StringComparison.Ordinal), Quote, "ScalarToList"),

        // ------------------------------------------------------------ strict per type and per call
        new("strict-01 fence and trailing comma are allowed", "ApprovalDecision", "```json\n{\"approved\":true,\"confidence\":80,\"conditions\":{\"budget\":\"under 5k\"},}\n```", Approval, "MarkdownFence,TrailingComma"),
        new("strict-02 a key's case is allowed", "ApprovalDecision", """{"Approved":true,"Confidence":80,"conditions":{"budget":"under 5k"}}""", Approval, "KeyNormalized"),
        new("strict-03 single quotes are not allowed", "ApprovalDecision", "{'approved': true, 'confidence': 80, 'conditions': {'budget': 'under 5k'}}", null, "",
            "$: the output needs a repair that is not allowed (SingleQuotes: `'`)"),
        new("strict-04 a coercion is not allowed", "ApprovalDecision", """{"approved":true,"confidence":"80","conditions":{"budget":"under 5k"}}""", null, "",
            "$.confidence: expected an integer 0..100, found \"80\""),
        new("strict-05 prose is not allowed", "ApprovalDecision", "Decision: " + Approval, null, "", "$: the output needs a repair that is not allowed (SurroundingText: `Decision: {"),
        new("strict-06 a call's strict options refuse a trailing comma", "InventorySnapshot", """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3,}}""", null, "",
            "$.counts: the output needs a repair that is not allowed (TrailingComma: `", "strict"),
        new("strict-07 a call's allowed list admits comments", "InventorySnapshot", "{\"warehouse\":\"BER-1\", /* main */ \"counts\":{\"SKU-1\":10,\"sku_2\":3}}", Inv, "Comment", null, "Comment"),
        new("strict-08 default options override a strict type", "ApprovalDecision", "{'approved': true, 'confidence': 80, 'conditions': {'budget': 'under 5k'}}", Approval, "SingleQuotes", null, "default"),
        new("strict-09 dictionary keys are data, not drift", "ApprovalDecision", """{"approved":true,"confidence":80,"conditions":{"Budget":"under 5k"}}""",
            """{"approved":true,"confidence":80,"conditions":{"Budget":"under 5k"}}"""),
        new("strict-10 a prefixed key is not allowed", "ApprovalDecision", """{"approved":true,"approval_confidence":80}""", null, "",
            "$.confidence: expected an integer 0..100, found nothing (the member is missing)"),
        new("strict-11 a cut value under an allowed list", "ApprovalDecision", """{"approved":true,"confidence":80,"conditions":{"budget":"under""", null, "",
            "$.conditions.budget: the output needs a repair that is not allowed (TruncatedString: `"),

        // ------------------------------------------------------------ second batch (written before the first fixes were run)
        new("poly-21 a drifted discriminator key and value case", "Checkout",
            """{"orderId":"A-100","payments":[{"Type":"Card","amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", PayCard, "DiscriminatorInferred"),
        new("poly-22 null for the discriminator", "Checkout",
            """{"orderId":"A-100","payments":[{"method":null,"amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", null, "",
            "$.payments[0].method: expected one of card, bank_transfer, gift-card, found null"),
        new("poly-23 a derived member in capitals and an empty optional text", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"bank_transfer","amount":5.5,"IBAN":"DE89370400440532013000","reference":""}],"refund":null}""",
            """{"orderId":"A-100","payments":[{"method":"bank_transfer","amount":5.5,"iban":"DE89370400440532013000","reference":""}],"refund":null}""", "KeyNormalized"),
        new("poly-24 fenced, discriminator last, trailing comma and a comment", "Checkout",
            "```json\n{\"orderId\": \"A-100\", \"payments\": [{\"amount\": 20, \"last4\": \"4242\", \"brand\": \"Visa\", \"method\": \"card\",}], // one payment\n\"refund\": null}\n```",
            PayCard, "MarkdownFence,TrailingComma,Comment"),
        new("poly-25 no payments", "Checkout", """{"orderId":"A-100","payments":[],"refund":null}""", """{"orderId":"A-100","payments":[],"refund":null}"""),
        new("poly-26 the refund encoded as a string", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":"{\"method\":\"gift-card\",\"amount\":5,\"code\":\"GC-1\"}"}""",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa"}],"refund":{"method":"gift-card","amount":5,"code":"GC-1"}}""", "DoubleEncoded"),
        new("dict-27 an ellipsis for more entries", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10, ...}}""", null, "", "$.counts"),
        new("dict-28 cut inside a record value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10},"levels":{"SKU-1":{"onHand":10,"reserved":2},"SKU-2":{"onHand":4""", null, "", "$.levels"),
        new("dict-29 a key written twice, once escaped", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3,"\u0053KU-1":10}}""", Inv, "DuplicateKey"),
        new("dict-30 decimal values as a string and with an exponent", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":{"A":"9.99","B":1e1}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":{"A":9.99,"B":10},"levels":null,"synonyms":null}""", "NumberFromString"),
        new("dict-31 a list value encoded as a string", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"synonyms":{"SKU-1":"[\"mug\",\"cup\"]"}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":null,"synonyms":{"SKU-1":["mug","cup"]}}""", "DoubleEncoded"),
        new("dict-32 unquoted keys inside the dictionary (llama)", "InventorySnapshot",
            """{warehouse: "BER-1", counts: {SKU_1: 10, sku_2: 3}}""",
            """{"warehouse":"BER-1","counts":{"SKU_1":10,"sku_2":3},"prices":null,"levels":null,"synonyms":null}""", "UnquotedKey"),
        new("rec-11 the thread in a wrapper", "CommentThread", "{\"thread\": " + Thread + "}", Thread, "UnwrappedWrapperObject"),
        new("rec-12 a reply encoded as a string", "CommentThread",
            """{"author":"ana","text":"Great post","replies":["{\"author\":\"bo\",\"text\":\"Agreed\",\"replies\":[]}"],"likes":10}""",
            """{"author":"ana","text":"Great post","replies":[{"author":"bo","text":"Agreed","replies":[],"likes":null}],"likes":10}""", "DoubleEncoded"),
        new("nest-17 an unknown member beside the address (claude, fenced)", "EventListing",
            "Here is the event:\n\n```json\n" + Event.Replace("\"city\":\"New York\"", "\"city\":\"New York\",\"country\":\"US\"", StringComparison.Ordinal) + "\n```\n\nI could not find a sponsor.", Event, "MarkdownFence"),
        new("nest-18 coordinates as a pair", "EventListing",
            Event.Replace("{\"latitude\":40.7306,\"longitude\":-74.0006}", "[40.7306, -74.0006]", StringComparison.Ordinal), null, "",
            "$.venue.address.coordinates: expected a GeoCoordinates object, found an array"),
        new("nest-19 a null performer", "EventListing", Event.Replace("[{\"name\":\"Ana\",\"role\":\"piano\"}]", "[null]", StringComparison.Ordinal), null, "",
            "$.performers[0]: expected a Performer object, found null"),
        new("nest-20 null for the required venue", "EventListing",
            """{"title":"Jazz Night","venue":null,"performers":[{"name":"Ana","role":"piano"}],"sponsors":null}""", null, "", "$.venue: expected an EventVenue object, found null"),
        new("time-25 fractional seconds and Z", "HotelBooking", Hotel.Replace("2025-06-01T09:12:00+02:00", "2025-06-01T07:12:00.123Z", StringComparison.Ordinal),
            Hotel.Replace("2025-06-01T09:12:00+02:00", "2025-06-01T07:12:00.123Z", StringComparison.Ordinal)),
        new("time-26 a GUID as a URN", "HotelBooking", Hotel.Replace("\"3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b\"", "\"urn:uuid:3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b\"", StringComparison.Ordinal), null, "",
            "$.bookingId: expected a GUID"),
        new("time-27 24:00 for a time", "HotelBooking", Hotel.Replace("\"15:30\"", "\"24:00\"", StringComparison.Ordinal), null, "", "$.arrivalTime: expected"),
        new("time-28 a duration in hours", "HotelBooking", Hotel.Replace("\"4.00:00:00\"", "\"01:30:00\"", StringComparison.Ordinal), Hotel.Replace("\"4.00:00:00\"", "\"01:30:00\"", StringComparison.Ordinal)),
        new("time-29 empty collections", "HotelBooking", Hotel.Replace("[\"wifi\",\"pool\"]", "[]", StringComparison.Ordinal).Replace("[3,4]", "[]", StringComparison.Ordinal),
            Hotel.Replace("[\"wifi\",\"pool\"]", "[]", StringComparison.Ordinal).Replace("[3,4]", "[]", StringComparison.Ordinal)),
        new("time-30 null for a required immutable array", "HotelBooking", Hotel.Replace("[\"double\"]", "null", StringComparison.Ordinal), null, "", "$.roomTypes: expected an array, found null"),
        new("enum-17 a null inside the list", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open",null],"previousSeverity":null}""", null, "",
            "$.history[1]: expected one of Open, InProgress, WaitingOnCustomer, Resolved, found null"),
        new("enum-18 a one-element list for an enum", "IncidentReport",
            """{"title":"DB down","severity":["sev-1"],"state":"InProgress","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "ListToScalar"),
        new("enum-19 a trailing space and an underscore", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"in_progress ","history":["Open","InProgress"],"previousSeverity":null}""", Incident, "EnumNormalized"),
        new("cons-18 a decimal on its minimum", "PriceQuote", Quote.Replace("12.50", "0.01", StringComparison.Ordinal), Quote.Replace("12.50", "0.01", StringComparison.Ordinal)),
        new("cons-19 a code with a space before it", "PriceQuote", Quote.Replace("\"EUR\"", "\" EUR\"", StringComparison.Ordinal), null, "",
            "$.currency: expected a string of exactly 3 characters, found a string of length 4"),
        new("cons-20 null for the required list", "PriceQuote", Quote.Replace("[\"net 30\"]", "null", StringComparison.Ordinal), null, "", "$.notes: expected an array of 1..4 items, found null"),
        new("cons-21 minus zero", "PriceQuote", Quote.Replace("\"discountPercent\":10", "\"discountPercent\":-0", StringComparison.Ordinal),
            Quote.Replace("\"discountPercent\":10", "\"discountPercent\":0", StringComparison.Ordinal)),
        new("cons-22 thousands separators", "PriceQuote", Quote.Replace("12.50", "\"1,200.00\"", StringComparison.Ordinal), null, "", "$.unitPrice: expected a number 0.01..9999.99, found \"1,200.00\""),
        new("strict-12 prose around an allowed fence", "ApprovalDecision", "Here is my decision:\n```json\n" + Approval + "\n```\nThanks!", Approval, "MarkdownFence"),
        new("strict-13 an unknown member is no repair", "ApprovalDecision", """{"approved":true,"confidence":80,"conditions":{"budget":"under 5k"},"note":"ok"}""", Approval),
        new("strict-14 a call's allowed list admits one coercion", "IncidentReport",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":"Open","previousSeverity":null}""",
            """{"title":"DB down","severity":"sev-1","state":"InProgress","history":["Open"],"previousSeverity":null}""", "ScalarToList", null, "ScalarToList"),
        new("strict-15 a call's strict options refuse an inferred discriminator", "Checkout", """{"orderId":"A-100","payments":[{"amount":20,"last4":"4242","brand":"Visa"}],"refund":null}""", null, "",
            "$.payments[0].method: expected one of card, bank_transfer, gift-card, found nothing (the member is missing)", "strict"),

        // ------------------------------------------------------------ third batch (written before the second batch's fix was run)
        new("strict-16 a key written twice with the same value under a strict type", "ApprovalDecision",
            """{"approved":true,"approved":true,"confidence":80,"conditions":null}""", null, "", "$.approved: the output needs a repair that is not allowed (DuplicateKey"),
        new("strict-17 a dictionary key twice under strict options", "InventorySnapshot", """{"warehouse":"BER-1","counts":{"A":1,"A":1}}""", null, "",
            "$.counts.A: the output needs a repair that is not allowed (DuplicateKey: `1 … 1`)", "strict"),
        new("strict-18 a discriminator twice under strict options", "Checkout",
            """{"orderId":"A-100","payments":[{"method":"card","amount":20,"last4":"4242","brand":"Visa","method":"card"}],"refund":null}""", null, "",
            "$.payments[0].method: the output needs a repair that is not allowed (DuplicateKey", "strict"),
        new("poly-27 a zero-width space after the discriminator", "Checkout",
            "{\"orderId\":\"A-100\",\"payments\":[{\"method\":\"card\u200B\",\"amount\":20,\"last4\":\"4242\",\"brand\":\"Visa\"}],\"refund\":null}", PayCard, "EnumNormalized"),
        new("dict-33 keys in German and Japanese", "InventorySnapshot",
            "{\"warehouse\":\"BER-1\",\"counts\":{\"Größe M\":2,\"サイズ\":3,\"\\u00DF\":1}}",
            "{\"warehouse\":\"BER-1\",\"counts\":{\"Größe M\":2,\"サイズ\":3,\"ß\":1},\"prices\":null,\"levels\":null,\"synonyms\":null}"),
        new("dict-34 None inside a record value", "InventorySnapshot",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"levels":{"A":{"onHand":1,"reserved":None}}}""",
            """{"warehouse":"BER-1","counts":{"SKU-1":10,"sku_2":3},"prices":null,"levels":{"A":{"onHand":1,"reserved":null}},"synonyms":null}""", "PythonLiteral"),
        new("rec-13 replies nested past the depth limit", "CommentThread",
            string.Concat(Enumerable.Repeat("{\"author\":\"a\",\"text\":\"t\",\"replies\":[", 40)) + "{\"author\":\"z\",\"text\":\"t\",\"replies\":[]}" + string.Concat(Enumerable.Repeat("]}", 40)),
            null, "", "$: expected less deeply nested JSON, found nesting deeper than the limit of 64"),
        new("nest-21 a corrected second answer (claude)", "EventListing",
            "```json\n" + Event + "\n```\n\nActually, the capacity is 250:\n\n```json\n" + Event.Replace("\"capacity\":200", "\"capacity\":250", StringComparison.Ordinal) + "\n```", null, "", "$"),
        new("nest-22 the answer restated in prose with a drifted key", "EventListing",
            "```json\n" + Event + "\n```\nIn short: " + Event.Replace("\"venueName\"", "\"venue_name\"", StringComparison.Ordinal), Event, "MarkdownFence"),
        new("time-31 an offset with half hours", "HotelBooking", Hotel.Replace("+02:00", "+05:30", StringComparison.Ordinal), Hotel.Replace("+02:00", "+05:30", StringComparison.Ordinal)),
        new("time-32 a 12-hour time without a space", "HotelBooking", Hotel.Replace("\"15:30\"", "\"3:30pm\"", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("time-33 a duration in hours only", "HotelBooking", Hotel.Replace("\"4.00:00:00\"", "\"PT96H\"", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("time-34 a date with the day first and the month named", "HotelBooking", Hotel.Replace("\"2025-07-14\"", "\"14 July 2025\"", StringComparison.Ordinal), Hotel, "FormatNormalized"),
        new("enum-20 a renamed value in capitals with a trailing space", "IncidentReport",
            """{"title":"DB down","severity":"SEV-2 ","state":"Open","history":[],"previousSeverity":null}""",
            """{"title":"DB down","severity":"sev-2","state":"Open","history":[],"previousSeverity":null}""", "EnumNormalized"),
        new("enum-21 a python dict repr with snake-case values", "IncidentReport",
            "{'title': 'DB down', 'severity': 'sev-1', 'state': 'in_progress', 'history': ['open', 'in_progress'], 'previousSeverity': None}", Incident,
            "SingleQuotes,EnumNormalized,PythonLiteral"),
        new("cons-23 an id in lower case", "PriceQuote", Quote.Replace("Q-00042", "q-00042", StringComparison.Ordinal), null, "", "$.quoteId: expected a string matching ^Q-[0-9]{5}$, found \"q-00042\""),
        new("cons-24 exactly the maximum number of items", "PriceQuote", Quote.Replace("[\"net 30\"]", "[\"a\",\"b\",\"c\",\"d\"]", StringComparison.Ordinal), Quote.Replace("[\"net 30\"]", "[\"a\",\"b\",\"c\",\"d\"]", StringComparison.Ordinal)),
        new("cons-25 a whole double as a string", "PriceQuote", Quote.Replace("\"discountPercent\":10", "\"discountPercent\":\"10.0\"", StringComparison.Ordinal), Quote, "NumberFromString"),
    };

    public static TheoryData<string> CaseIds => new(Cases.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Probe(string id)
    {
        var c = Cases.Single(x => x.Id == id);
        switch (c.Type)
        {
            case "Checkout": Check(Checkout.LlmInfo, c); break;
            case "InventorySnapshot": Check(InventorySnapshot.LlmInfo, c); break;
            case "CommentThread": Check(CommentThread.LlmInfo, c); break;
            case "EventListing": Check(EventListing.LlmInfo, c); break;
            case "HotelBooking": Check(HotelBooking.LlmInfo, c); break;
            case "IncidentReport": Check(IncidentReport.LlmInfo, c); break;
            case "PriceQuote": Check(PriceQuote.LlmInfo, c); break;
            case "ApprovalDecision": Check(ApprovalDecision.LlmInfo, c); break;
            default: throw new InvalidOperationException(c.Type);
        }
    }

    [Fact]
    public void Case_ids_are_unique() => Assert.Equal(Cases.Length, Cases.Select(c => c.Id).Distinct().Count());

    private static LlmParseOptions? OptionsOf(string? name) => name switch
    {
        null => null,
        "strict" => LlmParseOptions.StrictDefault,
        "default" => LlmParseOptions.Default,
        _ => new LlmParseOptions { Strict = true, AllowedRepairs = name.Split(',').Select(Enum.Parse<LlmRepairKind>).ToArray() },
    };

    private static void Check<T>(LlmOutputInfo<T> info, Case c) =>
        ProbeChecks.Check(info, c.Id, c.Input, c.Expected, c.Repairs, c.Error, OptionsOf(c.Options));

    [Fact]
    public void The_throwing_variant_carries_the_raw_text_and_every_error_from_each_input_form()
    {
        const string text = "Here you go:\n```json\n{\"quoteId\":\"Q-42\",\"unitPrice\":0,\"discountPercent\":10,\"currency\":\"EUR\",\"shipping\":\"express\",\"notes\":[\"x\"]}\n```";
        var expected = new[] { "$.quoteId: expected a string matching ^Q-[0-9]{5}$, found \"Q-42\"", "$.unitPrice: expected a number 0.01..9999.99, found 0" };
        var ex = Assert.Throws<LlmParseException>(() => PriceQuote.LlmInfo.ParseOrThrow(text));
        Assert.Equal(text, ex.RawText);
        Assert.Equal(expected, ex.Errors.Select(e => e.Message));
        Assert.All(expected, m => Assert.Contains(m, ex.Message, StringComparison.Ordinal));

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var fromSpan = Assert.Throws<LlmParseException>(() => PriceQuote.LlmInfo.ParseOrThrow(utf8.AsSpan()));
        Assert.Equal(text, fromSpan.RawText);
        Assert.Equal(expected, fromSpan.Errors.Select(e => e.Message));
        var first = new ReaderBehaviourTests.Segment(utf8.AsMemory(0, 30));
        var last = first.Append(utf8.AsMemory(30));
        var fromSequence = Assert.Throws<LlmParseException>(() => PriceQuote.LlmInfo.ParseOrThrow(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length)));
        Assert.Equal(text, fromSequence.RawText);
        Assert.Equal(expected, fromSequence.Errors.Select(e => e.Message));

        // a strict type's refusal names the repair it would have needed
        var strict = Assert.Throws<LlmParseException>(() => ApprovalDecision.LlmInfo.ParseOrThrow("{'approved': true, 'confidence': 80}"));
        Assert.Equal("$: the output needs a repair that is not allowed (SingleQuotes: `'`)", Assert.Single(strict.Errors).Message);
    }

    /// <summary>
    /// A dictionary of many keys and then many repeats of its last one: each repeat is compared with the first value
    /// without walking the object again (10x the input costs at most ~30x the time, as for the fuzz test's shapes).
    /// </summary>
    [Fact]
    public void Many_repeated_dictionary_keys_cost_linear_time()
    {
        static string Document(int n) =>
            "{\"warehouse\":\"W\",\"counts\":{" + string.Join(",", Enumerable.Range(0, n).Select(i => "\"k" + i + "\":1"))
            + string.Concat(Enumerable.Repeat(",\"k" + (n - 1) + "\":1", n)) + "}}";
        static long Ticks(string json)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var r = InventorySnapshot.LlmInfo.Parse(json);
            watch.Stop();
            Assert.True(r.Success, string.Join("; ", r.Errors));
            return watch.ElapsedTicks;
        }

        string small = Document(2_000), large = Document(20_000);
        Ticks(small);
        long smallTicks = Enumerable.Range(0, 3).Min(_ => Ticks(small));
        long largeTicks = Enumerable.Range(0, 3).Min(_ => Ticks(large));
        // 2 s of slack keeps a busy CI machine from failing it; a rescan per repeat (quadratic) takes far longer at 20,000
        Assert.True(largeTicks < (30 * smallTicks) + (2 * System.Diagnostics.Stopwatch.Frequency),
            $"2,000 repeats: {smallTicks} ticks, 20,000: {largeTicks} ticks");
    }

}
