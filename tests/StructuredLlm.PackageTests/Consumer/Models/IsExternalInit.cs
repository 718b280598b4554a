namespace System.Runtime.CompilerServices;

// Records on netstandard2.0 need this marker type; users add it (or PolySharp) themselves.
internal static class IsExternalInit
{
}
