using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Cohort.Web.Hosting;

/// <summary>
/// Pages write every letter as itself. ASP.NET Core's HTML encoder leaves only Basic Latin alone by default, so
/// "Lucía" or "Grünewald" went out as "Luc&amp;#xED;a" and "Gr&amp;#xFC;newald": right in a browser, but twice
/// the bytes and unreadable in a page's source, a saved page or a test of it. The characters HTML treats specially
/// (&lt; &gt; &amp; quotes) are still encoded, which is what keeps a page safe.
/// </summary>
public static class ReadableHtml
{
    public static IServiceCollection AddReadableHtml(this IServiceCollection services) =>
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
}
