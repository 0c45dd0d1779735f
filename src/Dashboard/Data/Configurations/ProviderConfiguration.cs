using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ToTable("Providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Provider.MaxNameLength).IsRequired();
        builder.Property<List<ServiceId>>("_services").HasColumnName("ServiceIds")
            .HasConversion(JsonList.Converter<ServiceId>(), JsonList.Comparer<ServiceId>());
        builder.Ignore(p => p.Services);
        // The weekly schedule stays in the "Shifts" column: rows written before breaks existed
        // ({Day, From, To}) read back as the same intervals with no breaks.
        builder.Property<List<WorkingShift>>("_shifts").HasColumnName("Shifts")
            .HasConversion(JsonList.Converter<WorkingShift>(), JsonValue.Comparer<List<WorkingShift>>());
        builder.Ignore(p => p.Shifts);
        // Added after the first release: existing providers have no exceptions, no title, the
        // first palette colour, order 0 and are active.
        builder.Property<List<ScheduleException>>("_exceptions").HasColumnName("ScheduleExceptions")
            .HasConversion(JsonList.Converter<ScheduleException>(), JsonValue.Comparer<List<ScheduleException>>())
            .HasDefaultValueSql("'[]'");
        builder.Ignore(p => p.Exceptions);
        builder.Property(p => p.Title).HasMaxLength(Provider.MaxTitleLength).IsRequired().HasDefaultValue(string.Empty);
        builder.Property(p => p.Colour).HasMaxLength(7).IsRequired().HasDefaultValue(Colour.Palette[0]);
        builder.Property(p => p.Order).HasDefaultValue(0);
        builder.Property(p => p.Active).HasDefaultValue(true).HasSentinel(true);
    }
}

internal sealed class BusinessClosureConfiguration : IEntityTypeConfiguration<BusinessClosure>
{
    public void Configure(EntityTypeBuilder<BusinessClosure> builder)
    {
        builder.ToTable("BusinessClosures");
        builder.HasKey(c => c.Date);
        builder.Property(c => c.Reason).HasMaxLength(BusinessClosure.MaxReasonLength).IsRequired();
    }
}
