using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StructuredLlm.Generators.Model;

/// <summary>An equatable stand-in for <see cref="Location"/> (file path + spans), safe to cache.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
