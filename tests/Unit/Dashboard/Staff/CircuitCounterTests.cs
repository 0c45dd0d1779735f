using FrontDesk.Dashboard.Staff;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Tests.Unit.Dashboard.Staff;

/// <summary>Open circuits per account (SignIn:MaxCircuitsPerAccount, wall displays their own limit).</summary>
public sealed class CircuitCounterTests
{
    private readonly CircuitCounter _counter = new(new SignInOptions { MaxCircuitsPerAccount = 3, MaxCircuitsPerDisplay = 2 });

    [Fact]
    public void TryOpen_UpToTheLimit_Admits()
    {
        Assert.True(_counter.TryOpen("rita", StaffRole.Receptionist));
        Assert.True(_counter.TryOpen("rita", StaffRole.Receptionist));
        Assert.True(_counter.TryOpen("rita", StaffRole.Receptionist));

        Assert.Equal(3, _counter.OpenFor("rita"));
    }

    [Fact]
    public void TryOpen_OneOverTheLimit_IsRefusedAndNotCounted()
    {
        for (var i = 0; i < 3; i++)
        {
            _counter.TryOpen("rita", StaffRole.Receptionist);
        }

        Assert.False(_counter.TryOpen("rita", StaffRole.Receptionist));
        Assert.Equal(3, _counter.OpenFor("rita"));
    }

    [Fact]
    public void TryOpen_AfterARelease_AdmitsAgain()
    {
        for (var i = 0; i < 3; i++)
        {
            _counter.TryOpen("rita", StaffRole.Receptionist);
        }

        _counter.Release("rita");

        Assert.True(_counter.TryOpen("rita", StaffRole.Receptionist));
    }

    [Fact]
    public void TryOpen_OtherAccount_HasItsOwnCount()
    {
        for (var i = 0; i < 3; i++)
        {
            _counter.TryOpen("rita", StaffRole.Receptionist);
        }

        Assert.True(_counter.TryOpen("milo", StaffRole.Manager));
    }

    [Fact]
    public void TryOpen_Display_UsesTheDisplayLimit()
    {
        Assert.True(_counter.TryOpen("wall", StaffRole.Display));
        Assert.True(_counter.TryOpen("wall", StaffRole.Display));

        Assert.False(_counter.TryOpen("wall", StaffRole.Display));
    }

    [Fact]
    public void Release_MoreThanOpened_NeverGoesBelowZero()
    {
        _counter.TryOpen("rita", StaffRole.Receptionist);

        _counter.Release("rita");
        _counter.Release("rita");

        Assert.Equal(0, _counter.OpenFor("rita"));
    }
}
