using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Packages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class PackageTemplateConfiguration : IEntityTypeConfiguration<PackageTemplate>
{
    public void Configure(EntityTypeBuilder<PackageTemplate> builder)
    {
        builder.ToTable("PackageTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(PackageTemplate.MaxNameLength).IsRequired();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ValueType).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property<List<PackageLine>>("_lines").HasColumnName("Lines")
            .HasConversion(JsonList.Converter<PackageLine>(), JsonList.Comparer<PackageLine>());
        builder.Ignore(t => t.Lines);
        builder.Property<List<ServiceId>>("_services").HasColumnName("ServiceIds")
            .HasConversion(JsonList.Converter<ServiceId>(), JsonList.Comparer<ServiceId>());
        builder.Ignore(t => t.Services);
        builder.ComplexProperty(t => t.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("Price");
            price.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3);
        });
        builder.Property(t => t.Expiry).HasConversion(JsonValue.Converter<Expiry?>(), JsonValue.Comparer<Expiry?>());
        builder.Property(t => t.Restrictions).HasConversion(JsonValue.Converter<UsageRestrictions>(), JsonValue.Comparer<UsageRestrictions>());
        builder.Ignore(t => t.IsCountBased);
        builder.Ignore(t => t.SessionCount);
    }
}

internal sealed class PackageRecordConfiguration : IEntityTypeConfiguration<PackageRecord>
{
    public void Configure(EntityTypeBuilder<PackageRecord> builder)
    {
        builder.ToTable("PackageRecords");
        builder.HasKey(r => r.Id);
        builder.HasOne<PackageTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Name).HasMaxLength(PackageTemplate.MaxNameLength).IsRequired();
        builder.Property(r => r.ValueType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Currency).HasMaxLength(3).IsRequired();
        builder.Property(r => r.UnitValue).HasPrecision(28, 10);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property<List<FreezeWindow>>("_freezes").HasColumnName("Freezes")
            .HasConversion(JsonList.Converter<FreezeWindow>(), JsonList.Comparer<FreezeWindow>());
        builder.Ignore(r => r.Freezes);
        builder.Ignore(r => r.IsUnlimited);
        builder.HasIndex(r => r.ClientId);
        // The current liability reads the records not spent that were paid by now; the sales
        // figures count the records sold in a period.
        // Existing records start as not spent: the liability then reads their balances, which is
        // always right; each is marked spent by its next ledger entry that empties it.
        builder.Property(r => r.IsSpent).HasDefaultValue(false);
        builder.HasIndex(r => new { r.IsSpent, r.PaidAt });
        builder.HasIndex(r => r.PurchasedAt);
        builder.OwnsMany(r => r.Sessions, session =>
        {
            session.ToTable("PackageSessions");
            session.WithOwner().HasForeignKey("RecordId");
            // A store-generated key: EF then knows an appended session is new (a natural key
            // that is already set would be taken for an existing row and updated).
            session.Property<long>("Id");
            session.HasKey("Id");
            session.HasIndex("RecordId", nameof(PackageSession.Number)).IsUnique();
            session.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            // The last line of defence against a session booked or redeemed twice.
            session.HasIndex(s => s.AppointmentId).IsUnique().HasFilter("\"AppointmentId\" IS NOT NULL");
        });
        builder.OwnsMany(r => r.Holds, hold =>
        {
            hold.ToTable("PackageHolds");
            hold.WithOwner().HasForeignKey("RecordId");
            hold.Property<long>("Id");
            hold.HasKey("Id");
            hold.HasIndex("RecordId", nameof(BalanceHold.AppointmentId)).IsUnique();
        });
        builder.OwnsMany(r => r.Ledger, entry =>
        {
            entry.ToTable("PackageLedger");
            entry.WithOwner().HasForeignKey("RecordId");
            entry.Property<long>("Id");
            entry.HasKey("Id");
            entry.HasIndex("RecordId", nameof(LedgerEntry.Sequence)).IsUnique();
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.ActorName).HasMaxLength(120).IsRequired();
            entry.Property(e => e.Note).HasMaxLength(300).IsRequired();
            entry.HasIndex(e => e.At);
        });
        builder.Navigation(r => r.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Holds).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Ledger).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
