using FrontDesk.Dashboard.Calendar;
using FrontDesk.Dashboard.Memberships;
using FrontDesk.Domain.Memberships;
using FrontDesk.Domain.Sales;
using FrontDesk.Tests.Component.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Tests.Component.Components.Memberships;

/// <summary>A clinic with membership types and memberships sold through <see cref="MembershipService"/>, as another desk would.</summary>
public abstract class MembershipTestContext : ClinicTestContext
{
    protected MembershipService Memberships => Services.GetRequiredService<MembershipService>();

    protected MembershipQueries MembershipQueries => Services.GetRequiredService<MembershipQueries>();

    /// <summary>A membership type covering massages, 5 visits, 30 days from sale, with <paramref name="stock"/> in stock.</summary>
    protected async Task<ProductView> MassageCardAsync(int stock = 5, string name = "Massage card", int? visits = 5)
    {
        var type = await Memberships.CreateProductAsync(new SaveProduct(name, 200m, new MembershipTermsInput(30, ValidityStart.Sale, [Seed.MassageId], visits, null), TestCallers.Manager(OtherDesk)));
        if (stock > 0)
        {
            await Memberships.ReceiveAsync([new StockLine(type.Id, stock)], "Printer", TestCallers.Manager(OtherDesk));
        }
        return type;
    }

    /// <summary>Sells one membership of <paramref name="type"/> with <paramref name="code"/>, paid by card.</summary>
    protected async Task SellAsync(ProductView type, string code, Guid? holder = null) =>
        await Memberships.SellAsync(new SellProducts(holder, null, [new SellLine(type.Id, 1, code, false, holder)], [new PaymentLine(PaymentMethod.Card, type.Price)], TestCallers.Manager(OtherDesk)));
}
