using FrontDesk.Domain.Catalog;
using FrontDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("Services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Service.MaxNameLength).IsRequired();
        builder.Property(s => s.Activity).HasMaxLength(60).IsRequired();
        builder.Property(s => s.Duration);
        builder.ComplexProperty(s => s.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("Price");
            price.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3);
        });
        builder.Property<List<string>>("_tags").HasColumnName("Tags")
            .HasConversion(JsonList.Converter<string>(), JsonList.Comparer<string>());
        builder.Property<List<ResourceId>>("_requiredResources").HasColumnName("RequiredResources")
            .HasConversion(JsonList.Converter<ResourceId>(), JsonList.Comparer<ResourceId>());
        builder.Ignore(s => s.Tags);
        builder.Ignore(s => s.RequiredResources);
        builder.Ignore(s => s.Buffer);
        // Added after the first release: existing services have no buffer, the first palette
        // colour, are bookable online and active. The sentinel makes an explicit false be saved.
        builder.Property(s => s.BufferMinutes).HasDefaultValue(0);
        builder.Property(s => s.Colour).HasMaxLength(7).IsRequired().HasDefaultValue(Colour.Palette[0]);
        builder.Property(s => s.BookableOnline).HasDefaultValue(true).HasSentinel(true);
        builder.Property(s => s.Active).HasDefaultValue(true).HasSentinel(true);
        builder.HasIndex(s => s.Name);
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("Resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(Resource.MaxNameLength).IsRequired();
        // Added after the first release: existing resources are active rooms.
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ResourceKind.Room).HasSentinel(ResourceKind.Room);
        builder.Property(r => r.Active).HasDefaultValue(true).HasSentinel(true);
    }
}
