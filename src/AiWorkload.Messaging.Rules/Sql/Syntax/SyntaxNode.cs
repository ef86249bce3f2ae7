namespace AiWorkload.Messaging.Rules.Sql.Syntax;

/// <summary>
/// A parsed node. The grammar separates predicates (true/false/unknown) from expressions (values); one parser builds
/// both and checks the kind where they meet, which is how "(a + 1) = 2" and "(a = 1) AND b = 2" both parse.
/// Token indexes (not character positions) are kept so errors can quote the token that follows a node.
/// </summary>
internal abstract class SyntaxNode
{
    public int StartToken { get; set; }

    /// <summary>Index of the first token after the node.</summary>
    public int EndToken { get; set; }

    public abstract bool IsPredicate { get; }
}
