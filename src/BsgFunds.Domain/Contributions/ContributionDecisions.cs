using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Domain.Contributions;

/// <summary>The finance officers' decisions on a contribution (domain.md §1 and §2). Pure: state and command in, events or a refusal out.</summary>
public static class ContributionDecisions
{
    public const decimal MaxPscRatePercent = 100m;

    /// <param name="pledgeMonthRates">The rates of the pledge's month, by which reports value it in CHF where one is recorded.</param>
    public static Decision<ContributionPledged> Pledge(
        Guid contributionId, Donor? donor, FundingSource source, Money amount, DateOnly pledgedOn, Earmark earmark,
        MonthlyExchangeRates? pledgeMonthRates, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(pledgedOn) is { } shut) return Refuse<ContributionPledged>(shut);
        if (donor is null) return Refuse<ContributionPledged>(Refusal.RuleBroken("donor-not-found", "No donor is registered with that donorId.",
            "donorId"));
        if (amount.Amount <= 0) return Refuse<ContributionPledged>(Refusal.Invalid("amount-not-positive",
            "A pledge is for an amount greater than zero.",
            "amount"));
        if (pledgeMonthRates?.RateOf(amount.Currency) is { } rate && Bounds.AmountChf(amount.ToChf(rate.RateToChf).Amount, "amount") is { } tooLarge)
            return Refuse<ContributionPledged>(tooLarge);
        if (earmark.Problem("earmark") is { } bad) return Refuse<ContributionPledged>(bad);
        if (FundingSourceRules.Misfit(source, donor, pledgedOn) is { } misfit)
            return Refuse<ContributionPledged>(Refusal.RuleBroken("source-does-not-fit-donor", misfit, "source"));

