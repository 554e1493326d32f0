using System.Text;

namespace Crm.Grains.Segments;

/// <summary>
/// Splits a rule into tokens. Only the shape of each token is checked here; what a number, date or duration means is
/// decided by the parser, so that every error still names the column where the token starts.
/// </summary>
internal static class RuleTokenizer
{
    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new RuleToken(TokenKind.End, i + 1, string.Empty));
                return tokens;
            }

            var start = i;
            var c = text[i];
            RuleToken token;
            if (c == '"')
            {
                token = ReadString(text, ref i);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                token = ReadNumberDateOrDuration(text, ref i);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                i = SkipWhile(text, i, ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.');
                token = new RuleToken(TokenKind.Word, start + 1, text[start..i]);
            }
            else
            {
                token = ReadPunctuation(text, ref i);
            }

            tokens.Add(token);
        }
    }

    private static RuleToken ReadString(string text, ref int i)
    {
        var column = i + 1;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\')
            {
                if (i + 1 == text.Length)
                {
                    i = text.Length;
                    break;
                }

                value.Append(text[i + 1] switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    var other => throw Error(i + 1, $"unknown escape '\\{other}'; a string may use \\\" \\\\ \\n \\r and \\t"),
                });
                i += 2;
            }
            else
            {
                value.Append(text[i]);
                i++;
            }
        }

        if (i == text.Length)
        {
            throw Error(column, "the string that starts here is not closed with '\"'");
        }

        i++;
        return new RuleToken(TokenKind.String, column, value.ToString());
    }

    /// <summary>Numbers (<c>12</c>, <c>-3.5</c>), dates (<c>2026-01-31</c>, <c>2026-01-31T09:30:00Z</c>) and durations (<c>30d</c>) all start with a digit.</summary>
    private static RuleToken ReadNumberDateOrDuration(string text, ref int i)
    {
        var start = i;
        var digits = SkipWhile(text, i, char.IsAsciiDigit);
        if (digits - start == 4 && digits + 1 < text.Length && text[digits] == '-' && char.IsAsciiDigit(text[digits + 1]))
        {
            i = SkipWhile(text, digits, ch => char.IsAsciiLetterOrDigit(ch) || ch is ':' or '.' or '+' or '-');
            return new RuleToken(TokenKind.Date, start + 1, text[start..i]);
        }

        i = SkipWhile(text, start + 1, char.IsAsciiDigit);
        if (i < text.Length && text[i] == '.')
        {
            if (i + 1 == text.Length || !char.IsAsciiDigit(text[i + 1]))
            {
                throw Error(start + 1, $"'{text[start..(i + 1)]}' needs digits after the decimal point");
            }

            i = SkipWhile(text, i + 1, char.IsAsciiDigit);
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            i = SkipWhile(text, i, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
            return new RuleToken(TokenKind.Duration, start + 1, text[start..i]);
        }

        return new RuleToken(TokenKind.Number, start + 1, text[start..i]);
    }

    private static RuleToken ReadPunctuation(string text, ref int i)
    {
        var column = i + 1;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        (TokenKind Kind, int Length) token = c switch
        {
            '(' => (TokenKind.OpenParen, 1),
            ')' => (TokenKind.CloseParen, 1),
            '[' => (TokenKind.OpenBracket, 1),
            ']' => (TokenKind.CloseBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '=' => (TokenKind.Comparison, 1),
            '!' when next == '=' => (TokenKind.Comparison, 2),
            '<' or '>' => (TokenKind.Comparison, next == '=' ? 2 : 1),
            '!' => throw Error(column, "unexpected '!'; write 'not' to negate or '!=' for not equal"),
            '&' => throw Error(column, "unexpected '&'; write 'and'"),
            '|' => throw Error(column, "unexpected '|'; write 'or'"),
            '\'' => throw Error(column, "strings go in double quotes, like \"Berlin\""),
            _ => throw Error(column, $"unexpected character '{c}'"),
        };
        i += token.Length;
        return new RuleToken(token.Kind, column, text[(i - token.Length)..i]);
    }

    private static int SkipWhile(string text, int i, Func<char, bool> predicate)
    {
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i;
    }

    private static SegmentRuleException Error(int column, string message) => new(new RuleError(column, message));
}
