using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontDesk.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RefundedAt",
                table: "Memberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ClientId",
                table: "Invoices",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<decimal>(
                name: "ChangeGiven",
                table: "Invoices",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Invoices",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sale");

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Invoices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Invoices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RefundOf",
                table: "Invoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Voided",
                table: "Invoices",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "VoidedOwed",
                table: "Invoices",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "InvoiceLines",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreditFor",
                table: "InvoiceLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Discount",
                table: "InvoiceLines",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "DiscountReason",
                table: "InvoiceLines",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ItemId",
                table: "InvoiceLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "InvoiceLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ProviderId",
                table: "InvoiceLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RefundsLine",
                table: "InvoiceLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SaleDiscountShare",
                table: "InvoiceLines",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<Guid>(
                name: "InvoiceId",
                table: "InventoryDocuments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Number",
                table: "Invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_RefundOf",
                table: "Invoices",
                column: "RefundOf");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryDocuments_InvoiceId",
                table: "InventoryDocuments",
                column: "InvoiceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_Invoices_RefundOf",
                table: "Invoices",
                column: "RefundOf",
                principalTable: "Invoices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_Invoices_RefundOf",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_Number",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_RefundOf",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_InventoryDocuments_InvoiceId",
                table: "InventoryDocuments");

            migrationBuilder.DropColumn(
                name: "RefundedAt",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "ChangeGiven",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "RefundOf",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Voided",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "VoidedOwed",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "CreditFor",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "Discount",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "DiscountReason",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "ItemId",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "RefundsLine",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "SaleDiscountShare",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "InvoiceId",
                table: "InventoryDocuments");

            migrationBuilder.AlterColumn<Guid>(
                name: "ClientId",
                table: "Invoices",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