        return Decision.Accept(new ContributionPledged(contributionId, donor.Id, source, amount, pledgedOn, earmark, actor.Subject, actor.Now));
    }

    public static Decision<AgreementSigned> SignAgreement(
        Contribution contribution, string reference, DateOnly signedOn, Money amount, decimal pscRatePercent,
        IReadOnlyList<Instalment> instalments, Earmark? earmark, IReadOnlyList<string> conditions, MonthlyExchangeRates? signingMonthRates,
            ClosedYears closed, Actor actor, RevenuePolicy? revenuePolicy = null, bool? complianceObligations = null)
    {
        if (closed.Refuse(signedOn) is { } shut) return Refuse<AgreementSigned>(shut);
        if (contribution.Withdrawal is { } withdrawn)
            return Refuse<AgreementSigned>(Refusal.Conflict("pledge-withdrawn",
                $"This pledge was withdrawn on {withdrawn.On:yyyy-MM-dd}; record a new pledge."));
        if (contribution.Agreement is not null)
            return Refuse<AgreementSigned>(Refusal.Conflict("agreement-already-signed",
                $"This contribution's agreement {contribution.Agreement.Reference} is already signed."));
        if (pscRatePercent is < 0 or > MaxPscRatePercent || decimal.Round(pscRatePercent, 2) != pscRatePercent)
            return Refuse<AgreementSigned>(Refusal.Invalid("psc-rate-invalid",
                "The programme support cost rate is a percentage from 0 to 100 with at most two decimals.",
                "pscRatePercent"));
        if (ScheduleProblem(amount, instalments, "An agreement") is { } schedule) return Refuse<AgreementSigned>(schedule);
        var effectiveEarmark = earmark ?? contribution.Earmark;
        if (effectiveEarmark.Problem("earmark") is { } bad) return Refuse<AgreementSigned>(bad);
        var (revenue, notApplicable) = (revenuePolicy ?? RevenuePolicy.Default)
            .TermsFor(signedOn, contribution.Source, effectiveEarmark, conditions.Count, complianceObligations);
        if (notApplicable is not null) return Refuse<AgreementSigned>(notApplicable);
        var (rate, missing) = ExchangeRateLookup.Find(signingMonthRates, amount.Currency, signedOn);
        if (missing is not null) return Refuse<AgreementSigned>(missing);
        var amountChf = amount.ToChf(rate!.RateToChf).Amount;
        if (Bounds.AmountChf(amountChf, "amount") is { } tooLarge) return Refuse<AgreementSigned>(tooLarge);

        return Decision.Accept(new AgreementSigned(
            contribution.Id, contribution.DonorId, reference, signedOn, amount, rate.RateToChf, rate.Source, rate.Month,
            amountChf, pscRatePercent, instalments.OrderBy(i => i.DueOn).ToList(), effectiveEarmark,
            conditions.Select((d, i) => new AgreementCondition(i + 1, d)).ToList(), actor.Subject, actor.Now, revenue));
    }

    /// <summary>
    /// A pledge not yet signed is withdrawn (domain.md §2.7): it then counts nowhere, and stays in the contribution's history.
    /// A signed agreement is amended or written off instead.
    /// </summary>
    public static Decision<PledgeWithdrawn> Withdraw(Contribution contribution, DateOnly on, string reason, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(on) is { } shut) return Refuse<PledgeWithdrawn>(shut);
        if (contribution.Withdrawal is { } withdrawn)
            return Refuse<PledgeWithdrawn>(Refusal.Conflict("pledge-withdrawn", $"This pledge was already withdrawn on {withdrawn.On:yyyy-MM-dd}."));
        if (contribution.Agreement is { } agreement)
            return Refuse<PledgeWithdrawn>(Refusal.Conflict("pledge-already-signed",
                $"The agreement {agreement.Reference} is signed: amend it or write off its unpaid balance instead of withdrawing the pledge."));
        if (on < contribution.PledgedOn)
            return Refuse<PledgeWithdrawn>(Refusal.RuleBroken("date-before-pledge",
                $"A pledge is withdrawn after it was made ({contribution.PledgedOn:yyyy-MM-dd}).", "on"));
        return Decision.Accept(new PledgeWithdrawn(contribution.Id, contribution.DonorId, on, reason, contribution.Pledged, actor.Subject,
            actor.Now));
    }

    /// <summary>
    /// Amends the signed agreement (domain.md §2.8): the new agreed total and the whole new schedule, in the agreement's
    /// currency, never below what was already received or written off. The change is valued at the agreement's carrying
    /// rate; on a conditional agreement a reduction takes from deferred revenue first, then from net assets.
    /// </summary>
    public static Decision<AgreementAmended> Amend(
        Contribution contribution, string reference, DateOnly signedOn, string reason, Money amount, IReadOnlyList<Instalment> instalments,
            ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(signedOn) is { } shut) return Refuse<AgreementAmended>(shut);
        if (contribution.Agreement is not { } agreement)
            return Refuse<AgreementAmended>(Refusal.Conflict("agreement-not-signed",
                "Only a signed agreement is amended; sign the agreement first."));
        if (amount.Currency != agreement.Amount.Currency)
            return Refuse<AgreementAmended>(Refusal.RuleBroken("amendment-currency-must-match-agreement",
                $"The agreement is in {agreement.Amount.Currency}; an amendment keeps its currency, not {amount.Currency}.", "amount"));
        var lastSigned = contribution.Amendments is [.., var last] ? last.SignedOn : agreement.SignedOn;
        if (signedOn < lastSigned)
            return Refuse<AgreementAmended>(Refusal.RuleBroken("amendment-before-agreement",
                $"The amendment is signed on or after the agreement or its last amendment ({lastSigned:yyyy-MM-dd}).", "signedOn"));
        if (ScheduleProblem(amount, instalments, "An amended agreement") is { } schedule) return Refuse<AgreementAmended>(schedule);
        var settled = contribution.ReceivedOriginal + contribution.WrittenOffOriginal;
        if (amount.Amount < settled)
            return Refuse<AgreementAmended>(Refusal.RuleBroken("amendment-below-received",
                $"{settled} {amount.Currency} is already received or written off; the agreed total cannot be {amount.Amount} {amount.Currency}.",
                    "amount"));

        // The whole total at the carrying rate, so the receivable is what it would have been had the agreement said so at
        // signature; amended down to what is settled, the receivable is cleared exactly, as a final receipt clears it.
        var amountChf = amount.Amount == settled
            ? contribution.ReceivableReliefChf + contribution.WrittenOffChf
            : amount.ToChf(agreement.RateToChf).Amount;
        if (Bounds.AmountChf(amountChf, "amount") is { } tooLarge) return Refuse<AgreementAmended>(tooLarge);
        var changeChf = amountChf - agreement.AmountChf;
        // A top-up of a conditional agreement is deferred while a condition is outstanding; once every one is met nothing
        // would ever release it, so it is revenue at once.
        var conditionsOutstanding = agreement.Conditions.Count > contribution.SatisfiedConditions.Count;
        var toDeferred = !contribution.IsConditional ? 0m
            : changeChf >= 0 ? (conditionsOutstanding ? changeChf : 0m)
            : Math.Max(changeChf, -contribution.DeferredRevenueChf);
        return Decision.Accept(new AgreementAmended(
            contribution.Id, contribution.DonorId, reference, signedOn, reason, amount, instalments.OrderBy(i => i.DueOn).ToList(),
            amount - agreement.Amount, agreement.RateToChf, amountChf, changeChf, toDeferred, changeChf - toDeferred, contribution.Earmark,
            actor.Subject, actor.Now, contribution.Obligations));
    }

    /// <summary>An instalment schedule: at least one instalment, each positive, in the agreement's currency, adding up to its amount.</summary>
    private static Refusal? ScheduleProblem(Money amount, IReadOnlyList<Instalment> instalments, string what)
    {
        if (amount.Amount <= 0) return Refusal.Invalid("amount-not-positive", $"{what} is for an amount greater than zero.", "amount");
        if (instalments.Count == 0)
            return Refusal.Invalid("instalments-required", $"{what} has an instalment schedule of at least one instalment.", "instalments");
        if (instalments.FirstOrDefault(i => i.Amount.Currency != amount.Currency) is { } foreign)
            return Refusal.Invalid("instalment-currency-must-match-agreement",
                $"Instalments are in the agreement's currency {amount.Currency}, not {foreign.Amount.Currency}.",
                "instalments");
        if (instalments.Any(i => i.Amount.Amount <= 0))
            return Refusal.Invalid("amount-not-positive", "Every instalment is for an amount greater than zero.", "instalments");
        var scheduled = instalments.Sum(i => i.Amount.Amount);
        return scheduled == amount.Amount
            ? null
            : Refusal.Invalid("instalments-must-sum-to-amount",
                $"The instalments add up to {scheduled} {amount.Currency}, not the agreed {amount.Amount} {amount.Currency}.",
                "instalments");
    }

    public static Decision<ConditionSatisfied> SatisfyCondition(Contribution contribution, int number, DateOnly on, string evidence,
        ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(on) is { } shut) return Refuse<ConditionSatisfied>(shut);
        if (contribution.Agreement is not { } agreement)
            return Refuse<ConditionSatisfied>(Refusal.Conflict("agreement-not-signed", "This contribution has no signed agreement yet."));
        if (agreement.Conditions.All(c => c.Number != number))
            return Refuse<ConditionSatisfied>(Refusal.NotFound("condition-not-found",
                $"The agreement has no condition {number}; it has {agreement.Conditions.Count}."));
        if (contribution.SatisfiedConditions.Any(c => c.Number == number))
            return Refuse<ConditionSatisfied>(Refusal.Conflict("condition-already-satisfied", $"Condition {number} is already satisfied."));

        // Each condition releases an equal share; the last one releases whatever is still deferred, so the shares add up exactly.
        var outstanding = agreement.Conditions.Count - contribution.SatisfiedConditions.Count;
        var release = outstanding == 1
            ? contribution.DeferredRevenueChf
            : Math.Min(contribution.DeferredRevenueChf, Rounding.ToCentimes(agreement.AmountChf / agreement.Conditions.Count));
        return Decision.Accept(new ConditionSatisfied(contribution.Id, contribution.DonorId, number, on, evidence, release, contribution.Earmark,
            actor.Subject, actor.Now));
    }

    /// <param name="receiptsWithBankReference">The sequences of the contribution's earlier receipts with the same bank
    /// reference, read from the stored events; the reference is free again only when each of them was reversed.</param>
    public static Decision<ContributionReceived> RecordReceipt(
        Contribution contribution, Money amount, DateOnly valueDate, string bankReference, decimal? overrideRate, string? overrideReason,
        MonthlyExchangeRates? valueMonthRates, IReadOnlyCollection<long> receiptsWithBankReference, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(valueDate) is { } shut) return Refuse<ContributionReceived>(shut);
        if (contribution.Agreement is not { } agreement)
            return Refuse<ContributionReceived>(Refusal.Conflict("agreement-not-signed",
                "A receipt is recorded against a signed agreement; sign the agreement first."));
        if (receiptsWithBankReference.Any(sequence => !contribution.ReversedSequences.Contains(sequence)))
            return Refuse<ContributionReceived>(Refusal.Conflict("bank-reference-already-recorded",
                $"A receipt with bank reference '{bankReference}' is already recorded on this contribution."));
        if (amount.Currency != agreement.Amount.Currency)
            return Refuse<ContributionReceived>(Refusal.RuleBroken("receipt-currency-must-match-agreement",
                $"The agreement is in {agreement.Amount.Currency}; the receipt is in {amount.Currency}.", "amount"));
        if (amount.Amount <= 0) return Refuse<ContributionReceived>(Refusal.Invalid("amount-not-positive",
            "A receipt is for an amount greater than zero.",
            "amount"));
        if (amount.Amount > contribution.ReceivableOriginal)
            return Refuse<ContributionReceived>(Refusal.RuleBroken("receipt-exceeds-receivable",
                $"Only {contribution.ReceivableOriginal} {amount.Currency} is still receivable on this contribution; the receipt is for "
                    + $"{amount.Amount} {amount.Currency}.", "amount"));

        RateInForce rate;
        if (overrideRate is { } given)
        {
            if (given <= 0) return Refuse<ContributionReceived>(Refusal.Invalid("exchange-rate-not-positive",
                "The rate to CHF must be greater than zero.",
                "rateToChf"));
            if (string.IsNullOrWhiteSpace(overrideReason))
                return Refuse<ContributionReceived>(Refusal.Invalid("rate-override-needs-reason",
                    "A rate other than the month's recorded rate needs a reason (rateReason).",
                    "rateReason"));
            rate = new RateInForce(given, "override", YearMonth.Of(valueDate).ToString());
        }
        else
        {
            var (found, missing) = ExchangeRateLookup.Find(valueMonthRates, amount.Currency, valueDate);
            if (missing is not null) return Refuse<ContributionReceived>(missing);
            rate = found!;
        }

        var amountChf = amount.ToChf(rate.RateToChf).Amount;
        if (Bounds.AmountChf(amountChf, "amount") is { } tooLarge) return Refuse<ContributionReceived>(tooLarge);
        // The receipt that clears the receivable clears its carrying amount exactly, so no rounding residue remains.
        var relief = amount.Amount == contribution.ReceivableOriginal
            ? contribution.ReceivableChf
            : amount.ToChf(agreement.RateToChf).Amount;
        var psc = Money.Chf(amountChf).Percent(agreement.PscRatePercent).Amount;
        return Decision.Accept(new ContributionReceived(
            contribution.Id, contribution.DonorId, amount, valueDate, bankReference, rate.RateToChf, rate.Source, rate.Month,
            overrideRate is null ? null : overrideReason!.Trim(), amountChf, relief, amountChf - relief, agreement.PscRatePercent, psc,
            contribution.Earmark, actor.Subject, actor.Now, contribution.Obligations));
    }

    public static Decision<ContributionWrittenOff> WriteOff(Contribution contribution, Money amount, string reason, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(actor.Today) is { } shut) return Refuse<ContributionWrittenOff>(shut);
        if (contribution.Agreement is not { } agreement)
            return Refuse<ContributionWrittenOff>(Refusal.Conflict("agreement-not-signed", "Only a signed agreement has a balance to write off."));
        if (amount.Currency != agreement.Amount.Currency)
            return Refuse<ContributionWrittenOff>(Refusal.RuleBroken("write-off-currency-must-match-agreement",
                $"The agreement is in {agreement.Amount.Currency}; the write-off is in {amount.Currency}.", "amount"));
        if (amount.Amount <= 0) return Refuse<ContributionWrittenOff>(Refusal.Invalid("amount-not-positive",
            "A write-off is for an amount greater than zero.",
            "amount"));
        if (amount.Amount > contribution.ReceivableOriginal)
            return Refuse<ContributionWrittenOff>(Refusal.RuleBroken("write-off-exceeds-receivable",
                $"Only {contribution.ReceivableOriginal} {amount.Currency} is unpaid on this contribution.", "amount"));

        var amountChf = amount.Amount == contribution.ReceivableOriginal ? contribution.ReceivableChf : amount.ToChf(agreement.RateToChf).Amount;
        var fromDeferred = Math.Min(amountChf, contribution.DeferredRevenueChf);
        return Decision.Accept(new ContributionWrittenOff(
            contribution.Id, contribution.DonorId, amount, reason, actor.Today, amountChf, fromDeferred, amountChf - fromDeferred,
            contribution.Earmark, actor.Subject, actor.Now, contribution.Obligations));
    }

    public static Decision<ContributionRefunded> Refund(Contribution contribution, decimal amountChf, string reason, string donorConsentReference,
        ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(actor.Today) is { } shut) return Refuse<ContributionRefunded>(shut);
        if (amountChf <= 0) return Refuse<ContributionRefunded>(Refusal.Invalid("amount-not-positive", "A refund is for an amount greater than zero.",
            "amountChf"));
        if (decimal.Round(amountChf, 2) != amountChf)
            return Refuse<ContributionRefunded>(Refusal.Invalid("amount-too-precise", "CHF amounts are exact to the centime (two decimals).",
                "amountChf"));
        if (amountChf > contribution.AvailableChf)
            return Refuse<ContributionRefunded>(Refusal.RuleBroken("refund-exceeds-unspent",
                $"Only CHF {contribution.AvailableChf} of this contribution is unspent; the refund is for CHF {amountChf}.", "amountChf"));

        return Decision.Accept(new ContributionRefunded(
            contribution.Id, contribution.DonorId, amountChf, reason, donorConsentReference, actor.Today, contribution.Earmark, actor.Subject,
                actor.Now, contribution.Obligations));
    }

    /// <summary>
    /// Reverses the money event stored at <paramref name="sequence"/>; <paramref name="original"/> is what is stored
    /// there (null: nothing).
    /// </summary>
    public static Decision<ContributionEventReversed> Reverse(Contribution contribution, long sequence, Guid? originalStreamId, object? original,
        string reason, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(actor.Today) is { } shut) return Refuse<ContributionEventReversed>(shut);
        if (original is null || originalStreamId != contribution.Id)
            return Refuse<ContributionEventReversed>(Refusal.RuleBroken("event-not-in-contribution",
                $"Event {sequence} is not an event of this contribution.", "eventSequence"));
        if (original is not (ContributionReceived or ContributionWrittenOff or ContributionRefunded))
            return Refuse<ContributionEventReversed>(Refusal.RuleBroken("event-not-reversible",
                $"Event {sequence} is a {original.GetType().Name}; only receipts, write-offs and refunds are reversed.", "eventSequence"));
        if (contribution.ReversedSequences.Contains(sequence))
            return Refuse<ContributionEventReversed>(Refusal.Conflict("event-already-reversed", $"Event {sequence} is already reversed."));

        var reversal = new ContributionEventReversed(
            contribution.Id, contribution.DonorId, sequence, reason, actor.Today,
            original as ContributionReceived, original as ContributionWrittenOff, original as ContributionRefunded, actor.Subject, actor.Now);
        var after = contribution.Apply(reversal);
        if (after.AvailableChf < 0)
            return Refuse<ContributionEventReversed>(Refusal.RuleBroken("reversal-exceeds-unspent",
                $"Reversing event {sequence} would take CHF {-after.AvailableChf} more than is unspent on this contribution; reverse the refund "
                    + $"or spending first."));
        if (after.ReceivableOriginal > (contribution.Agreement?.Amount.Amount ?? 0m) || after.ReceivableOriginal < 0)
            return Refuse<ContributionEventReversed>(Refusal.RuleBroken("reversal-invalid",
                $"Reversing event {sequence} would leave an impossible receivable."));
        return Decision.Accept(reversal);
    }

    private static Decision<T> Refuse<T>(Refusal refusal) => Decision.Refuse<T>(refusal);
}
