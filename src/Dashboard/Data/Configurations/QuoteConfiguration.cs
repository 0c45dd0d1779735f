using FrontDesk.Domain.Clients;
using FrontDesk.Domain.Quotes;
using FrontDesk.Domain.Sales;
using FrontDesk.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FrontDesk.Dashboard.Data.Configurations;

internal sealed class NumberingSequenceConfiguration : IEntityTypeConfiguration<NumberingSequence>
{
    public void Configure(EntityTypeBuilder<NumberingSequence> builder)
    {
        builder.ToTable("NumberingSequences");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.Kind).IsUnique();
        builder.Property(s => s.Prefix).HasMaxLength(NumberingSequence.MaxPrefix).IsRequired();
        builder.Property(s => s.NextNumber).IsConcurrencyToken();
        builder.HasData(
            Seed("0195d6a0-0000-7000-8000-000000000001", SequenceKind.Quote, "Q"),
            Seed("0195d6a0-0000-7000-8000-000000000002", SequenceKind.Invoice, "INV"),
            Seed("0195d6a0-0000-7000-8000-000000000003", SequenceKind.Receipt, "R"));
    }

    // Default sequences every database starts with (and an old one gains on upgrade): no yearly reset, from 1.
    private static object Seed(string id, SequenceKind kind, string prefix) =>
        new { Id = Guid.Parse(id), Kind = kind, Prefix = prefix, NextNumber = 1, YearlyReset = false, Year = (int?)null };
}

internal sealed class QuoteTemplateConfiguration : IEntityTypeConfiguration<QuoteTemplate>
{
    public void Configure(EntityTypeBuilder<QuoteTemplate> builder)
    {
        builder.ToTable("QuoteTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(QuoteTemplate.MaxName).IsRequired();
        builder.Property<List<PrescribedItem>>("_items").HasColumnName("Items")
            .HasConversion(JsonList.Converter<PrescribedItem>(), JsonList.Comparer<PrescribedItem>());
        builder.Ignore(t => t.Items);
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("Quotes");
        builder.HasKey(q => q.Id);
        builder.HasOne<Client>().WithMany().HasForeignKey(q => q.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuoteTemplate>().WithMany().HasForeignKey(q => q.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(q => q.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(q => q.Description).HasMaxLength(Quote.MaxDescription).IsRequired();
        builder.Property(q => q.Number).HasMaxLength(40);
        // Quote numbers, manual or taken from the sequence, are unique; quotes without one are not counted.
        builder.HasIndex(q => q.Number).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        builder.Property(q => q.Currency).HasMaxLength(3).IsRequired();
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasIndex(q => q.ClientId);
        builder.OwnsMany(q => q.Items, item =>
        {
            item.ToTable("QuoteItems");
            item.WithOwner().HasForeignKey("QuoteId");
            item.HasKey("QuoteId", nameof(QuoteItem.Number));
            item.Property(i => i.Number).ValueGeneratedNever();
            item.Property(i => i.ServiceName).HasMaxLength(100).IsRequired();
            item.Ignore(i => i.Remaining);
        });
        builder.Navigation(q => q.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ServiceCreditConfiguration : IEntityTypeConfiguration<ServiceCredit>
{
    public void Configure(EntityTypeBuilder<ServiceCredit> builder)
    {
        builder.ToTable("ServiceCredits");
        builder.HasKey(c => c.Id);
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quote>().WithMany().HasForeignKey(c => c.QuoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ServiceName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ClientId, c.ServiceId, c.Status });
        // One credit pays one appointment, never two.
        builder.HasIndex(c => c.AppointmentId).IsUnique().HasFilter("\"AppointmentId\" IS NOT NULL");
    }
}
