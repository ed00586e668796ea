using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// What matching reads, taken once per import: every signed agreement (its reference, currency, instalments and what is
/// still receivable) and every donor with its name and registered bank accounts, indexed for the lookups a line makes.
/// </summary>
public sealed class MatchingBook
{
    public MatchingBook(IEnumerable<Contribution> contributions, IEnumerable<Donor> donors)
    {
        Agreements = contributions.Where(c => c.Agreement is not null && c.Withdrawal is null).ToList();
        var donorList = donors.ToList();
        DonorsById = donorList.ToDictionary(d => d.Id);
        DonorsByAccount = donorList.SelectMany(d => d.BankAccounts.Select(a => (a.Iban, Donor: d)))
            .ToLookup(x => x.Iban, x => x.Donor, StringComparer.Ordinal);
        DonorsByName = donorList.ToLookup(d => Text.Name(d.Name), StringComparer.Ordinal);
        AgreementsByDonor = Agreements.ToLookup(c => c.DonorId);
        References = Agreements.Where(c => !string.IsNullOrWhiteSpace(c.Agreement!.Reference))
            .Select(c => (Reference: c.Agreement!.Reference.Trim().ToUpperInvariant(), Contribution: c)).ToList();
    }

    public IReadOnlyList<Contribution> Agreements { get; }

    public IReadOnlyDictionary<Guid, Donor> DonorsById { get; }

    public ILookup<string, Donor> DonorsByAccount { get; }

    public ILookup<string, Donor> DonorsByName { get; }

    public ILookup<Guid, Contribution> AgreementsByDonor { get; }

    public IReadOnlyList<(string Reference, Contribution Contribution)> References { get; }
}
