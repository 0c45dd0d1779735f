using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;

namespace FrontDesk.Dashboard.Security;

/// <summary>Who may run one command: the staff roles, and whether the online booking channel may.</summary>
public sealed record Permission(string Command, string Doing, IReadOnlyList<StaffRole> Roles, bool OnlineChannel = false);

/// <summary>
/// The one table of rights: every command that changes something, by name, with the roles
/// allowed to run it. Owners and managers may do everything; receptionists run the front desk
/// (appointments, check-in and out, redemptions, selling packages, registering and editing
/// clients); the wall display changes nothing; the online channel books and cancels for
/// clients. The system (jobs, demo seeding) may do everything. Every application service checks
/// here before it reads or writes, since a circuit's handlers can be reached by whoever holds it.
/// </summary>
public static class Permissions
{
    public const string Book = "Appointments.Book";
    public const string Move = "Appointments.Move";
    public const string AttachPackage = "Appointments.AttachPackage";
    public const string DetachPackage = "Appointments.DetachPackage";
    public const string CheckIn = "Appointments.CheckIn";
    public const string NoShow = "Appointments.NoShow";
    public const string Cancel = "Appointments.Cancel";
    public const string CheckOut = "Appointments.CheckOut";

    public const string RegisterClient = "Clients.Register";
    public const string UpdateClient = "Clients.Update";
    public const string MergeClients = "Clients.Merge";
    public const string EraseClient = "Clients.Erase";
    public const string ImportClients = "Clients.Import";

    public const string CreateService = "Services.Create";
    public const string UpdateService = "Services.Update";
    public const string DeleteService = "Services.Delete";
    public const string CreateProvider = "Providers.Create";
    public const string UpdateProvider = "Providers.Update";
    public const string DeleteProvider = "Providers.Delete";
    public const string SetSchedule = "Providers.SetSchedule";
    public const string CreateResource = "Resources.Create";
    public const string UpdateResource = "Resources.Update";
    public const string DeleteResource = "Resources.Delete";
    public const string AddClosure = "Closures.Add";
    public const string RemoveClosure = "Closures.Remove";

    public const string CreateTemplate = "PackageTemplates.Create";
    public const string EditTemplate = "PackageTemplates.Edit";
    public const string SetTemplateActive = "PackageTemplates.SetActive";
    public const string AcquirePackage = "PackageRecords.Acquire";
    public const string PayPackage = "PackageRecords.Pay";
    public const string AdjustPackage = "PackageRecords.Adjust";
    public const string ChangeExpiry = "PackageRecords.ChangeExpiry";
    public const string FreezePackage = "PackageRecords.Freeze";
    public const string UnfreezePackage = "PackageRecords.Unfreeze";
    public const string TransferPackage = "PackageRecords.Transfer";
    public const string CancelPackage = "PackageRecords.Cancel";
    public const string ExpirePackages = "PackageRecords.Expire";

    public const string CreateProduct = "Products.Create";
    public const string UpdateProduct = "Products.Update";
    public const string ReceiveStock = "Inventory.Arrival";
    public const string WriteOffStock = "Inventory.WriteOff";
    public const string SellProducts = "Inventory.Sell";
    public const string UseMembership = "Memberships.Use";
    public const string GiveBackMembershipVisit = "Memberships.GiveBack";
    public const string AssignMembership = "Memberships.Assign";
    public const string SaveInventorySettings = "Settings.Inventory";
    public const string SaveNumbering = "NumberingSequences.Save";
    public const string SaveQuoteTemplate = "QuoteTemplates.Save";
    public const string CreateQuote = "Quotes.Create";
    public const string EditQuote = "Quotes.EditItems";
    public const string ConfirmQuote = "Quotes.Confirm";
    public const string SellFromQuote = "Quotes.Sell";
    public const string EndQuote = "Quotes.CloseOrCancel";
    public const string SellServices = "ServiceCredits.Sell";
    public const string CreateSale = "Sales.Create";
    public const string PaySale = "Sales.Pay";
    public const string RefundSale = "Sales.Refund";
    public const string EmailReceipt = "Receipts.Email";
    public const string SaveReceiptSettings = "Settings.Receipts";

    public const string SaveBusinessSettings = "Settings.Business";
    public const string SavePackageSettings = "Settings.Packages";
    public const string SaveAttendanceSettings = "Settings.Attendance";

    public const string ListApiKeys = "ApiKeys.List";
    public const string CreateApiKey = "ApiKeys.Create";
    public const string RevokeApiKey = "ApiKeys.Revoke";

    public const string ListStaff = "Staff.List";
    public const string InviteStaff = "Staff.Invite";
    public const string ChangeStaffRole = "Staff.ChangeRole";
    public const string DisableStaff = "Staff.Disable";
    public const string EnableStaff = "Staff.Enable";
    public const string ResetStaffPassword = "Staff.ResetPassword";
    public const string CreatePairingCode = "Staff.CreatePairingCode";

    private static readonly StaffRole[] Managers = [StaffRole.Owner, StaffRole.Manager];
    private static readonly StaffRole[] Desk = [StaffRole.Owner, StaffRole.Manager, StaffRole.Receptionist];
    private static readonly StaffRole[] Nobody = [];

