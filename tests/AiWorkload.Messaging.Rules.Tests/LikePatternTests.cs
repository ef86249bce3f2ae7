using System.Text.RegularExpressions;
using AiWorkload.Messaging.Rules.Sql;

namespace AiWorkload.Messaging.Rules.Tests;

public sealed class LikePatternTests
{
    // Every fast path (exact, prefix, suffix, contains) and the general matcher must agree with a regex reading of
    // the same pattern, for many small random patterns and texts over an alphabet that makes collisions likely.
    [Fact]
    public void Agrees_with_a_regular_expression_reference()
    {
        var random = new Random(1234);
        const string PatternAlphabet = "ab%_!";
        const string TextAlphabet = "ab%_!";
        for (var i = 0; i < 4000; i++)
        {
            var pattern = RandomString(random, PatternAlphabet, random.Next(0, 7));
            if (pattern.EndsWith('!') && pattern.Reverse().TakeWhile(c => c == '!').Count() % 2 == 1)
            {
                continue;
            }

            var like = LikePattern.Compile(pattern, '!');
            var regex = new Regex(ToRegex(pattern, '!'), RegexOptions.Singleline | RegexOptions.CultureInvariant);
            for (var j = 0; j < 10; j++)
            {
                var text = RandomString(random, TextAlphabet, random.Next(0, 8));
                Assert.True(regex.IsMatch(text) == like.IsMatch(text), $"'{text}' LIKE '{pattern}' ESCAPE '!'");
            }
        }
    }

    private static string RandomString(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static string ToRegex(string pattern, char escape)
    {
        var builder = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            builder.Append(c == escape ? Regex.Escape(pattern[++i].ToString()) : c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return builder.Append('$').ToString();
    }
}
