using FrontDesk.Domain.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("Clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Client.MaxNameLength).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(Client.MaxPhoneLength).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(Client.MaxEmailLength).IsRequired();
        builder.Property(c => c.Notes).HasMaxLength(Client.MaxNotesLength).IsRequired();
        builder.Property(c => c.SearchKey).HasMaxLength(Client.MaxNameLength).IsRequired();
        builder.Property(c => c.PhoneDigits).HasMaxLength(Client.MaxPhoneLength).IsRequired();
        // Added with create/edit, merge and erasure: rows stored before are active, never merged
        // or erased, born on no known date and without marketing consent.
        builder.Property(c => c.MarketingConsent).HasDefaultValue(false);
        builder.Ignore(c => c.IsActive);
        builder.Ignore(c => c.IsErased);
        builder.HasIndex(c => c.SearchKey);
        builder.HasIndex(c => c.PhoneDigits);
    }
}
