using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

/// <summary>
/// ASP.NET Core's cookie TempData, except that a request which brought no TempData cookie and leaves no notice gets
/// no Set-Cookie deleting one. The layout reads TempData on every page (for a notice); without this every visitor's
/// page would carry that deletion, and a response that sets a cookie is never cached (<see cref="PublicPagePolicy"/>).
/// </summary>
public sealed class QuietTempData(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count > 0 || context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            cookies.SaveTempData(context, values);
        }
    }
}
