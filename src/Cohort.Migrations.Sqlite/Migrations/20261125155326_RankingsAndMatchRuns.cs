using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cohort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RankingsAndMatchRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicantStreamRankings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicantId = table.Column<string>(type: "TEXT", nullable: false),
                    StreamApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicantStreamRankings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicantStreamRankings_AspNetUsers_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicantStreamRankings_StreamApplications_StreamApplicationId",
                        column: x => x.StreamApplicationId,
                        principalTable: "StreamApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeasonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Proposer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InputJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Stable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchRuns_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeasonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RankingDeadline = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchSettings_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorRankingInputs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    StreamApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    NotAcceptable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorRankingInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorRankingInputs_AspNetUsers_MentorUserId",
                        column: x => x.MentorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorRankingInputs_StreamApplications_StreamApplicationId",
                        column: x => x.StreamApplicationId,
                        principalTable: "StreamApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorRankingInputs_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StreamRankingEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreamId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreamApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NotAcceptable = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StreamRankingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StreamRankingEntries_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StreamRankingEntries_StreamApplications_StreamApplicationId",
                        column: x => x.StreamApplicationId,
                        principalTable: "StreamApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StreamRankingEntries_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicantStreamRankings_ApplicantId",
                table: "ApplicantStreamRankings",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicantStreamRankings_StreamApplicationId",
                table: "ApplicantStreamRankings",
                column: "StreamApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_SeasonId_CreatedAt",
                table: "MatchRuns",
                columns: new[] { "SeasonId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchSettings_SeasonId",
                table: "MatchSettings",
                column: "SeasonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorRankingInputs_MentorUserId_StreamApplicationId",
                table: "MentorRankingInputs",
                columns: new[] { "MentorUserId", "StreamApplicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorRankingInputs_StreamApplicationId",
                table: "MentorRankingInputs",
                column: "StreamApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorRankingInputs_StreamId_MentorUserId_Position",
                table: "MentorRankingInputs",
                columns: new[] { "StreamId", "MentorUserId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StreamRankingEntries_StreamApplicationId",
                table: "StreamRankingEntries",
                column: "StreamApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StreamRankingEntries_StreamId_Position",
                table: "StreamRankingEntries",
                columns: new[] { "StreamId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StreamRankingEntries_UpdatedById",
                table: "StreamRankingEntries",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicantStreamRankings");

            migrationBuilder.DropTable(
                name: "MatchRuns");

            migrationBuilder.DropTable(
                name: "MatchSettings");

            migrationBuilder.DropTable(
                name: "MentorRankingInputs");

            migrationBuilder.DropTable(
                name: "StreamRankingEntries");
        }
    }
}
