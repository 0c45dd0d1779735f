using System.Text;
using FrontDesk.Dashboard.Security;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

public sealed class RequestHashTests
{
    private static string Hash(string method, string path, string body) => RequestHash.Of(method, path, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Of_SameRequest_SameHash() =>
        Assert.Equal(Hash("POST", "/api/v1/clients", "{\"name\":\"Ella\"}"), Hash("post", "/api/v1/clients", "{\"name\":\"Ella\"}"));

    [Fact]
    public void Of_DifferentBody_DifferentHash() =>
        Assert.NotEqual(Hash("POST", "/api/v1/clients", "{\"name\":\"Ella\"}"), Hash("POST", "/api/v1/clients", "{\"name\":\"Ellb\"}"));

    [Fact]
    public void Of_DifferentPath_DifferentHash() =>
        Assert.NotEqual(Hash("POST", "/api/v1/a", "{}"), Hash("POST", "/api/v1/b", "{}"));

    [Fact]
    public void Of_PathAndBodyBoundaryMoved_DifferentHash() =>
        Assert.NotEqual(Hash("POST", "/api/v1/ab", "c"), Hash("POST", "/api/v1/a", "bc"));

    [Fact]
    public void Of_AnyRequest_Sha256InLowerHex() =>
        Assert.Matches("^[0-9a-f]{64}$", Hash("POST", "/x", ""));
}
