using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

/// <summary>Overridden rules as their names, comma separated ("OutsideHours,InBreak"); empty when none.</summary>
internal static class ReasonList
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<AvailabilityReason>, string> Converter = new(
        v => string.Join(",", v),
        v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<AvailabilityReason>).ToList());
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property<List<ResourceId>>("_resources").HasColumnName("ResourceIds")
            .HasConversion(JsonList.Converter<ResourceId>(), JsonList.Comparer<ResourceId>());
        builder.Ignore(a => a.Resources);
        // Added after the first release: rows stored before it overrode nothing (as far as we know).
        builder.Property<List<AvailabilityReason>>("_overridden").HasColumnName("OverriddenRules")
            .HasConversion(ReasonList.Converter, JsonList.Comparer<AvailabilityReason>())
            .HasMaxLength(200)
            .HasDefaultValue(new List<AvailabilityReason>());
        builder.Ignore(a => a.OverriddenRules);
        builder.Ignore(a => a.Slot);
        builder.ComplexProperty(a => a.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("Price");
            price.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3);
        });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(Appointment.MaxNoteLength).IsRequired();
        builder.Property(a => a.CancelReason).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        // Added after the first release: rows stored before it were never booked over a clash.
        builder.Property(a => a.BookedOverClientClash).HasDefaultValue(false);
        builder.HasIndex(a => new { a.Start, a.End });
        builder.HasIndex(a => new { a.ProviderId, a.Start });
        // A client's visits in a window (the client-clash rule at booking) without reading their whole history.
        builder.HasIndex(a => new { a.ClientId, a.Start });
        builder.HasIndex(a => a.PackageRecordId);
    }
}
