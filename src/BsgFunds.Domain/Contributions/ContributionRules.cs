namespace BsgFunds.Domain.Contributions;

/// <summary>
/// The money rules of a contribution, each written once. The contribution's state (which the decisions and the approval's
/// funding query read), the report book and the donor statements all call these, so a figure cannot differ between them.
/// </summary>
public static class ContributionRules
{
    /// <summary>Cash received less PSC, refunds and commitments: what can still be committed or refunded (domain.md §2.4).</summary>
    public static decimal AvailableChf(decimal receivedChf, decimal pscChf, decimal refundedChf, decimal committedChf) =>
        receivedChf - pscChf - refundedChf - committedChf;

    /// <summary>What the donor still owes, in the agreement's currency.</summary>
    public static decimal ReceivableOriginal(decimal agreedOriginal, decimal receivedOriginal, decimal writtenOffOriginal) =>
        agreedOriginal - receivedOriginal - writtenOffOriginal;

    /// <summary>The receivable's carrying amount at the agreement's rate: what receipts relieved and write-offs took come off.</summary>
    public static decimal ReceivableChf(decimal agreedChf, decimal reliefChf, decimal writtenOffChf) => agreedChf - reliefChf - writtenOffChf;

    /// <summary>
    /// Withdrawn once withdrawn; pledged until signed; closed when nothing is owed or left to spend and money moved; received
    /// once cash arrived; agreed before that.
    /// </summary>
    public static ContributionStatus Status(bool withdrawn, bool signed, decimal receivableOriginal, decimal availableChf,
        decimal receivedOriginal, decimal writtenOffOriginal) =>
        withdrawn ? ContributionStatus.Withdrawn
        : !signed ? ContributionStatus.Pledged
        : receivableOriginal == 0m && availableChf == 0m && (receivedOriginal > 0m || writtenOffOriginal > 0m) ? ContributionStatus.Closed
        : receivedOriginal > 0m ? ContributionStatus.Received
        : ContributionStatus.Agreed;
}
