using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohort.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StreamId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InputJson = table.Column<string>(type: "text", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false),
                    Assigned = table.Column<int>(type: "integer", nullable: false),
                    Unassigned = table.Column<int>(type: "integer", nullable: false),
                    Stable = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StreamId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PitchedById = table.Column<string>(type: "text", nullable: false),
                    PitchedByFellow = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicantId = table.Column<string>(type: "text", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    MentorId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    StreamApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    NotAcceptable = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<string>(type: "text", nullable: false)
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
