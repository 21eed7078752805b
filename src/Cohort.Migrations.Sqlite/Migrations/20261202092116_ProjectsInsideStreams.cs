using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsInsideStreams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectAssignmentRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InputJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    Assigned = table.Column<int>(type: "INTEGER", nullable: false),
                    Unassigned = table.Column<int>(type: "INTEGER", nullable: false),
                    Stable = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAssignmentRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectAssignmentRuns_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PitchedById = table.Column<string>(type: "TEXT", nullable: false),
                    PitchedByFellow = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_AspNetUsers_PitchedById",
                        column: x => x.PitchedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Projects_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FellowProjectRankings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicantId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FellowProjectRankings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FellowProjectRankings_AspNetUsers_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FellowProjectRankings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMentors",
                columns: table => new
                {
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMentors", x => new { x.ProjectId, x.MentorId });
                    table.ForeignKey(
                        name: "FK_ProjectMentors_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectMentors_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectRankingEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreamApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NotAcceptable = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectRankingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectRankingEntries_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectRankingEntries_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectRankingEntries_StreamApplications_StreamApplicationId",
                        column: x => x.StreamApplicationId,
                        principalTable: "StreamApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FellowProjectRankings_ApplicantId_ProjectId",
                table: "FellowProjectRankings",
                columns: new[] { "ApplicantId", "ProjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FellowProjectRankings_ProjectId",
                table: "FellowProjectRankings",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAssignmentRuns_StreamId_CreatedAt",
                table: "ProjectAssignmentRuns",
                columns: new[] { "StreamId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMentors_MentorId",
                table: "ProjectMentors",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRankingEntries_ProjectId_Position",
                table: "ProjectRankingEntries",
                columns: new[] { "ProjectId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRankingEntries_ProjectId_StreamApplicationId",
                table: "ProjectRankingEntries",
                columns: new[] { "ProjectId", "StreamApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRankingEntries_StreamApplicationId",
                table: "ProjectRankingEntries",
                column: "StreamApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRankingEntries_UpdatedById",
                table: "ProjectRankingEntries",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_PitchedById",
                table: "Projects",
                column: "PitchedById");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_StreamId",
                table: "Projects",
                column: "StreamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FellowProjectRankings");

            migrationBuilder.DropTable(
                name: "ProjectAssignmentRuns");

            migrationBuilder.DropTable(
                name: "ProjectMentors");

            migrationBuilder.DropTable(
                name: "ProjectRankingEntries");

            migrationBuilder.DropTable(
                name: "Projects");
        }
    }
}
