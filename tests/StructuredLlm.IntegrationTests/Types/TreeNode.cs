using System.Collections.Generic;

namespace StructuredLlm.IntegrationTests.Types;

/// <summary>An outline of a document: a recursive type.</summary>
/// <remarks>
/// Anthropic structured outputs reject recursive schemas, so the generator warns (SLLM0009); this type is meant
/// for the other profiles, and the project file turns the warning off.
/// </remarks>
[LlmOutput]
public partial record TreeNode(string Title, IReadOnlyList<TreeNode> Children, TreeNode? Summary);