    /// <summary>Every command, by name.</summary>
    public static IReadOnlyDictionary<string, Permission> Table { get; } = new Permission[]
    {
        new(Book, "book appointments", Desk, OnlineChannel: true),
        new(Move, "move appointments", Desk),
        new(AttachPackage, "book appointments from a package", Desk),
        new(DetachPackage, "take a package off an appointment", Desk),
        new(CheckIn, "check clients in", Desk),
        new(NoShow, "mark no-shows", Desk),
        new(Cancel, "cancel appointments", Desk, OnlineChannel: true),
        new(CheckOut, "check clients out and take payments", Desk),

        new(RegisterClient, "add clients", Desk),
        new(UpdateClient, "edit clients", Desk),
        new(MergeClients, "merge clients", Managers),
        new(EraseClient, "erase clients", Managers),
        new(ImportClients, "import clients", Managers),

        new(CreateService, "add services", Managers),
        new(UpdateService, "change services", Managers),
        new(DeleteService, "delete services", Managers),
        new(CreateProvider, "add providers", Managers),
        new(UpdateProvider, "change providers", Managers),
        new(DeleteProvider, "delete providers", Managers),
        new(SetSchedule, "change working hours", Managers),
        new(CreateResource, "add rooms and equipment", Managers),
        new(UpdateResource, "change rooms and equipment", Managers),
        new(DeleteResource, "delete rooms and equipment", Managers),
        new(AddClosure, "close the business on a date", Managers),
        new(RemoveClosure, "reopen a closed date", Managers),

        new(CreateTemplate, "create packages", Managers),
        new(EditTemplate, "change packages", Managers),
        new(SetTemplateActive, "enable or disable packages", Managers),
        new(AcquirePackage, "sell packages", Desk),
        new(PayPackage, "take payments for packages", Desk),
        new(AdjustPackage, "adjust package balances", Managers),
        new(ChangeExpiry, "change package expiry dates", Managers),
        new(FreezePackage, "freeze packages", Desk),
        new(UnfreezePackage, "unfreeze packages", Desk),
        new(TransferPackage, "transfer packages", Managers),
        new(CancelPackage, "cancel packages", Managers),
        new(ExpirePackages, "expire packages", Nobody),

        new(CreateProduct, "add products and membership types", Managers),
        new(UpdateProduct, "change products and membership types", Managers),
        new(ReceiveStock, "record stock arrivals", Managers),
        new(WriteOffStock, "write off stock", Managers),
        new(SellProducts, "sell products and memberships", Desk),
        new(UseMembership, "use memberships", Desk),
        new(GiveBackMembershipVisit, "give back a membership visit before check-out", Desk),
        new(AssignMembership, "assign memberships to clients", Desk),
        new(SaveInventorySettings, "change the inventory settings", Managers),
        new(SaveNumbering, "change the numbering sequences", Managers),
        new(SaveQuoteTemplate, "change quote templates", Managers),
        new(CreateQuote, "add quotes", Desk),
        new(EditQuote, "change a quote's items", Desk),
        new(ConfirmQuote, "confirm quotes", Desk),
        new(SellFromQuote, "sell from quotes", Desk),
        new(EndQuote, "close or cancel quotes", Desk),
        new(SellServices, "sell single services", Desk),
        new(CreateSale, "make sales and check clients out", Desk),
        new(PaySale, "take payments for what clients owe", Desk),
        new(RefundSale, "refund or void sales", Managers),
        new(EmailReceipt, "email receipts", Desk),
        new(SaveReceiptSettings, "change what receipts print (address, phone, tax)", Managers),

        new(SaveBusinessSettings, "change the business settings", Managers),
        new(SavePackageSettings, "change the package settings", Managers),
        new(SaveAttendanceSettings, "change the attendance settings", Managers),

        new(ListApiKeys, "see the API keys", Managers),
        new(CreateApiKey, "create API keys", Managers),
        new(RevokeApiKey, "revoke API keys", Managers),

        new(ListStaff, "see the staff accounts", Managers),
        new(InviteStaff, "invite staff", Managers),
        new(ChangeStaffRole, "change staff roles", Managers),
        new(DisableStaff, "disable staff accounts and wall displays", Managers),
        new(EnableStaff, "enable staff accounts and wall displays", Managers),
        new(ResetStaffPassword, "reset staff passwords", Managers),
        new(CreatePairingCode, "pair wall displays", Managers),
    }.ToDictionary(p => p.Command, StringComparer.Ordinal);

    public static bool Allows(Caller caller, string command)
    {
        var permission = Find(command);
        return caller.IsSystem
            || (caller.OnlineChannel && permission.OnlineChannel)
            || (caller.Role is { } role && permission.Roles.Contains(role));
    }

    /// <summary>Refuses (<see cref="DomainErrorKind.Forbidden"/>) a caller the table does not allow.</summary>
    public static void Ensure(Caller caller, string command)
    {
        if (!Allows(caller, command))
        {
            var permission = Find(command);
            throw DomainException.Forbidden(caller.IsAnonymous
                ? $"You are not allowed to {permission.Doing}: sign in first."
                : $"You are not allowed to {permission.Doing} ({Describe(caller)}).");
        }
    }

    private static Permission Find(string command) =>
        Table.TryGetValue(command, out var permission)
            ? permission
            : throw new InvalidOperationException($"The command '{command}' is not in the permissions table.");

    private static string Describe(Caller caller) =>
        caller.OnlineChannel ? "the online booking channel" : caller.Role is { } role ? $"{role} role" : "no role";
}
