using System.Text.RegularExpressions;
using FrontDesk.Domain.Common;

namespace FrontDesk.Domain.Catalog;

/// <summary>Calendar colours: "#rrggbb", and the palette new services and providers take theirs from.</summary>
public static partial class Colour
{
    /// <summary>Distinct, readable with white text, in the order new items take them.</summary>
    public static readonly IReadOnlyList<string> Palette =
    [
        "#3f51b5", "#00897b", "#8e24aa", "#e65100", "#c2185b", "#2e7d32", "#1565c0", "#6d4c41", "#5e35b1", "#00838f",
    ];

    /// <summary>The palette's colour for <paramref name="seed"/> (an id): stable, so a default never changes.</summary>
    public static string Default(Guid seed) => Palette[(int)((uint)seed.GetHashCode() % (uint)Palette.Count)];

    /// <summary>The colour written as "#rrggbb" (lower case), or refused with a clear message.</summary>
    public static string Parse(string? value, string field = "colour")
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (!Hex().IsMatch(trimmed))
        {
            throw DomainException.Invalid($"A colour is written #rrggbb, e.g. #3f51b5; '{Shorten(trimmed)}' is not.", field);
        }
        return trimmed.ToLowerInvariant();
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Hex();
}
