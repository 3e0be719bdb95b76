namespace ShopEase.Application.Common.Models;

/// <summary>An amount in minor units (cents) and its ISO 4217 currency, e.g. <c>{ "amount": 1999, "currency": "EUR" }</c>.</summary>
public sealed record MoneyDto(long Amount, string Currency);
