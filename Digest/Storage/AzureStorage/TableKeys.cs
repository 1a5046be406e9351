using System.Globalization;
using System.Text;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Turns any string (an email address, a delivery key) into a valid PartitionKey/RowKey: the characters the Table
/// service forbids ('/', '\', '#', '?', control characters) and '%' itself are written as %XX, so distinct strings
/// stay distinct.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
