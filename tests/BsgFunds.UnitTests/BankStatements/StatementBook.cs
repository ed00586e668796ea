using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.BankStatements;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using static BsgFunds.UnitTests.Contributions.ContributionHistory;

namespace BsgFunds.UnitTests.BankStatements;

/// <summary>Donors and signed agreements made by the real decisions, and statement lines as the reader makes them.</summary>
internal static class StatementBook
{
    public static Donor Donor(string name, params string[] ibans) =>
        new Donor(Guid.NewGuid(), name, DonorType.Foundation, "CH", Now) { BankAccounts = ibans.Select(i => new DonorBankAccount(i, null)).ToList() };

    /// <summary>A contribution of the donor whose agreement has the reference, in the currency, with these instalments.</summary>
    public static Contribution Agreement(Donor donor, string reference, string currency, params decimal[] instalments)
    {
        var id = Guid.NewGuid();
        var total = Money.Of(instalments.Sum(), currency);
        var pledged = ContributionDecisions.Pledge(id, donor, FundingSource.OtherVoluntary, total, new DateOnly(2026, 1, 5), Earmark.Pooled, null,
            ClosedYears.None, Officer).Events[0];
        var state = Contribution.Create(pledged);
        var signed = ContributionDecisions.SignAgreement(state, reference, new DateOnly(2026, 1, 15), total, 7m,
            instalments.Select((a, i) => new Instalment(new DateOnly(2026, 3 + i, 1), Money.Of(a, currency))).ToList(), null, [],
            Rates("2026-01", (currency, 0.9m)), ClosedYears.None, Officer).Events[0];
        return state.Apply(signed);
    }

    public static StatementEntry Credit(decimal amount, string currency, string? remittance = null, string? name = null, string? iban = null,
        string? creditorReference = null, int number = 1) =>
        new(number, "CRDT", "BOOK", new DateOnly(2026, 5, 27), new DateOnly(2026, 5, 27), Money.Of(amount, currency), $"BK-{number}", name, iban,
            remittance is null ? [] : [remittance], creditorReference, null, null);
}
