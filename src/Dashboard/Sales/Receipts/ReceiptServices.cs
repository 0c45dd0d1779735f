namespace FrontDesk.Dashboard.Sales.Receipts;

public static class ReceiptServices
{
    /// <summary>Receipts: queries, settings, the PDF's fonts (Receipts:FontDirectory) and email (the "Smtp" section).</summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services, IConfiguration configuration)
    {
        ReceiptFonts.Install(configuration["Receipts:FontDirectory"]);
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<ReceiptQueries>();
        services.AddSingleton<ReceiptSettingsService>();
        services.AddSingleton<ReceiptService>();
        return services;
    }
}
