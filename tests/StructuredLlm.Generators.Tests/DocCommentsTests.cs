using System.Collections.Generic;
using System.Linq;
using StructuredLlm.Generators.Parsing;

namespace StructuredLlm.Generators.Tests;

/// <summary>The allocation-light doc reader must read exactly what the XElement path reads, or decline.</summary>
public class DocCommentsTests
{
    public static TheoryData<string> Simple() => new()
    {
        "<doc> <summary>Record number 4.</summary>\n</doc>",
        "<doc><summary>\n A   multi-line\n summary. \n</summary><param name=\"a\">First.</param><param name=\"b\"> Second </param></doc>",
        "<member name=\"T:X\"><summary>See <see cref=\"T:Ns.Other\"/> and <paramref name=\"a\"/>.</summary></member>",
        "<doc><summary>Use <c>true</c>, <see langword=\"null\"/>, <a href=\"https://x.y/z\">link</a> and <see href='https://a.b/c'/>.</summary></doc>",
        "<doc><summary>One<para>Two</para><br/>Three</summary></doc>",
        "<doc><summary>a &lt; b &amp;&amp; c &gt; d, &quot;q&quot; &apos;s&apos;</summary></doc>",
        "<doc><summary></summary><summary>Second wins when the first is empty</summary></doc>",
        "<doc><param name=\"a\">x</param><param name=\"a\">duplicate ignored</param><param>no name</param><param name=\"e\"> </param></doc>",
        "<doc><remarks>not used</remarks><summary><c></c>kept</summary></doc>",
        " <summary>Raw text without a doc root.</summary>\n <param name=\"p\">P</param>\n",
        "Just text, no tags",
        "<doc><summary>Greater > is fine</summary ></doc>",
        "<doc><summary>Kinds:<list type=\"bullet\"><item><description>one</description></item><item><term>two</term><description>the second</description></item></list>Then more.</summary></doc>",
        "<doc><inheritdoc/></doc>",
        "<doc><inheritdoc cref=\"Base.X\"/>\n</doc>",
        "<member name=\"P:N.C.X\"><inheritdoc cref=\"P:N.Base.X\"/><param name=\"p\">P</param></member>",
    };

    public static TheoryData<string> Declined() => new()
    {
        "<doc><summary>&nbsp;unknown entity</summary></doc>",
        "<doc><summary>char ref &#65;</summary></doc>",
        "<doc><!-- comment --><summary>x</summary></doc>",
        "<doc><summary><![CDATA[x]]></summary></doc>",
        "<doc><x:summary xmlns:x=\"u\">x</x:summary></doc>",
        "<doc><summary>unclosed</doc>",
        "<doc><summary>a</summary></doc><extra/>",
        "<doc><param name=\"a\nb\">x</param></doc>",
        "<doc><summary>line\r\nend</summary></doc>",
        "<doc><summary a=\"1\" a=\"2\">dup attribute</summary></doc>",
        "<doc><summary>x ]]> y</summary></doc>",
        "text </doc> more",
    };

