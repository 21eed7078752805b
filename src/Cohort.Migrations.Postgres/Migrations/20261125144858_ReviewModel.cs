using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cohort.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BlindSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeasonId = table.Column<int>(type: "integer", nullable: false),
                    HideName = table.Column<bool>(type: "boolean", nullable: false),
                    HideEmail = table.Column<bool>(type: "boolean", nullable: false),
                    HideCvFileName = table.Column<bool>(type: "boolean", nullable: false),
                    HideUrls = table.Column<bool>(type: "boolean", nullable: false),
                    HiddenQuestionKeysText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlindSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlindSettings_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeasonId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpertiseText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    InterestsText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MinLoad = table.Column<int>(type: "integer", nullable: false),
                    MaxLoad = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewerProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewerProfiles_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rubrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeasonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InstructionsMarkdown = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rubrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rubrics_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeclaredConflict",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewerProfileId = table.Column<int>(type: "integer", nullable: false),
                    ApplicantId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredConflict", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclaredConflict_AspNetUsers_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeclaredConflict_ReviewerProfiles_ReviewerProfileId",
                        column: x => x.ReviewerProfileId,
                        principalTable: "ReviewerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeasonId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StreamId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RubricId = table.Column<int>(type: "integer", nullable: false),
                    ReviewsPerApplication = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRounds_Rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewRounds_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewRounds_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "RubricCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RubricId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScaleMin = table.Column<int>(type: "integer", nullable: false),
                    ScaleMax = table.Column<int>(type: "integer", nullable: false),
                    AnchorsText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RubricCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RubricCriterion_Rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Affinity = table.Column<double>(type: "double precision", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewAssignments_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreWeights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeasonId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssessmentId = table.Column<int>(type: "integer", nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreWeights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreWeights_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoreWeights_ReviewRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReviewRounds",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoreWeights_Seasons_SeasonId",
                        column: x => x.SeasonId,
                        principalTable: "Seasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Overall = table.Column<double>(type: "double precision", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSubmissions_ReviewAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "ReviewAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriterionScore",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewSubmissionId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriterionScore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriterionScore_ReviewSubmissions_ReviewSubmissionId",
                        column: x => x.ReviewSubmissionId,
                        principalTable: "ReviewSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CriterionScore_RubricCriterion_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "RubricCriterion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlindSettings_SeasonId",
                table: "BlindSettings",
                column: "SeasonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CriterionScore_CriterionId",
                table: "CriterionScore",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_CriterionScore_ReviewSubmissionId_CriterionId",
                table: "CriterionScore",
                columns: new[] { "ReviewSubmissionId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredConflict_ApplicantId",
                table: "DeclaredConflict",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredConflict_ReviewerProfileId_ApplicantId",
                table: "DeclaredConflict",
                columns: new[] { "ReviewerProfileId", "ApplicantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ReviewerId_State",
                table: "ReviewAssignments",
                columns: new[] { "ReviewerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_RoundId_SubjectId_ReviewerId",
                table: "ReviewAssignments",
                columns: new[] { "RoundId", "SubjectId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_RubricId",
                table: "ReviewRounds",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_SeasonId",
                table: "ReviewRounds",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_StreamId",
                table: "ReviewRounds",
                column: "StreamId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubmissions_AssignmentId",
                table: "ReviewSubmissions",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerProfiles_SeasonId_UserId",
                table: "ReviewerProfiles",
                columns: new[] { "SeasonId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerProfiles_UserId",
                table: "ReviewerProfiles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RubricCriterion_RubricId",
                table: "RubricCriterion",
                column: "RubricId");

            migrationBuilder.CreateIndex(
                name: "IX_Rubrics_SeasonId",
                table: "Rubrics",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreWeights_AssessmentId",
                table: "ScoreWeights",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreWeights_RoundId",
                table: "ScoreWeights",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreWeights_SeasonId",
                table: "ScoreWeights",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlindSettings");

            migrationBuilder.DropTable(
                name: "CriterionScore");

            migrationBuilder.DropTable(
                name: "DeclaredConflict");

            migrationBuilder.DropTable(
                name: "ScoreWeights");

            migrationBuilder.DropTable(
                name: "ReviewSubmissions");

            migrationBuilder.DropTable(
                name: "RubricCriterion");

            migrationBuilder.DropTable(
                name: "ReviewerProfiles");

            migrationBuilder.DropTable(
                name: "ReviewAssignments");

            migrationBuilder.DropTable(
                name: "ReviewRounds");

            migrationBuilder.DropTable(
                name: "Rubrics");
        }
    }
}
