using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontDesk.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class SalesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSpent",
                table: "PackageRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_PackageRecords_IsSpent_PaidAt",
                table: "PackageRecords",
                columns: new[] { "IsSpent", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PackageRecords_PurchasedAt",
                table: "PackageRecords",
                column: "PurchasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PaidAt",
                table: "Invoices",
                column: "PaidAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PackageRecords_IsSpent_PaidAt",
                table: "PackageRecords");

            migrationBuilder.DropIndex(
                name: "IX_PackageRecords_PurchasedAt",
                table: "PackageRecords");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_PaidAt",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "IsSpent",
                table: "PackageRecords");
        }
    }
}
