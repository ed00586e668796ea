namespace BsgFunds.Api.Transparency;

public sealed record SigningKeys(IReadOnlyList<SigningKeyView> Keys);
