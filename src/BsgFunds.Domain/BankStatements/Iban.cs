namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// International Bank Account Numbers (ISO 13616): written without spaces in upper case, and checked with the ISO 7064
/// MOD 97-10 check digits, so that a mistyped account is refused where it is typed rather than never matching a payment.
/// </summary>
public static class Iban
{
    /// <summary>The IBAN in its electronic form (no spaces, upper case), or a refusal naming <paramref name="field"/>.</summary>
    public static (string? Iban, Refusal? Refusal) Parse(string? text, string field)
    {
        var iban = Normalise(text);
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return (null, Refusal.Invalid("iban-invalid",
                $"'{text}' is not an IBAN: two letters of country, two check digits and up to 30 letters or digits.", field));
        }

        return Mod97(iban) == 1
            ? (iban, null)
            : (null, Refusal.Invalid("iban-invalid", $"'{text}' fails the IBAN check digits (ISO 7064 MOD 97-10): a character is wrong.",
                field));
    }

    public static string Normalise(string? text) =>
        new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    // The country code and check digits move to the end, letters become 10..35, and the number's remainder by 97 is taken
    // piece by piece so that 34 characters never overflow.
    private static int Mod97(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        return remainder;
    }
}
