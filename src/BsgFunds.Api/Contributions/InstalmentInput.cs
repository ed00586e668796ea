using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Http;
using BsgFunds.Api.Streams;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace BsgFunds.Api.Contributions;

public sealed record InstalmentInput([property: Required] [property: ForwardLooking] DateOnly? DueOn, [property: Required] MoneyInput? Amount);
