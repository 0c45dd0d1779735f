using System.Security.Cryptography;
using FrontDesk.Dashboard.Data;
using FrontDesk.Dashboard.Live;
using FrontDesk.Dashboard.Security;
using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Memberships;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Memberships;

/// <summary>
/// Products, stock and memberships: creating products and membership types, arrivals and
/// write-offs, selling (with a code per membership), using and assigning memberships. Each
/// command is one transaction of the <see cref="UnitOfWork"/> (BEGIN IMMEDIATE: two desks
/// selling the last unit never both succeed) and is announced on the live feed after commit.
/// </summary>
public sealed class MembershipService(UnitOfWork unitOfWork, ILiveFeed feed, BusinessClock clock)
{
    public const int GenerateAttempts = 20;

    public async Task<ProductView> CreateProductAsync(SaveProduct command, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.CreateProduct, async db =>
        {
            var terms = await TermsAsync(db, command.Membership, ct);
            var product = Product.Create(ProductId.New(), command.Name, PriceOf(command.Price), terms);
            db.Products.Add(product);
            return ProductView.From(product);
        }, ct);
        Announce(replayed, null, [view], 0m, 0, now, command.Caller);
        return view;
    }

    public async Task<ProductView> UpdateProductAsync(Guid id, SaveProduct command, bool? active, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(command.Caller, Permissions.UpdateProduct, async db =>
        {
            var product = await FindProductAsync(db, id, ct);
            var terms = await TermsAsync(db, command.Membership, ct);
            product.Edit(command.Name, PriceOf(command.Price), terms);
            if (active is { } a)
            {
                product.SetActive(a);
            }
            return ProductView.From(product);
        }, ct);
        Announce(replayed, null, [view], 0m, 0, now, command.Caller);
        return view;
    }

    public Task<InventoryDocumentView> ReceiveAsync(IReadOnlyList<StockLine> lines, string? supplierNote, Caller caller, CancellationToken ct = default) =>
        StockDocumentAsync(caller, Permissions.ReceiveStock, lines, async (db, products, now) =>
            InventoryDocument.Arrival(InventoryDocumentId.New(), products, supplierNote, now, caller.Actor), ct);

    public Task<InventoryDocumentView> WriteOffAsync(IReadOnlyList<StockLine> lines, string? reason, Caller caller, CancellationToken ct = default) =>
        StockDocumentAsync(caller, Permissions.WriteOffStock, lines, async (db, products, now) =>
            InventoryDocument.WriteOff(InventoryDocumentId.New(), products, reason, (await SettingsAsync(db, ct)).AllowNegativeStock, now, caller.Actor), ct);

    private async Task<InventoryDocumentView> StockDocumentAsync(
        Caller caller, string command, IReadOnlyList<StockLine> lines,
        Func<DashboardDbContext, IReadOnlyList<(Product, int)>, DateTimeOffset, Task<InventoryDocument>> make, CancellationToken ct)
    {
        Permissions.Ensure(caller, command);
        Limits.EnsureCount(lines, InventoryDocument.MaxLines, "lines", "Lines of one document");
        var now = clock.UtcNow;
        var ((view, products), _, replayed) = await unitOfWork.RunAsync(caller, command, async db =>
        {
            var pairs = new List<(Product, int)>();
            foreach (var line in lines)
            {
                pairs.Add((await FindProductAsync(db, line.ProductId, ct), line.Quantity));
            }
            var document = await make(db, pairs, now);
            db.InventoryDocuments.Add(document);
            return (InventoryDocumentView.From(document), pairs.Select(p => ProductView.From(p.Item1)).DistinctBy(p => p.Id).ToList());
        }, ct);
        Announce(replayed, view.Operation, products, 0m, 0, now, caller);
        return view;
    }

    /// <summary>
    /// Sells products and memberships: each membership line has quantity 1 and a unique code
    /// (typed, or generated with retries until it clashes with none); payments must equal the total.
    /// </summary>
    public async Task<InventoryDocumentView> SellAsync(SellProducts command, CancellationToken ct = default)
    {
        Permissions.Ensure(command.Caller, Permissions.SellProducts);
        Limits.EnsureCount(command.Lines, InventoryDocument.MaxLines, "lines", "Lines of one sale");
        var now = clock.UtcNow;
        var today = clock.Today;
        var lines = command.Lines.Select(l => (Line: l, Code: l.GenerateCode ? (MembershipCode?)null : l.Code is null ? null : MembershipCode.Parse(l.Code))).ToList();
        foreach (var (line, code) in lines)
        {
            if (line.GenerateCode && line.Code is not null)
            {
                throw DomainException.Invalid("Type a code or ask for a generated one, not both.", "code");
            }
        }
        try
        {
            var ((view, products, sold), _, replayed) = await unitOfWork.RunAsync(command.Caller, command.IdempotencyKey, Permissions.SellProducts, async db =>
            {
                if (command.ClientId is { } clientId)
                {
                    await EnsureClientAsync(db, clientId, "clientId", ct);
                }
                if (command.AppointmentId is { } appointmentId && await db.Appointments.FindAsync([new AppointmentId(appointmentId)], ct) is null)
                {
                    throw DomainException.NotFound("That appointment does not exist.");
                }
                var taken = new HashSet<string>(StringComparer.Ordinal);
                var saleLines = new List<SaleLine>();
                foreach (var (line, typed) in lines)
                {
                    var product = await FindProductAsync(db, line.ProductId, ct);
                    if (line.HolderClientId is { } holder)
                    {
                        await EnsureClientAsync(db, holder, "holderClientId", ct);
                    }
                    MembershipCode? code = typed;
                    if (product.IsMembership)
                    {
                        if (line.GenerateCode)
                        {
                            code = await GenerateAsync(db, taken, ct);
                        }
                        else if (code is { } c && await db.Memberships.AnyAsync(m => m.NormalizedCode == c.Normalized, ct))
                        {
                            throw Duplicate(c.Value);
                        }
                        if (code is { } used)
                        {
                            taken.Add(used.Normalized);
                        }
                    }
                    else if (line.GenerateCode)
                    {
                        throw DomainException.Invalid($"{product.Name} is not a membership: it takes no code.", "generateCode");
                    }
                    saleLines.Add(new SaleLine(product, line.Quantity, code, line.HolderClientId ?? (product.IsMembership ? command.ClientId : null)));
                }
                var allowNegative = (await SettingsAsync(db, ct)).AllowNegativeStock;
                var document = InventoryDocument.Sale(InventoryDocumentId.New(), saleLines, command.Payments.Select(p => (p.Method, p.Amount)).ToList(),
                    command.ClientId, command.AppointmentId, allowNegative, now, command.Caller.Actor);
                db.InventoryDocuments.Add(document);
                foreach (var line in saleLines.Where(l => l.Product.IsMembership))
                {
                    db.Memberships.Add(Membership.Sell(MembershipId.New(), line.Product, line.Code!.Value, line.HolderClientId, document.Id, now, today, command.Caller.Actor));
                }
                return (InventoryDocumentView.From(document), saleLines.Select(l => ProductView.From(l.Product)).DistinctBy(p => p.Id).ToList(), saleLines.Count(l => l.Product.IsMembership));
            }, ct);
            Announce(replayed, InventoryOperation.SaleOfProduct, products, view.Total, sold, now, command.Caller);
            return view;
        }
        catch (DbUpdateException e) when (MembershipCodeClash.Is(e))
        {
            // The index caught what the check could not see (another desk committed the same code first).
            throw MembershipCodeClash.Conflict();
        }
    }

    public async Task<MembershipView> UseAsync(string? code, Guid appointmentId, Caller caller, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.UseMembership, async db =>
        {
            var membership = await FindAsync(db, code, ct);
            var appointment = await db.Appointments.FindAsync([new AppointmentId(appointmentId)], ct)
                ?? throw DomainException.NotFound("That appointment does not exist.");
            if (appointment.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow)
            {
                throw DomainException.Rule("A cancelled or missed appointment cannot use a membership.", "appointmentId");
            }
            // A visit pays the appointment at its check-out (AmountDue.Credits): one payer only.
            if (appointment.Status == AppointmentStatus.Completed)
            {
                throw DomainException.Rule("This appointment is already checked out and paid: use the membership before check-out.", "appointmentId");
            }
            if (appointment.PackageRecordId is not null)
            {
                throw DomainException.Rule("This appointment is paid from a package: a membership visit would pay it twice.", "appointmentId");
            }
            var used = await db.Memberships.Where(m => m.Visits.Any(v => v.AppointmentId == appointmentId && v.ReturnedAt == null)).Select(m => m.Code).FirstOrDefaultAsync(ct);
            if (used is not null)
            {
                throw DomainException.Conflict($"This appointment already uses a visit of membership {used}.");
            }
            membership.Use(appointment.Id.Value, appointment.ServiceId.Value, appointment.ClientId.Value, now, today, caller.Actor);
            return MembershipView.From(membership, await HolderNameAsync(db, membership.HolderClientId, ct));
        }, ct);
        if (!replayed)
        {
            feed.Publish([new MembershipChangedLive(view.Code, view.HolderClientId, $"used visit {view.VisitsUsed} of membership {view.Code}", now, caller.Actor.DisplayName)]);
        }
        return view;
    }

    /// <summary>
    /// Gives back the visit of membership <paramref name="code"/> that pays appointment
    /// <paramref name="appointmentId"/>, before its check-out: the visit was used in the check-out
    /// window and the client pays another way, or the wrong card was used. The visit stays in the
    /// membership's history as returned (when, who), as a cancellation leaves it. After check-out the
    /// visit has paid the service, and a no-show keeps its visit: both are refused and nothing changes.
    /// </summary>
    public async Task<MembershipView> GiveBackAsync(string? code, Guid appointmentId, Caller caller, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.GiveBackMembershipVisit, async db =>
        {
            var membership = await FindAsync(db, code, ct);
            var status = await db.Appointments.Where(a => a.Id == new AppointmentId(appointmentId)).Select(a => (AppointmentStatus?)a.Status).SingleOrDefaultAsync(ct)
                ?? throw DomainException.NotFound("That appointment does not exist.");
            if (status == AppointmentStatus.Completed)
            {
                throw DomainException.Rule("This appointment is checked out: the visit paid for it and is not given back.", "appointmentId");
            }
            if (status == AppointmentStatus.NoShow)
            {
                // As a package session is: a missed appointment keeps its visit (the clinic's loss).
                throw DomainException.Rule("This appointment was missed: a no-show keeps its visit.", "appointmentId");
            }
            if (membership.ReturnVisit(appointmentId, now, caller.Actor) is null)
            {
                throw DomainException.Conflict($"No visit of membership {membership.Code} is used on this appointment.");
            }
            return MembershipView.From(membership, await HolderNameAsync(db, membership.HolderClientId, ct));
        }, ct);
        if (!replayed)
        {
            feed.Publish([new MembershipChangedLive(view.Code, view.HolderClientId, $"gave back a visit of membership {view.Code}", now, caller.Actor.DisplayName)]);
        }
        return view;
    }

    public async Task<MembershipView> AssignAsync(string? code, Guid clientId, Caller caller, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var (view, _, replayed) = await unitOfWork.RunAsync(caller, Permissions.AssignMembership, async db =>
        {
            var membership = await FindAsync(db, code, ct);
            await EnsureClientAsync(db, clientId, "clientId", ct);
            membership.AssignTo(clientId, now, caller.Actor);
            return MembershipView.From(membership, await HolderNameAsync(db, membership.HolderClientId, ct));
        }, ct);
        if (!replayed)
        {
            feed.Publish([new MembershipChangedLive(view.Code, view.HolderClientId, $"assigned membership {view.Code} to {view.HolderName}", now, caller.Actor.DisplayName)]);
        }
        return view;
    }

    public async Task SaveSettingsAsync(InventorySettings settings, Caller caller, CancellationToken ct = default)
    {
        await unitOfWork.RunAsync(caller, Permissions.SaveInventorySettings, async db =>
        {
            var value = settings.AllowNegativeStock.ToString();
            if (await db.Settings.FindAsync([InventorySettings.AllowNegativeKey], ct) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                db.Settings.Add(new Setting { Key = InventorySettings.AllowNegativeKey, Value = value });
            }
            return 0;
        }, ct);
    }

    internal static async Task<InventorySettings> SettingsAsync(DashboardDbContext db, CancellationToken ct) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == InventorySettings.AllowNegativeKey, ct) is { } s && bool.TryParse(s.Value, out var allow)
            ? new InventorySettings(allow)
            : InventorySettings.Default;

    internal static async Task<Membership> FindAsync(DashboardDbContext db, string? code, CancellationToken ct)
    {
        var normalized = MembershipCode.Normalize(code ?? string.Empty);
        if (normalized.Length == 0)
        {
            throw DomainException.Invalid("Type the membership's code.", "code");
        }
        if (normalized.Length > MembershipCode.MaxLength)
        {
            // Not echoed back: a code this long was never issued.
            throw DomainException.NotFound($"No membership has that code (a membership code has at most {MembershipCode.MaxLength} characters).");
        }
        return await db.Memberships.SingleOrDefaultAsync(m => m.NormalizedCode == normalized, ct)
            ?? throw DomainException.NotFound($"No membership has the code {code!.Trim()}.");
    }

    internal static async Task<string?> HolderNameAsync(DashboardDbContext db, Guid? holder, CancellationToken ct) =>
        holder is { } id ? (await db.Clients.AsNoTracking().Where(c => c.Id == new ClientId(id)).Select(c => c.Name).SingleOrDefaultAsync(ct)) : null;

    private static async Task<MembershipCode> GenerateAsync(DashboardDbContext db, HashSet<string> taken, CancellationToken ct)
    {
        for (var attempt = 0; attempt < GenerateAttempts; attempt++)
        {
            var code = MembershipCode.Generate(RandomNumberGenerator.GetInt32);
            if (!taken.Contains(code.Normalized) && !await db.Memberships.AnyAsync(m => m.NormalizedCode == code.Normalized, ct))
            {
                return code;
            }
        }
        throw DomainException.Conflict("Could not find a free code; type one instead.");
    }

    private static DomainException Duplicate(string code) =>
        new(DomainErrorKind.Conflict, $"The code {code} is already used by another membership (codes are compared without case). Type another or generate one.", "code");

    private static async Task EnsureClientAsync(DashboardDbContext db, Guid id, string field, CancellationToken ct)
    {
        var client = await db.Clients.FindAsync([new ClientId(id)], ct)
            ?? throw new DomainException(DomainErrorKind.NotFound, "That client does not exist.", field);
        client.EnsureCanBeServed();
    }

    private static async Task<Product> FindProductAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.Products.FindAsync([new ProductId(id)], ct) ?? throw DomainException.NotFound("That product does not exist.");

    private static async Task<MembershipTerms?> TermsAsync(DashboardDbContext db, MembershipTermsInput? input, CancellationToken ct)
    {
        if (input is null)
        {
            return null;
        }
        var terms = MembershipTerms.Create(input.ValidityDays, input.ValidFrom, input.ServiceIds ?? [], input.Visits, input.MoneyValue);
        var ids = terms.ServiceIds.Select(s => new ServiceId(s)).ToList();
        var known = await db.Services.CountAsync(s => ids.Contains(s.Id), ct);
        if (known != ids.Count)
        {
            throw DomainException.NotFound("A covered service does not exist.");
        }
        return terms;
    }

    private Money PriceOf(decimal price)
    {
        Limits.EnsureMoney(price, "price", "The price");
        return new Money(price, clock.Business.Currency);
    }

    /// <summary>Tells every desk the stock changed; a replay changed nothing and was announced when it was done.</summary>
    private void Announce(bool replayed, InventoryOperation? operation, IReadOnlyList<ProductView> products, decimal amount, int memberships, DateTimeOffset now, Caller caller)
    {
        if (!replayed)
        {
            feed.Publish([new InventoryChangedLive(operation, products, amount, memberships, now, caller.Actor.DisplayName)]);
        }
    }
}
