using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class IdempotencyEntryConfiguration : IEntityTypeConfiguration<IdempotencyEntry>
{
    public void Configure(EntityTypeBuilder<IdempotencyEntry> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(IdempotencyEntry.KeyLength);
        builder.Property(e => e.RequestHash).HasMaxLength(FrontDesk.Dashboard.Security.RequestHash.Length).HasDefaultValue(string.Empty).IsRequired();
        builder.Property(e => e.Command).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ResultJson).IsRequired();
        builder.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(2000).IsRequired();
    }
}
