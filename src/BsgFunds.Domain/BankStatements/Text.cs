using System.Text;

namespace BsgFunds.Domain.BankStatements;

/// <summary>How matching compares what a bank writes with what we registered: case, punctuation and spacing do not count.</summary>
internal static class Text
{
    /// <summary>A name as upper-case words of letters and digits: "Ministry of Finance, Japan" is "MINISTRY OF FINANCE JAPAN".</summary>
    public static string Name(string? name)
    {
        var words = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) words.Append(char.ToUpperInvariant(c));
            else if (words.Length > 0 && words[^1] != ' ') words.Append(' ');
        }

        return words.ToString().Trim();
    }

    /// <summary>
    /// Whether <paramref name="reference"/> (upper case) stands in <paramref name="text"/> (upper case) as a whole word, so that
    /// AGR-1 is not found in AGR-12.
    /// </summary>
    public static bool ContainsWord(string text, string reference)
    {
        for (var at = text.IndexOf(reference, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(reference, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + reference.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) return true;
        }

        return false;
    }
}
