namespace BsgFunds.Api.Http;

/// <summary>The JWT claims BsgFunds reads (api.md, Conventions).</summary>
public static class Claims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string DonorId = "donor_id";
}
