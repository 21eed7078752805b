using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StageTwoDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssessmentState",
                table: "Applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Applicants already advanced at stage 1 are in stage 2, awaiting its decision.
            migrationBuilder.Sql("UPDATE \"Applications\" SET \"AssessmentState\" = 'Submitted' WHERE \"State\" = 'Advanced';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssessmentState",
                table: "Applications");
        }
    }
}
