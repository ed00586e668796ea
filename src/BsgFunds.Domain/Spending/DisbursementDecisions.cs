using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

/// <summary>Decisions on disbursements (domain.md §4 to §6).</summary>
public static class DisbursementDecisions
{
    public static Decision<DisbursementRequested> Request(
        Allocation allocation, Guid id, decimal amountChf, DisbursementKind kind, Payee payee, string purpose, Meeting? meeting,
        FellowshipType? fellowship, Country? payeeCountry, IReadOnlyList<GrantedFellowship> granted, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(actor.Today) is { } shut) return Refuse(shut);
        if (allocation.Status != AllocationStatus.Approved)
            return Refuse(Refusal.Conflict("allocation-not-approved",
                $"Disbursements are made against an approved allocation; this one is {allocation.Status}."));
        if (amountChf <= 0) return Refuse(Refusal.Invalid("amount-not-positive", "A disbursement is for an amount greater than zero.", "amountChf"));
        if (decimal.Round(amountChf, 2) != amountChf) return Refuse(Refusal.Invalid("amount-too-precise", "CHF amounts are exact to the centime.",
            "amountChf"));
        if (payeeCountry is null) return Refuse(Refusal.Invalid("country-unknown",
            $"'{payee.CountryCode}' is not an ISO 3166 alpha-2 country code in the country list.",
            "payee.countryCode"));
        if (amountChf > allocation.RemainingChf)
            return Refuse(Refusal.RuleBroken("disbursement-exceeds-remaining",
                $"Only CHF {allocation.RemainingChf} of the allocation remains; the disbursement is for CHF {amountChf}.", "amountChf"));
        if (kind == DisbursementKind.Fellowship && FellowshipProblem(payee, meeting!, fellowship!.Value, payeeCountry, granted) is { } problem)
            return Refuse(problem);

        return Decision.Accept(new DisbursementRequested(allocation.Id, id, amountChf, kind, payee, purpose, meeting, fellowship, actor.Subject,
            actor.Now));
    }

    /// <summary>
    /// Fellowships go only to nationals of eligible countries on the meeting date; per meeting and country, one full or
    /// two partial (one of them the ticket); per person and financial year, one full or two partial (domain.md §6).
    /// </summary>
    public static Refusal? FellowshipProblem(Payee payee, Meeting meeting, FellowshipType type, Country country,
        IReadOnlyList<GrantedFellowship> granted)
    {
        if (!country.IsEligibleForFellowshipsOn(meeting.StartsOn))
            return Refusal.RuleBroken("payee-not-eligible-for-fellowship",
                $"{country.Name} is not on the list of countries eligible for fellowships on {meeting.StartsOn:yyyy-MM-dd}.", "payee.countryCode");

        var atMeeting = granted.Where(g => g.MeetingCode == meeting.Code && g.CountryCode == payee.CountryCode).Select(g => g.Type).ToList();
        if (!Allowed(atMeeting, type, ticketRequired: true))
            return Refusal.RuleBroken("meeting-country-fellowship-limit",
                $"{country.Name} already has {Describe(atMeeting)} for meeting {meeting.Code}: at most one full or two partial fellowships per "
                    + $"country, and two partials include the ticket.");

        var ofPerson = granted.Where(g => g.PersonId == payee.PersonId && g.Year == meeting.StartsOn.Year).Select(g => g.Type).ToList();
        if (!Allowed(ofPerson, type, ticketRequired: false))
            return Refusal.RuleBroken("person-fellowship-limit",
                $"Person {payee.PersonId} already has {Describe(ofPerson)} in {meeting.StartsOn.Year}: at most one full or two partial "
                    + $"fellowships per person and financial year.");
        return null;
    }

    private static bool Allowed(List<FellowshipType> existing, FellowshipType added, bool ticketRequired)
    {
        var all = existing.Append(added).ToList();
        if (all.Contains(FellowshipType.Full)) return all.Count == 1;
        if (all.Count > 2) return false;
        return !ticketRequired || all.Count < 2 || all.Contains(FellowshipType.Ticket);
    }

    private static string Describe(List<FellowshipType> types) => types.Count == 0 ? "no fellowship" : string.Join(" and ",
        types.Select(t => t.ToString().ToLowerInvariant()));

    public static Decision<DisbursementCertified> Certify(Allocation allocation, Guid id, Actor actor)
    {
        var d = allocation.Disbursement(id)!;
        if (d.Status != DisbursementStatus.Requested)
            return Decision.Refuse<DisbursementCertified>(Refusal.Conflict("disbursement-not-requested",
                $"The disbursement is {d.Status}; only a requested one is certified."));
        return Decision.Accept(new DisbursementCertified(allocation.Id, id, actor.Subject, actor.Now));
    }

    public static Decision<DisbursementApproved> Approve(Allocation allocation, Guid id, Approver approver, Actor actor)
    {
        var d = allocation.Disbursement(id)!;
        if (d.Status != DisbursementStatus.Certified)
            return Decision.Refuse<DisbursementApproved>(Refusal.Conflict("disbursement-not-certified",
                $"The disbursement is {d.Status}; delivery is certified before approval."));
        if (d.Request.RequestedBy == actor.Subject)
            return Decision.Refuse<DisbursementApproved>(Refusal.RuleBroken("approver-must-not-be-requester",
                "Nobody approves a disbursement they requested."));
        if (d.Certified!.By == actor.Subject)
            return Decision.Refuse<DisbursementApproved>(Refusal.RuleBroken("approver-must-not-be-certifier",
                "The officer who certified delivery does not approve the disbursement."));
        var (role, delegationId, refusal) = approver.Authorise(d.Request.AmountChf, actor.Today);
        return refusal is not null
            ? Decision.Refuse<DisbursementApproved>(refusal)
            : Decision.Accept(new DisbursementApproved(allocation.Id, id, actor.Subject, role, delegationId, actor.Now));
    }

    public static Decision<DisbursementPaid> Pay(Allocation allocation, Guid id, DateOnly paidOn, string paymentReference, ClosedYears closed,
        Actor actor)
    {
        if (closed.Refuse(paidOn) is { } shut) return Decision.Refuse<DisbursementPaid>(shut);
        var d = allocation.Disbursement(id)!;
        if (d.Status != DisbursementStatus.Approved)
            return Decision.Refuse<DisbursementPaid>(Refusal.Conflict("disbursement-not-approved",
                $"The disbursement is {d.Status}; only an approved one is paid."));
        return Decision.Accept(new DisbursementPaid(allocation.Id, id, paidOn, paymentReference, d.Request.AmountChf, allocation.Request.Use,
            Funding.SplitPayment(allocation, d.Request.AmountChf), actor.Subject, actor.Now));
    }

    public static Decision<DisbursementCancelled> Cancel(Allocation allocation, Guid id, string reason, Actor actor)
    {
        var d = allocation.Disbursement(id)!;
        if (d.Status is DisbursementStatus.Paid or DisbursementStatus.Cancelled)
            return Decision.Refuse<DisbursementCancelled>(Refusal.Conflict("disbursement-not-cancellable",
                $"The disbursement is {d.Status}; only an unpaid one is cancelled."));
        return Decision.Accept(new DisbursementCancelled(allocation.Id, id, actor.Subject, reason, actor.Now));
    }

    private static Decision<DisbursementRequested> Refuse(Refusal refusal) => Decision.Refuse<DisbursementRequested>(refusal);
}
