using System.Net.Http.Json;
using System.Text.Json;

namespace BsgFunds.TestSupport;

/// <summary>Talks to a running API as its callers do: a bearer token on every request, JSON both ways.</summary>
public sealed class ApiClient(Uri address, TimeSpan timeout) : IDisposable
{
    /// <summary>For what a driver measures or checks itself: its own headers, streaming reads, raw answers.</summary>
    public HttpClient Http { get; } = new() { BaseAddress = address, Timeout = timeout };

    public Uri Address => address;

    /// <summary>A signed token from the Development-only <c>/api/dev/token</c>, for any person, roles and (for the portal) donor.</summary>
    public async Task<string> DevTokenAsync(string sub, string name, IReadOnlyList<string> roles, Guid? donorId = null)
    {
        object body = donorId is null ? new { sub, name, roles } : new { sub, name, roles, donorId };
        using var response = await Http.PostAsJsonAsync("/api/dev/token", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A request carrying the caller's token and, if there is one, a JSON body; the caller adds its own headers.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Authorization", $"Bearer {token}");
        return request;
    }

    /// <summary>The answer as it came, whatever its status: for callers that count successes or look at refusals.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body = null)
    {
        using var request = Request(method, url, token, body);
        return await Http.SendAsync(request);
    }

    /// <summary>The answer's JSON (default when it has no body); anything but success throws with the status and the body.</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string url, string token, object? body = null)
    {
        using var response = await SendAsync(method, url, token, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> GetJsonAsync(string url, string token) => SendJsonAsync(HttpMethod.Get, url, token);

    /// <summary>Creates something and returns the id the API answered with, or an empty id when the answer has none.</summary>
    public async Task<Guid> PostForIdAsync(string url, string token, object body)
    {
        var json = await SendJsonAsync(HttpMethod.Post, url, token, body);
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty;
    }

    public void Dispose() => Http.Dispose();
}
