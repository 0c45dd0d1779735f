using FrontDesk.Tests.Unit.Support;
using System.Text;
using FrontDesk.Dashboard.Business;
using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Catalog;
using FrontDesk.Dashboard.Clients;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Packages;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Staff;
using FrontDesk.Tests.Unit.Dashboard.Api;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Unit.Dashboard.Security;

/// <summary>
/// Every command of the permissions table, called through its application service as the wall
/// display, anonymously, and as a receptionist where a manager is needed: each is refused
/// (Forbidden) and not one row changes. A command added to the table without a call here fails
/// the first test, so none can be forgotten.
/// </summary>
public sealed class PermissionTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly Caller Display = Caller.Staff("display-1", "Waiting room", StaffRole.Display);
    private static readonly Caller Receptionist = Caller.Staff("rec-1", "Rita", StaffRole.Receptionist);

    /// <summary>How to call each command; the arguments need not be valid, as the right is checked first.</summary>
    private Dictionary<string, Func<Caller, Task>> Calls()
    {
        var s = app.Services;
        var appointments = s.GetRequiredService<AppointmentService>();
        var clients = s.GetRequiredService<ClientService>();
        var import = s.GetRequiredService<ClientImport>();
        var catalog = s.GetRequiredService<CatalogService>();
        var packages = s.GetRequiredService<PackageService>();
        var settings = s.GetRequiredService<SettingsService>();
        var business = s.GetRequiredService<BusinessProfileStore>();
        var keys = s.GetRequiredService<ApiKeyService>();
        var staff = s.GetRequiredService<FrontDesk.Dashboard.Staff.StaffAdministration>();
        var work = s.GetRequiredService<UnitOfWork>();
        var memberships = s.GetRequiredService<FrontDesk.Dashboard.Memberships.MembershipService>();
        var quotes = s.GetRequiredService<FrontDesk.Dashboard.Quotes.QuoteService>();
        var sales = s.GetRequiredService<FrontDesk.Dashboard.Sales.ISaleService>();
        var client = app.Clinic.Olivia.Id.Value;
        var service = app.Clinic.Massage.Id.Value;
        var provider = app.Clinic.AllDay.Id.Value;
        var start = FrontDesk.Tests.Unit.Support.A.Now.AddDays(1);
        var any = Guid.NewGuid();
        SaveService Service(Caller c) => new("Forbidden facial", "Beauty", [], 30, 10m, 0, [], [], true, true, null, c);
        SaveTemplate Template(Caller c) => new("Forbidden x5", PackageKind.Course, PackageValueType.Sessions, [], [service], false, 5, 50m, 0m, true, null, null, default, null, c);
        return new()
        {
            [Permissions.Book] = c => appointments.BookAsync(new BookAppointment(client, service, provider, start, false, null, c)),
            [Permissions.Move] = c => appointments.MoveAsync(new MoveAppointment(any, start, null, false, c)),
            [Permissions.AttachPackage] = c => appointments.AttachPackageAsync(new AttachPackage(any, any, null, c)),
            [Permissions.DetachPackage] = c => appointments.DetachPackageAsync(any, c),
            [Permissions.CheckIn] = c => appointments.CheckInAsync(any, c),
            [Permissions.NoShow] = c => appointments.MarkNoShowAsync(any, c),
            [Permissions.Cancel] = c => appointments.CancelAsync(any, null, c),
            [Permissions.CheckOut] = c => appointments.CheckOutAsync(new CheckOutAppointment(any, [], c)),
            [Permissions.RegisterClient] = c => clients.RegisterAsync(new RegisterClient("Forbidden Person", null, null, null, c)),
            [Permissions.UpdateClient] = c => clients.UpdateAsync(new UpdateClient(client, new ClientDetails("Renamed"), true, c)),
            [Permissions.MergeClients] = c => clients.MergeAsync(app.Clinic.Noah.Id.Value, client, c),
            [Permissions.EraseClient] = c => clients.EraseAsync(client, c),
            [Permissions.ImportClients] = c => import.ImportAsync(new CsvTable(["Name"], [new CsvRow(2, ["Imported Person"])]), [ImportField.Name], c),
            [Permissions.CreateService] = c => catalog.CreateServiceAsync(Service(c)),
            [Permissions.UpdateService] = c => catalog.UpdateServiceAsync(service, Service(c)),
            [Permissions.DeleteService] = c => catalog.DeleteServiceAsync(service, c),
            [Permissions.CreateProvider] = c => catalog.CreateProviderAsync(new SaveProvider("Forbidden Smith", null, [], true, null, null, c)),
            [Permissions.UpdateProvider] = c => catalog.UpdateProviderAsync(provider, new SaveProvider("Renamed", null, [], true, null, null, c)),
            [Permissions.DeleteProvider] = c => catalog.DeleteProviderAsync(provider, c),
            [Permissions.SetSchedule] = c => catalog.SetScheduleAsync(new SetSchedule(provider, [], [], c)),
            [Permissions.CreateResource] = c => catalog.CreateResourceAsync(new SaveResource("Forbidden room", ResourceKind.Room, true, c)),
            [Permissions.UpdateResource] = c => catalog.UpdateResourceAsync(FrontDesk.Tests.Unit.Support.Clinic.LaserMachine.Value, new SaveResource("Renamed", ResourceKind.Room, true, c)),
            [Permissions.DeleteResource] = c => catalog.DeleteResourceAsync(FrontDesk.Tests.Unit.Support.Clinic.LaserMachine.Value, c),
            [Permissions.AddClosure] = c => catalog.AddClosureAsync(new AddClosure(DateOnly.FromDateTime(start.UtcDateTime), "Forbidden", c)),
            [Permissions.RemoveClosure] = c => catalog.RemoveClosureAsync(DateOnly.FromDateTime(start.UtcDateTime), c),
            [Permissions.CreateTemplate] = c => packages.CreateTemplateAsync(Template(c)),
            [Permissions.EditTemplate] = c => packages.EditTemplateAsync(any, Template(c)),
            [Permissions.SetTemplateActive] = c => packages.SetTemplateActiveAsync(any, false, c),
            [Permissions.AcquirePackage] = c => packages.AcquireAsync(new AcquirePackage(client, any, AcquisitionMode.Complimentary, "gift", null, c)),
            [Permissions.PayPackage] = c => packages.PayAsync(any, [], c),
            [Permissions.AdjustPackage] = c => packages.AdjustAsync(any, 1m, "why", c),
            [Permissions.ChangeExpiry] = c => packages.ChangeExpiryAsync(any, null, "why", c),
            [Permissions.FreezePackage] = c => packages.FreezeAsync(any, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(start.UtcDateTime).AddDays(3), c),
            [Permissions.UnfreezePackage] = c => packages.UnfreezeAsync(any, c),
            [Permissions.TransferPackage] = c => packages.TransferAsync(any, client, c),
            [Permissions.CancelPackage] = c => packages.CancelAsync(any, "why", c),
            [Permissions.ExpirePackages] = c => work.RunAsync(c, Permissions.ExpirePackages, _ => Task.FromResult(0)),
            [Permissions.CreateProduct] = c => memberships.CreateProductAsync(new FrontDesk.Dashboard.Memberships.SaveProduct("Forbidden cream", 5m, null, c)),
            [Permissions.UpdateProduct] = c => memberships.UpdateProductAsync(any, new FrontDesk.Dashboard.Memberships.SaveProduct("Renamed", 5m, null, c), null),
            [Permissions.ReceiveStock] = c => memberships.ReceiveAsync([new FrontDesk.Dashboard.Memberships.StockLine(any, 1)], "Supplier", c),
            [Permissions.WriteOffStock] = c => memberships.WriteOffAsync([new FrontDesk.Dashboard.Memberships.StockLine(any, 1)], "Broken", c),
            [Permissions.SellProducts] = c => memberships.SellAsync(new FrontDesk.Dashboard.Memberships.SellProducts(null, null, [new FrontDesk.Dashboard.Memberships.SellLine(any, 1, "FORBID1", false, null)], [], c)),
            [Permissions.UseMembership] = c => memberships.UseAsync("FORBID1", any, c),
            [Permissions.GiveBackMembershipVisit] = c => memberships.GiveBackAsync("FORBID1", any, c),
            [Permissions.AssignMembership] = c => memberships.AssignAsync("FORBID1", client, c),
            [Permissions.SaveInventorySettings] = c => memberships.SaveSettingsAsync(new FrontDesk.Dashboard.Memberships.InventorySettings(true), c),
            [Permissions.SaveNumbering] = c => quotes.CreateSequenceAsync(new FrontDesk.Dashboard.Quotes.SaveSequence(FrontDesk.Domain.Quotes.SequenceKind.Quote, "F", 1, false, c)),
            [Permissions.SaveQuoteTemplate] = c => quotes.CreateTemplateAsync(new FrontDesk.Dashboard.Quotes.SaveQuoteTemplate("Forbidden plan", [new(service, 2, 10m)], 30, c)),
            [Permissions.CreateQuote] = c => quotes.CreateQuoteAsync(new FrontDesk.Dashboard.Quotes.CreateQuote(client, any, "Forbidden", null, true, null, null, null, c)),
            [Permissions.EditQuote] = c => quotes.ReplaceItemsAsync(any, [new(service, 1, null)], c),
            [Permissions.ConfirmQuote] = c => quotes.ConfirmAsync(any, c),
            [Permissions.SellFromQuote] = c => quotes.SellFromQuoteAsync(new FrontDesk.Dashboard.Quotes.SellFromQuote(any, [(1, 1)], [], c)),
            [Permissions.EndQuote] = c => quotes.CloseAsync(any, c),
            [Permissions.SellServices] = c => quotes.SellServicesAsync(new FrontDesk.Dashboard.Quotes.SellServices(client, [service], [], c)),
            [Permissions.CreateSale] = c => sales.CreateAsync(new FrontDesk.Dashboard.Sales.CreateSale(client, null, [new(FrontDesk.Dashboard.Sales.SaleItemType.Service, service)], null, null, [], c)),
            [Permissions.PaySale] = c => sales.PayAsync(new FrontDesk.Dashboard.Sales.PaySale(any, [new(FrontDesk.Domain.Sales.PaymentMethod.Card, 10m)], c)),
            [Permissions.RefundSale] = c => sales.RefundAsync(new FrontDesk.Dashboard.Sales.RefundSale(any, [new(1, 1)], null, "changed mind", c)),
            [Permissions.EmailReceipt] = c => s.GetRequiredService<FrontDesk.Dashboard.Sales.Receipts.ReceiptService>().EmailAsync(any, c),
            [Permissions.SaveReceiptSettings] = c => s.GetRequiredService<FrontDesk.Dashboard.Sales.Receipts.ReceiptSettingsService>().SaveAsync(new FrontDesk.Dashboard.Sales.Receipts.ReceiptSettings("Forbidden street", null, "VAT", 20m, true), c),
            [Permissions.SaveBusinessSettings] = c => business.SaveAsync(business.Current with { Name = "Forbidden clinic" }, c),
            [Permissions.SavePackageSettings] = c => settings.SaveAsync(new PackageSettings(RedemptionPolicy.AtBooking, true), c),
            [Permissions.SaveAttendanceSettings] = c => settings.SaveAsync(AttendanceSettings.Default with { LateCancellationHours = 48 }, c),
            [Permissions.ListApiKeys] = c => keys.ListAsync(c),
            [Permissions.CreateApiKey] = c => keys.CreateAsync(new CreateApiKey("Forbidden key", StaffRole.Manager, false, c)),
            [Permissions.RevokeApiKey] = c => keys.RevokeAsync(any, c),
            [Permissions.ListStaff] = c => staff.ListAsync(c),
            [Permissions.InviteStaff] = c => staff.InviteAsync(c, new FrontDesk.Dashboard.Staff.InviteStaff("Forbidden Person", "forbidden@clinic.test", StaffRole.Receptionist)),
            [Permissions.ChangeStaffRole] = c => staff.ChangeRoleAsync(c, any.ToString(), StaffRole.Manager),
            [Permissions.DisableStaff] = c => staff.SetDisabledAsync(c, any.ToString(), disabled: true),
            [Permissions.EnableStaff] = c => staff.SetDisabledAsync(c, any.ToString(), disabled: false),
            [Permissions.ResetStaffPassword] = c => staff.ResetPasswordAsync(c, any.ToString()),
            [Permissions.CreatePairingCode] = c => staff.CreatePairingCodeAsync(c, "Forbidden wall"),
        };
    }

    [Fact]
    public void Calls_EveryCommandOfThePermissionsTable_HasOne()
    {
        var calls = Calls();

        Assert.Equal(Permissions.Table.Keys.Order(), calls.Keys.Order());
    }

    [Fact]
    public async Task EveryCommand_AsDisplayAnonymousOrReceptionistWhereManagerNeeded_ForbiddenAndNothingChanged()
    {
        var before = Fingerprint();
        var failures = new List<string>();
        foreach (var (command, call) in Calls())
        {
            var callers = new List<Caller> { Display, Caller.Anonymous };
            if (!Permissions.Table[command].Roles.Contains(StaffRole.Receptionist))
            {
                callers.Add(Receptionist);
            }
            foreach (var caller in callers)
            {
                try
                {
                    await call(caller);
                    failures.Add($"{command} as {caller}: done");
                }
                catch (DomainException refused) when (refused.Kind == DomainErrorKind.Forbidden)
                {
                    if (!refused.Message.StartsWith("You are not allowed to ", StringComparison.Ordinal))
                    {
                        failures.Add($"{command} as {caller}: {refused.Message}");
                    }
                }
                catch (Exception other)
                {
                    failures.Add($"{command} as {caller}: {other.GetType().Name} {other.Message}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task DeskCommand_AsReceptionist_Allowed()
    {
        var view = await app.Services.GetRequiredService<ClientService>().RegisterAsync(new RegisterClient("Allowed Person", null, null, null, Receptionist));

        Assert.Equal("Allowed Person", view.Name);
    }

    [Fact]
    public async Task OnlineChannel_BookAllowedCheckInForbidden()
    {
        var online = Caller.ApiKey("k1", "Widget", null, onlineChannel: true);

        Assert.True(Permissions.Allows(online, Permissions.Book));
        Assert.True(Permissions.Allows(online, Permissions.Cancel));
        var refused = await Assert.ThrowsAsync<DomainException>(() => app.Services.GetRequiredService<AppointmentService>().CheckInAsync(Guid.NewGuid(), online));
        Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
    }

    /// <summary>Every row of every table, as text.</summary>
    private string Fingerprint() => DatabaseFingerprint.Of(app.DatabaseFile);
}
