using System.Globalization;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// Proposes the contribution a credit line pays (docs/bank-statements.md, "Matching"). First the agreement reference in the
/// remittance information; only when no reference is found, the donor (by a registered bank account, else by name) with an
/// instalment due in the line's currency and amount. Several fits are all proposed and none is chosen; the officer confirms.
/// </summary>
public static class StatementMatching
{
    public static MatchProposal Propose(StatementEntry line, MatchingBook book)
    {
        var byReference = ByReference(line, book);
        if (byReference.Count > 0)
        {
            return MatchProposal.Of(byReference,
                $"The remittance information names the agreements of {byReference.Count} contributions; choose the one this line pays.");
        }

        var byDonor = ByDonor(line, book);
        if (byDonor.Count > 0)
        {
            return MatchProposal.Of(byDonor,
                $"{byDonor.Count} contributions of the paying donor have {Amount(line.Amount)} due; choose the one this line pays.");
        }

        return MatchProposal.None(
            "No agreement reference in the remittance information, and no donor by this payer's account or name has "
            + $"{Amount(line.Amount)} due.");
    }

    private static List<MatchCandidate> ByReference(StatementEntry line, MatchingBook book)
    {
        var remittance = line.Remittance.ToUpperInvariant();
        if (remittance.Length == 0) return [];
        var candidates = new List<MatchCandidate>();
        foreach (var (reference, contribution) in book.References)
        {
            if (!Text.ContainsWord(remittance, reference)) continue;
            var misfit = Misfit(line.Amount, contribution);
            var found = $"The agreement reference {contribution.Agreement!.Reference} is in the remittance information";
            candidates.Add(new MatchCandidate(contribution.Id, contribution.DonorId,
                misfit is null ? MatchConfidence.High : MatchConfidence.Medium,
                misfit is null ? $"{found}, and {Amount(line.Amount)} is within what is receivable." : $"{found}, but {misfit}."));
        }

        return candidates;
    }

    private static List<MatchCandidate> ByDonor(StatementEntry line, MatchingBook book)
    {
        var byAccount = line.DebtorIban is { } iban ? book.DonorsByAccount[iban].Distinct().ToList() : [];
        var payers = byAccount.Count > 0 ? byAccount : book.DonorsByName[Text.Name(line.DebtorName)].ToList();
        if (payers.Count == 0 || (byAccount.Count == 0 && string.IsNullOrWhiteSpace(line.DebtorName))) return [];
        var how = byAccount.Count > 0 ? $"Paid from {line.DebtorIban}, a registered account of" : $"The payer's name '{line.DebtorName}' is";
        var confidence = byAccount.Count > 0 ? MatchConfidence.Medium : MatchConfidence.Low;
        return payers
            .SelectMany(donor => book.AgreementsByDonor[donor.Id].Select(contribution => (donor, contribution)))
            .Select(x => (x.donor, x.contribution, due: Due(line.Amount, x.contribution)))
            .Where(x => x.due is not null)
            .Select(x => new MatchCandidate(x.contribution.Id, x.donor.Id, confidence,
                $"{how} donor {x.donor.Name}, whose agreement {x.contribution.Agreement!.Reference} has {x.due}."))
            .ToList();
    }

    /// <summary>Why a line cannot be this contribution's receipt as it stands, or null when currency and amount fit.</summary>
    private static string? Misfit(Money amount, Contribution contribution)
    {
        if (amount.Currency != contribution.Currency) return $"the agreement is in {contribution.Currency}, the line in {amount.Currency}";
        return amount.Amount > contribution.ReceivableOriginal
            ? $"only {Amount(Money.Of(contribution.ReceivableOriginal, contribution.Currency))} is receivable"
            : null;
    }

    /// <summary>The instalment (or the balance) of exactly the line's amount still due on the contribution, in words; else null.</summary>
    private static string? Due(Money amount, Contribution contribution)
    {
        if (Misfit(amount, contribution) is not null) return null;
        var instalment = contribution.Agreement!.Instalments
            .Where(i => i.Amount.Currency == amount.Currency && i.Amount.Amount == amount.Amount)
            .OrderBy(i => i.DueOn)
            .FirstOrDefault();
        if (instalment is not null)
            return $"an instalment of {Amount(instalment.Amount)} due on {instalment.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return amount.Amount == contribution.ReceivableOriginal ? $"a balance of {Amount(amount)} receivable" : null;
    }

    private static string Amount(Money money) => money.ToString();
}
