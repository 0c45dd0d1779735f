using FrontDesk.Domain.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("Products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Membership).HasConversion(JsonValue.Converter<MembershipTerms?>(), JsonValue.Comparer<MembershipTerms?>());
        builder.Ignore(p => p.IsMembership);
        builder.Ignore(p => p.UnitPrice);
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class InventoryDocumentConfiguration : IEntityTypeConfiguration<InventoryDocument>
{
    public void Configure(EntityTypeBuilder<InventoryDocument> builder)
    {
        builder.ToTable("InventoryDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Operation).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AuthorId).HasMaxLength(200).IsRequired();
        builder.Property(d => d.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(InventoryDocument.MaxNoteLength).IsRequired();
        builder.Property(d => d.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(d => d.ClientId);
        // The stock moves of an invoice's products (their money is on the invoice).
        builder.HasIndex(d => d.InvoiceId);
        builder.Ignore(d => d.Total);
        builder.HasIndex(d => d.At);
        builder.OwnsMany(d => d.Lines, line =>
        {
            line.ToTable("InventoryLines");
            line.WithOwner().HasForeignKey("DocumentId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.ProductName).HasMaxLength(Product.MaxNameLength).IsRequired();
            line.Property(l => l.Code).HasMaxLength(MembershipCode.MaxLength);
            line.Ignore(l => l.Amount);
            line.HasIndex(l => l.ProductId);
        });
        builder.OwnsMany(d => d.Payments, payment =>
        {
            payment.ToTable("InventoryPayments");
            payment.WithOwner().HasForeignKey("DocumentId");
            payment.Property<int>("Id");
            payment.HasKey("Id");
            payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        });
        builder.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Code).HasMaxLength(MembershipCode.MaxLength).IsRequired();
        // Two desks typing the same code at once: the second insert fails on this index.
        builder.Property(m => m.NormalizedCode).HasMaxLength(MembershipCode.MaxLength).IsRequired();
        builder.HasIndex(m => m.NormalizedCode).IsUnique();
        builder.Property(m => m.TypeName).HasMaxLength(Product.MaxNameLength).IsRequired();
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.Property(m => m.Terms).HasConversion(JsonValue.Converter<MembershipTerms>(), JsonValue.Comparer<MembershipTerms>());
        builder.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InventoryDocument>().WithMany().HasForeignKey(m => m.SaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.HolderClientId);
        builder.HasIndex(m => m.SoldAt);
        builder.Ignore(m => m.VisitsUsed);
        builder.Ignore(m => m.VisitsLeft);
        builder.Ignore(m => m.IsBearer);
        builder.Ignore(m => m.ValidUntil);
        builder.OwnsMany(m => m.Visits, visit =>
        {
            visit.ToTable("MembershipVisits");
            visit.WithOwner().HasForeignKey("MembershipId");
            visit.Property<int>("Id");
            visit.HasKey("Id");
            visit.Property(v => v.ActorId).HasMaxLength(200).IsRequired();
            visit.Property(v => v.ActorName).HasMaxLength(200).IsRequired();
            // A visit given back when its appointment was cancelled (null on every visit before).
            visit.Property(v => v.ReturnedAt);
            visit.Property(v => v.ReturnedById).HasMaxLength(200);
            visit.Property(v => v.ReturnedByName).HasMaxLength(200);
            visit.Ignore(v => v.IsReturned);
            visit.HasIndex(v => v.AppointmentId);
        });
        builder.Navigation(m => m.Visits).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
