using BsgFunds.Api.Audit;
using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Contributions;

public sealed record ConditionInput([property: Required] string? Description);
