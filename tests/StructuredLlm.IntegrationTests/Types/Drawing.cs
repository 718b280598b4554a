using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>A shape in a drawing.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Rectangle), "rectangle")]
public abstract record Shape(string Label);

/// <summary>A circle.</summary>
public sealed record Circle(string Label, double Radius) : Shape(Label);

/// <summary>An axis-aligned rectangle.</summary>
public sealed record Rectangle(string Label, double Width, double Height) : Shape(Label);

/// <summary>A drawing made of shapes: polymorphism under an object root.</summary>
[LlmOutput]
public partial record Drawing(string Title, IReadOnlyList<Shape> Shapes, Shape? Highlight);
