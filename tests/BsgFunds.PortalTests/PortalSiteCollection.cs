using Xunit;

namespace BsgFunds.PortalTests;

[CollectionDefinition(Name)]
public sealed class PortalSiteCollection : ICollectionFixture<PortalSite>
{
    public const string Name = "Portal site";
}
