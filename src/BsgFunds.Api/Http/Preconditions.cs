
namespace BsgFunds.Api.Http;

/// <summary>
/// Optimistic concurrency over HTTP: single resources carry an ETag with their stream version, and a command may
/// send If-Match with the version it read; a stale one is refused with 412 before anything is decided.
/// </summary>
public static class Preconditions
{
    public static string ETagOf(long version) => $"\"{version}\"";

    public static void SetETag(HttpContext http, long version)
    {
        if (!http.Response.HasStarted) http.Response.Headers.ETag = ETagOf(version);
    }

    public static void Check(HttpContext http, long currentVersion)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*") return;
        var versions = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag)
            .Select(tag => tag.Trim('"'));
        if (!versions.Contains(currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            throw new RefusedException(new Refusal(RefusalKind.PreconditionFailed, "precondition-failed",
                $"If-Match names a version this resource no longer has; it is now at version {currentVersion} "
                + $"(ETag {ETagOf(currentVersion)}). Read it again."));
        }
    }
}