    [Theory]
    [MemberData(nameof(Simple))]
    public void Simple_reader_reads_the_same_as_XElement(string xml)
    {
        Assert.NotNull(DocComments.SimpleXml.TryParse(xml));
        AssertSame(DocComments.ParseWithXmlReader(xml), DocComments.Parse(xml));
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void Other_shapes_are_declined_and_read_by_XElement(string xml)
    {
        Assert.Null(DocComments.SimpleXml.TryParse(xml));
        AssertSame(DocComments.ParseWithXmlReader(xml), DocComments.Parse(xml));
    }

    [Fact]
    public void Simple_reader_reads_summary_params_and_references()
    {
        DocComments docs = DocComments.Parse("<doc><summary>Use <see cref=\"T:A.B\"/> &amp; <c>x</c>.</summary><param name=\"p\"> The  p. </param></doc>");
        Assert.Equal("Use B & x.", docs.Summary);
        Assert.Equal(new Dictionary<string, string> { ["p"] = "The p." }, docs.Parameters);
    }

    [Theory]
    [InlineData("<doc><inheritdoc/></doc>", null)]
    [InlineData("<doc><inheritdoc cref=\"Base.X\"/></doc>", "Base.X")]
    [InlineData("<member name=\"P:N.C.X\"><inheritdoc cref=\"P:N.Base.X\"/></member>", "P:N.Base.X")]
    public void Inheritdoc_is_read_with_its_cref(string xml, string? cref)
    {
        DocComments docs = DocComments.Parse(xml);
        Assert.True(docs.InheritDoc);
        Assert.Equal(cref, docs.InheritCref);
        Assert.Null(docs.Summary);
    }

    /// <summary>A list's items and a paragraph stay apart on the one line a description has: " - " before each item, "term: description".</summary>
    [Theory]
    [InlineData("<doc><summary>Kinds:<list type=\"bullet\"><item><description>one</description></item><item><description>two</description></item></list></summary></doc>", "Kinds: - one - two")]
    [InlineData("<doc><summary>Codes<list type=\"table\"><listheader><term>Code</term><description>Meaning</description></listheader><item><term>A</term><description>first</description></item></list>End.</summary></doc>", "Codes - Code: Meaning - A: first End.")]
    [InlineData("<doc><summary>First.<para>Second.</para>Third.</summary></doc>", "First. Second. Third.")]
    [InlineData("<doc><summary>Kinds:<list type=\"bullet\"><item><description>one</description></item><![CDATA[x]]></list></summary></doc>", "Kinds: - one x")]
    public void Lists_and_paragraphs_keep_their_parts_apart(string xml, string expected)
        => Assert.Equal(expected, DocComments.Parse(xml).Summary);

    /// <summary>
    /// Probe, session 25: a reference reads as its member or type name, without namespace, parameters or type arguments,
    /// in source and compiled (ID) form alike, in well-formed and malformed comments; a parameter list with dots read as
    /// its last type (<c>M(System.String)</c> → "String)") and generic braces leaked (<c>M{T}(T)</c>).
    /// </summary>
    [Theory]
    [InlineData("M(System.String)", "M")]
    [InlineData("M{T}(T)", "M")]
    [InlineData("M:N.C.M``1(``0)", "M")]
    [InlineData("System.Collections.Generic.List{T}.Add(T)", "Add")]
    [InlineData("List{System.String}", "List")]
    [InlineData("T:System.Collections.Generic.Dictionary`2", "Dictionary")]
    [InlineData("Dictionary{System.String, System.Int32}.Keys", "Keys")]
    [InlineData("P:N.Base.X", "X")]
    [InlineData("Other", "Other")]
    public void References_read_as_their_names(string cref, string name)
    {
        Assert.Equal("See " + name + ".", DocComments.Parse("<doc><summary>See <see cref=\"" + cref + "\"/>.</summary></doc>").Summary);
        Assert.Equal("See " + name + " & more.", DocComments.Parse("<doc><summary>See <see cref=\"" + cref + "\"/> & more.</summary></doc>").Summary);
        Assert.Equal("See " + name + " x.", DocComments.Parse("<doc><summary>See <see cref=\"" + cref + "\"/> <b>x</b>.</summary></doc>").Summary);
    }

    /// <summary>
    /// A comment that is not well-formed XML (the compiler only warns, CS1570) is still the author's text: read as text,
    /// known doc tags as usual, stray <c>&lt;</c>, <c>&amp;</c> and unknown tags kept as written.
    /// </summary>
    [Theory]
    [InlineData("<doc><summary>Priority 1 < 5, higher is more urgent.</summary></doc>", "Priority 1 < 5, higher is more urgent.", null)]
    [InlineData("<doc><summary>Amount in USD & EUR, see <see cref=\"T:A.Money\"/>.</summary><param name=\"p\">Tags & labels</param></doc>", "Amount in USD & EUR, see Money.", "Tags & labels")]
    [InlineData("<doc><summary>A List<string> of <c>tags</c> &amp; more</summary></doc>", "A List<string> of tags & more", null)]
    [InlineData("<doc><summary>Closed by a typo</summmary>\n<param name=\"p\">The p.</param></doc>", "Closed by a typo</summmary>", "The p.")]
    [InlineData("<doc><summary>Bold <b>text</summary><param name='p'>One<para>Two</param></doc>", "Bold text", "One Two")]
    [InlineData("<doc><summary>Never closed & cut</doc>", "Never closed & cut", null)]
    public void Malformed_comments_are_read_as_text(string xml, string summary, string? param)
    {
        DocComments docs = DocComments.Parse(xml);
        Assert.Equal(summary, docs.Summary);
        Assert.Equal(param, docs.Parameters.TryGetValue("p", out string? p) ? p : null);
    }

    private static void AssertSame(DocComments expected, DocComments actual)
    {
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.InheritDoc, actual.InheritDoc);
        Assert.Equal(expected.InheritCref, actual.InheritCref);
        Assert.Equal(expected.Parameters.OrderBy(p => p.Key), actual.Parameters.OrderBy(p => p.Key));
    }
}
