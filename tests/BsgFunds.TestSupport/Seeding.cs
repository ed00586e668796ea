namespace BsgFunds.TestSupport;

/// <summary>
/// The chain every driver needs before money moves, through the API as a finance officer would enter it: a donor, a pledge
/// from other voluntary sources in CHF, its signed agreement, receipts against it. Any refusal throws.
/// </summary>
public static class Seeding
{
    public static Task<Guid> RegisterDonorAsync(this ApiClient api, string token, string name, string type, string? countryCode = null) =>
        api.PostForIdAsync("/api/donors", token, countryCode is null ? new { name, type } : new { name, type, countryCode });

    public static Task<Guid> PledgeAsync(this ApiClient api, string token, Guid donorId, decimal amount, DateOnly pledgedOn) =>
        api.PostForIdAsync("/api/contributions", token, new { donorId, source = "OtherVoluntary", amount = Chf(amount), pledgedOn });

    public static Task SignAgreementAsync(this ApiClient api, string token, Guid contributionId, decimal amount, AgreementTerms terms)
    {
        var instalments = new[] { new { dueOn = terms.DueOn, amount } };
        object body = terms.PscRatePercent is { } psc
            ? new { signedOn = terms.SignedOn, reference = terms.Reference, amount = Chf(amount), pscRatePercent = psc, instalments }
            : new { signedOn = terms.SignedOn, reference = terms.Reference, amount = Chf(amount), instalments };
        return api.SendJsonAsync(HttpMethod.Post, $"/api/contributions/{contributionId}/agreement", token, body);
    }

    public static Task RecordReceiptAsync(this ApiClient api, string token, Guid contributionId, decimal amount, DateOnly valueDate,
        string bankReference) =>
        api.SendJsonAsync(HttpMethod.Post, $"/api/contributions/{contributionId}/receipts", token,
            new { amount = Chf(amount), valueDate, bankReference });

    /// <summary>A pledge and its signed agreement: a receivable, not yet cash.</summary>
    public static async Task<Guid> AgreedContributionAsync(this ApiClient api, string token, Guid donorId, decimal amount, DateOnly pledgedOn,
        AgreementTerms terms)
    {
        var contribution = await api.PledgeAsync(token, donorId, amount, pledgedOn);
        await api.SignAgreementAsync(token, contribution, amount, terms);
        return contribution;
    }

    /// <summary>A pledge, its agreement, and one receipt of the whole amount on the instalment's due date: cash to spend.</summary>
    public static async Task<Guid> ReceivedContributionAsync(this ApiClient api, string token, Guid donorId, decimal amount, DateOnly pledgedOn,
        AgreementTerms terms, string bankReference)
    {
        var contribution = await api.AgreedContributionAsync(token, donorId, amount, pledgedOn, terms);
        await api.RecordReceiptAsync(token, contribution, amount, terms.DueOn, bankReference);
        return contribution;
    }

    /// <summary>An amount in CHF as the API takes money: amount and currency.</summary>
    public static object Chf(decimal amount) => new { amount, currency = "CHF" };
}
