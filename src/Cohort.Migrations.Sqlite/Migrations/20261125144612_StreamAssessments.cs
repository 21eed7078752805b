using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StreamAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StreamId",
                table: "Assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_StreamId",
                table: "Assessments",
                column: "StreamId");

            migrationBuilder.AddForeignKey(
                name: "FK_Assessments_Streams_StreamId",
                table: "Assessments",
                column: "StreamId",
                principalTable: "Streams",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assessments_Streams_StreamId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_StreamId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "StreamId",
                table: "Assessments");
        }
    }
}
