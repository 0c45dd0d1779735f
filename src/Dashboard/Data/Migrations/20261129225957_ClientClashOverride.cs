using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FrontDesk.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClientClashOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BookedOverClientClash",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BookedOverClientClash",
                table: "Appointments");
        }
    }
}
