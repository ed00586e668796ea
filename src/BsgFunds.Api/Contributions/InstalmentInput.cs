using BsgFunds.Api.Audit;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Contributions;

public sealed record InstalmentInput([property: Required] [property: ForwardLooking] DateOnly? DueOn, [property: Required] MoneyInput? Amount);
