using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using FrontDesk.Dashboard.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FrontDesk.Dashboard.Data;

/// <summary>
/// One context per operation (IDbContextFactory); never held by a circuit. Staff accounts
/// (ASP.NET Core Identity) live in the same database.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<BusinessClosure> BusinessClosures => Set<BusinessClosure>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<PackageTemplate> PackageTemplates => Set<PackageTemplate>();
    public DbSet<PackageRecord> PackageRecords => Set<PackageRecord>();
    public DbSet<FrontDesk.Domain.Memberships.Product> Products => Set<FrontDesk.Domain.Memberships.Product>();
    public DbSet<FrontDesk.Domain.Memberships.InventoryDocument> InventoryDocuments => Set<FrontDesk.Domain.Memberships.InventoryDocument>();
    public DbSet<FrontDesk.Domain.Memberships.Membership> Memberships => Set<FrontDesk.Domain.Memberships.Membership>();
    public DbSet<FrontDesk.Domain.Quotes.NumberingSequence> NumberingSequences => Set<FrontDesk.Domain.Quotes.NumberingSequence>();
    public DbSet<FrontDesk.Domain.Quotes.QuoteTemplate> QuoteTemplates => Set<FrontDesk.Domain.Quotes.QuoteTemplate>();
    public DbSet<FrontDesk.Domain.Quotes.Quote> Quotes => Set<FrontDesk.Domain.Quotes.Quote>();
    public DbSet<ServiceCredit> ServiceCredits => Set<ServiceCredit>();
    public DbSet<IdempotencyEntry> IdempotencyEntries => Set<IdempotencyEntry>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<FrontDesk.Dashboard.Security.ApiKey> ApiKeys => Set<FrontDesk.Dashboard.Security.ApiKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureAuditTrailAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureAuditTrailAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The audit trail is append-only: a changed or removed entry refuses the whole save. With
    /// automatic change detection off (the <see cref="UnitOfWork"/> has just scanned the graph
    /// itself, and SaveChanges then saves only what that scan found), the entries' states are
    /// already known: no second scan of every tracked entity.
    /// </summary>
    private void EnsureAuditTrailAppendOnly()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: its entries can never be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ClientId>().HaveConversion<ClientIdConverter>();
        configurationBuilder.Properties<ServiceId>().HaveConversion<ServiceIdConverter>();
        configurationBuilder.Properties<ProviderId>().HaveConversion<ProviderIdConverter>();
        configurationBuilder.Properties<ResourceId>().HaveConversion<ResourceIdConverter>();
        configurationBuilder.Properties<AppointmentId>().HaveConversion<AppointmentIdConverter>();
        configurationBuilder.Properties<InvoiceId>().HaveConversion<InvoiceIdConverter>();
        configurationBuilder.Properties<PackageTemplateId>().HaveConversion<PackageTemplateIdConverter>();
        configurationBuilder.Properties<PackageRecordId>().HaveConversion<PackageRecordIdConverter>();
        configurationBuilder.Properties<FrontDesk.Domain.Memberships.ProductId>().HaveConversion<ProductIdConverter>();
        configurationBuilder.Properties<FrontDesk.Domain.Memberships.InventoryDocumentId>().HaveConversion<InventoryDocumentIdConverter>();
        configurationBuilder.Properties<FrontDesk.Domain.Memberships.MembershipId>().HaveConversion<MembershipIdConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Domain events live on the aggregates only until they are announced; never stored.
        base.OnModelCreating(modelBuilder);
        modelBuilder.Ignore<DomainEvent>();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }
}
