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
        builder.HasIndex(s => s.Name);
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("Resources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(80).IsRequired();
    }
}
