namespace BsgFunds.Api.Http;

/// <summary>Marks a date of a command that looks forward (an instalment due, a delegation's end): it may lie up to ten years ahead.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ForwardLookingAttribute : Attribute;
