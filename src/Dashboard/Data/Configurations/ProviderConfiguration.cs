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
        builder.Property(p => p.Name).HasMaxLength(80).IsRequired();
        builder.Property<List<ServiceId>>("_services").HasColumnName("ServiceIds")
            .HasConversion(JsonList.Converter<ServiceId>(), JsonList.Comparer<ServiceId>());
        builder.Ignore(p => p.Services);
        builder.Property<List<WorkingShift>>("_shifts").HasColumnName("Shifts")
            .HasConversion(JsonList.Converter<WorkingShift>(), JsonList.Comparer<WorkingShift>());
        builder.Ignore(p => p.Shifts);
    }
}
