using FrontDesk.Domain.Calendar;
using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices");
        builder.HasKey(i => i.Id);
        builder.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Currency).HasMaxLength(3).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        // Old rows are sales (the column's default), without a number, tip or change.
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(InvoiceKind.Sale);
        builder.Property(i => i.Number).HasMaxLength(40);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Reason).HasMaxLength(Invoice.MaxReasonLength);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(i => i.RefundOf).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.RefundOf);
        builder.Ignore(i => i.Total);
        builder.Ignore(i => i.Balance);
        builder.Ignore(i => i.Paid);
        builder.Ignore(i => i.IsPaid);
        builder.HasIndex(i => i.IssuedAt);
        // The sales figures and the CSV export read the invoices paid in a period.
        builder.HasIndex(i => i.PaidAt);
        builder.OwnsMany(i => i.Lines, line =>
        {
            line.ToTable("InvoiceLines");
            line.WithOwner().HasForeignKey("InvoiceId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.Description).HasMaxLength(200).IsRequired();
            line.Property(l => l.Currency).HasMaxLength(3);
            line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.Code).HasMaxLength(FrontDesk.Domain.Memberships.MembershipCode.MaxLength);
            line.Property(l => l.DiscountReason).HasMaxLength(DiscountRequest.MaxReasonLength);
            line.Ignore(l => l.Amount);
            line.Ignore(l => l.Gross);
            line.Ignore(l => l.IsCredit);
        });
        builder.OwnsMany(i => i.Payments, payment =>
        {
            payment.ToTable("Payments");
            payment.WithOwner().HasForeignKey("InvoiceId");
            payment.Property<int>("Id");
            payment.HasKey("Id");
            payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Currency).HasMaxLength(3);
            payment.Ignore(p => p.Money);
        });
        builder.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
