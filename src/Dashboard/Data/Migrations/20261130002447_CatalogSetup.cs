using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontDesk.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "BookableOnline",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "BufferMinutes",
                table: "Services",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Colour",
                table: "Services",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "#3f51b5");

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Resources",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Resources",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Room");

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Providers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Colour",
                table: "Providers",
                type: "TEXT",
                maxLength: 7,
                nullable: false,
                defaultValue: "#3f51b5");

            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "Providers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleExceptions",
                table: "Providers",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Providers",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OverriddenRules",
                table: "Appointments",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "BusinessClosures",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessClosures", x => x.Date);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessClosures");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "BookableOnline",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "BufferMinutes",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Colour",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Resources");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Resources");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "Colour",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ScheduleExceptions",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "OverriddenRules",
                table: "Appointments");
        }
    }
}
