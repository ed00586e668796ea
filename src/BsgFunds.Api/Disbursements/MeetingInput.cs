using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Allocations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Funding;
using BsgFunds.Api.Http;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Disbursements;

public sealed record MeetingInput(string? Code, [property: ForwardLooking] DateOnly? StartsOn);
