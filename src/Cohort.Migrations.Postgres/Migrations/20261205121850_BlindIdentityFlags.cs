using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BlindIdentityFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A question's purpose (DateOfBirth, Organisation) becomes its identity flag: the same values, and more.
            migrationBuilder.RenameColumn(
                name: "Purpose",
                table: "Question",
                newName: "Identity");

            // Emails were the only contact detail the settings knew; they now hide answers flagged Contact too.
            migrationBuilder.RenameColumn(
                name: "HideEmail",
                table: "BlindSettings",
                newName: "HideContact");

            migrationBuilder.AddColumn<string>(
                name: "Identity",
                table: "StreamQuestions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "Identity",
                table: "AssessmentItem",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            // A season saved before these settings existed hides the new kinds and withholds CVs until an admin says otherwise.
            migrationBuilder.AddColumn<bool>(
                name: "HideOrganisation",
                table: "BlindSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "HideDateOfBirth",
                table: "BlindSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "HideCv",
                table: "BlindSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Identity",
                table: "StreamQuestions");

            migrationBuilder.DropColumn(
                name: "Identity",
                table: "AssessmentItem");

            migrationBuilder.DropColumn(
                name: "HideOrganisation",
                table: "BlindSettings");

            migrationBuilder.DropColumn(
                name: "HideDateOfBirth",
                table: "BlindSettings");

            migrationBuilder.DropColumn(
                name: "HideCv",
                table: "BlindSettings");

            migrationBuilder.RenameColumn(
                name: "Identity",
                table: "Question",
                newName: "Purpose");

            migrationBuilder.RenameColumn(
                name: "HideContact",
                table: "BlindSettings",
                newName: "HideEmail");
        }
    }
}
