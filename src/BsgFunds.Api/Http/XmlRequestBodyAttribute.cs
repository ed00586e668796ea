namespace BsgFunds.Api.Http;

/// <summary>
/// The endpoint reads an XML document as its body itself (no JSON command): the OpenAPI document describes the body as
/// application/xml and text/xml, with this description, and the 415 answered to any other Content-Type.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class XmlRequestBodyAttribute(string description) : Attribute
{
    public static readonly string[] MediaTypes = ["application/xml", "text/xml"];

    public string Description { get; } = description;
}
