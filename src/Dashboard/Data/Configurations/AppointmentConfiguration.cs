using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

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
        builder.HasIndex(a => a.ClientId);
        builder.HasIndex(a => a.PackageRecordId);
    }
}
