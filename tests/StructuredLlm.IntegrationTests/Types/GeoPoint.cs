using System.ComponentModel.DataAnnotations;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>A place mentioned in a text, geocoded: a record struct.</summary>
[LlmOutput]
public partial record struct GeoPoint(
    [property: Range(-90.0, 90.0)] double Latitude,
    [property: Range(-180.0, 180.0)] double Longitude,
    string? PlaceName);
