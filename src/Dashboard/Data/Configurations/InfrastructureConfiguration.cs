using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class IdempotencyEntryConfiguration : IEntityTypeConfiguration<IdempotencyEntry>
{
    public void Configure(EntityTypeBuilder<IdempotencyEntry> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(e => new { e.CallerScope, e.Key });
        builder.Property(e => e.CallerScope).HasMaxLength(IdempotencyEntry.CallerScopeLength).HasDefaultValue(string.Empty);
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

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditTrail");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorIdLength).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameLength).IsRequired();
        builder.Property(e => e.Command).HasMaxLength(AuditEntry.CommandLength).IsRequired();
        builder.Property(e => e.ObjectType).HasMaxLength(AuditEntry.ObjectTypeLength).IsRequired();
        builder.Property(e => e.ObjectId).HasMaxLength(AuditEntry.ObjectIdLength).IsRequired();
        builder.Property(e => e.ClientId).HasMaxLength(AuditEntry.ObjectIdLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => new { e.ObjectType, e.ObjectId });
        builder.HasIndex(e => new { e.ClientId, e.At });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<FrontDesk.Dashboard.Security.ApiKey>
{
    public void Configure(EntityTypeBuilder<FrontDesk.Dashboard.Security.ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(FrontDesk.Dashboard.Security.ApiKey.NameLength).IsRequired();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Hint).HasMaxLength(FrontDesk.Dashboard.Security.ApiKey.HintLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(AuditEntry.ActorNameLength).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(AuditEntry.ActorNameLength);
        builder.HasIndex(k => k.Hint);
    }
}
