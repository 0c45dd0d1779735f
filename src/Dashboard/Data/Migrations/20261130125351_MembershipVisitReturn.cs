using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontDesk.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipVisitReturn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReturnedAt",
                table: "MembershipVisits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedById",
                table: "MembershipVisits",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedByName",
                table: "MembershipVisits",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnedAt",
                table: "MembershipVisits");

            migrationBuilder.DropColumn(
                name: "ReturnedById",
                table: "MembershipVisits");

            migrationBuilder.DropColumn(
                name: "ReturnedByName",
                table: "MembershipVisits");
        }
    }
}
