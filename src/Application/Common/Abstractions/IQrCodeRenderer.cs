namespace ShopEase.Application.Common.Abstractions;

public interface IQrCodeRenderer
{
    /// <summary>A standalone SVG document of the QR code of <paramref name="text"/>.</summary>
    string RenderSvg(string text);
}
