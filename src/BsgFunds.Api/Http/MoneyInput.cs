using System.Text.Json.Serialization;

namespace BsgFunds.Api.Http;

/// <summary>
/// Money as a client sends it: <c>{ "amount": 1250.50, "currency": "USD" }</c>. An instalment may give a bare number,
/// which is in the agreement's currency. Checked into a domain <see cref="Money"/> by <see cref="Inputs"/>.
/// </summary>
[JsonConverter(typeof(MoneyInputConverter))]
public sealed record MoneyInput([property: Required] decimal? Amount, [property: Required] string? Currency);
