using BsgFunds.Domain;
using BsgFunds.Domain.BankStatements;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.BankStatements;

public class IbanTests
{
    [Theory]
    [InlineData("CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("de89370400440532013000", "DE89370400440532013000")]
    [InlineData("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    public void an_iban_with_right_check_digits_is_kept_in_its_electronic_form(string text, string iban)
    {
        Iban.Parse(text, "iban").Should().Be((iban, (Refusal?)null));
    }

    [Theory]
    [InlineData("DE89370400440532013001", "check digits")]
    [InlineData("GB29NWBK60161331926818", "check digits")]
    [InlineData("DE89-3704-0044", "not an IBAN")]
    [InlineData("1234567890123456", "not an IBAN")]
    public void a_mistyped_iban_is_refused(string text, string why)
    {
        var (_, refusal) = Iban.Parse(text, "iban");

        refusal!.Code.Should().Be("iban-invalid");
        refusal.Field.Should().Be("iban");
        refusal.Detail.Should().Contain(why);
    }
}
