using System.Collections.Generic;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>An outline of a document: a recursive type.</summary>
[LlmOutput]
public partial record TreeNode(string Title, IReadOnlyList<TreeNode> Children, TreeNode? Summary);
