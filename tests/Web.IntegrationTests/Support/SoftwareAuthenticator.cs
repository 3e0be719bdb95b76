using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// A passkey authenticator in software, doing what a browser and a platform authenticator do
/// together: it builds clientDataJSON, authenticatorData (RP ID hash, flags, counter, the attested
/// credential with its COSE key) and a <c>none</c> attestation object in CBOR, signs assertions
/// with its ES256 or RS256 key, and hands back <c>PublicKeyCredential.toJSON()</c>. Every field a
/// test may want to get wrong is a parameter.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    public const string DefaultOrigin = "http://localhost:3000";
    public const string DefaultRpId = "localhost";

    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    private SoftwareAuthenticator(ECDsa? ecdsa, RSA? rsa)
    {
        _ecdsa = ecdsa;
        _rsa = rsa;
        CredentialId = RandomNumberGenerator.GetBytes(32);
    }

    public byte[] CredentialId { get; }

    /// <summary>The user handle the relying party gave at registration, kept with the credential.</summary>
    public byte[]? UserHandle { get; private set; }

    /// <summary>The counter of the last signature; each assertion counts up from it unless told otherwise.</summary>
    public uint Counter { get; set; }

    public string CredentialIdBase64Url => Base64Url.EncodeToString(CredentialId);

    public static SoftwareAuthenticator Es256() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), null);

    public static SoftwareAuthenticator Rs256() => new(null, RSA.Create(2048));

    /// <summary><c>navigator.credentials.create()</c> with the creation options the API gave, then <c>toJSON()</c>.</summary>
    public JsonObject Create(
        JsonElement options, string origin = DefaultOrigin, string? rpId = null, bool userVerified = true, string? challenge = null)
    {
        UserHandle = Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString());
        var clientData = ClientData("webauthn.create", challenge ?? options.GetProperty("challenge").GetString()!, origin);
        var authData = AuthenticatorData(
            rpId ?? options.GetProperty("rp").GetProperty("id").GetString()!,
            (byte)(UserPresent | (userVerified ? UserVerified : 0) | AttestedCredentialData),
            Counter,
            AttestedCredential());
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary><c>navigator.credentials.get()</c> with the request options the API gave, then <c>toJSON()</c>.</summary>
    public JsonObject Get(
        JsonElement options,
        string origin = DefaultOrigin,
        string? rpId = null,
        uint? counter = null,
        byte[]? userHandle = null,
        bool corruptSignature = false)
    {
        Counter = counter ?? Counter + 1;
        var clientData = ClientData("webauthn.get", options.GetProperty("challenge").GetString()!, origin);
        var authData = AuthenticatorData(
            rpId ?? options.GetProperty("rpId").GetString()!, UserPresent | UserVerified, Counter, attestedCredential: null);
        var signature = Sign([.. authData, .. SHA256.HashData(clientData)]);
        if (corruptSignature)
        {
            signature[^1] ^= 0x01;
        }

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = Base64Url.EncodeToString(userHandle ?? UserHandle ?? throw new InvalidOperationException("Register first.")),
        });
    }

    public void Dispose()
    {
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    /// <summary>A <c>PublicKeyCredential.toJSON()</c> of this authenticator's credential around a ceremony's response.</summary>
    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = CredentialIdBase64Url,
        ["rawId"] = CredentialIdBase64Url,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    };

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["type"] = type,
            ["challenge"] = challenge,
            ["origin"] = origin,
            ["crossOrigin"] = false,
        });

    private static byte[] AuthenticatorData(string rpId, byte flags, uint counter, byte[]? attestedCredential)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, counter);
        data.AddRange(count);
        data.AddRange(attestedCredential ?? []);
        return [.. data];
    }

    private byte[] AttestedCredential()
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        return [.. new byte[16], .. length, .. CredentialId, .. CosePublicKey()];
    }

    private byte[] CosePublicKey()
    {
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        if (_ecdsa is not null)
        {
            var point = _ecdsa.ExportParameters(includePrivateParameters: false).Q;
            cose.WriteStartMap(5);
            cose.WriteInt32(1);
            cose.WriteInt32(2); // kty: EC2
            cose.WriteInt32(3);
            cose.WriteInt32(-7); // alg: ES256
            cose.WriteInt32(-1);
            cose.WriteInt32(1); // crv: P-256
            cose.WriteInt32(-2);
            cose.WriteByteString(point.X!);
            cose.WriteInt32(-3);
            cose.WriteByteString(point.Y!);
        }
        else
        {
            var key = _rsa!.ExportParameters(includePrivateParameters: false);
            cose.WriteStartMap(4);
            cose.WriteInt32(1);
            cose.WriteInt32(3); // kty: RSA
            cose.WriteInt32(3);
            cose.WriteInt32(-257); // alg: RS256
            cose.WriteInt32(-1);
            cose.WriteByteString(key.Modulus!);
            cose.WriteInt32(-2);
            cose.WriteByteString(key.Exponent!);
        }

        cose.WriteEndMap();
        return cose.Encode();
    }

    /// <summary>As an authenticator signs: ES256 as a DER sequence, RS256 as PKCS #1 v1.5.</summary>
    private byte[] Sign(byte[] data) =>
        _ecdsa is not null
            ? _ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
