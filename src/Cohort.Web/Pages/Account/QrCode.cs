using QRCoder;

namespace Cohort.Web.Pages.Account;

/// <summary>QR codes as SVG data URIs: an &lt;img&gt; needs no script and no inline style, so the CSP stays as it is.</summary>
public static class QrCode
{
    public static string SvgDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
