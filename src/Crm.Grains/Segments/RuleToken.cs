namespace Crm.Grains.Segments;

internal enum TokenKind
{
    Word,
    String,
    Number,
    Date,
    Duration,
    Comparison,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    End,
}

/// <summary>
/// One token of a rule. <see cref="Text"/> is the source text, except for strings, where it is the value with escapes resolved.
/// </summary>
internal readonly record struct RuleToken(TokenKind Kind, int Column, string Text)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Word && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token is quoted in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the rule",
        TokenKind.String => StringLiteral.Quote(Text),
        _ => $"'{Text}'",
    };
}
