using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MatchAlgorithms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Stable",
                table: "MatchRuns",
                newName: "Certified");

            migrationBuilder.RenameColumn(
                name: "Proposer",
                table: "MatchRuns",
                newName: "Algorithm");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Certified",
                table: "MatchRuns",
                newName: "Stable");

            migrationBuilder.RenameColumn(
                name: "Algorithm",
                table: "MatchRuns",
                newName: "Proposer");
        }
    }
}
