using QRCoder;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>QR codes as SVG through QRCoder's SvgQRCode: text only, no image library, any size on screen.</summary>
internal sealed class QrCoderSvgRenderer : IQrCodeRenderer
{
    private const int PixelsPerModule = 4;

    public string RenderSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(PixelsPerModule);
    }
}
