using System;
using System.IO;
using System.Text;

namespace Oxen.Video.Tasks;

/// <summary>Writes a cached schema file so that no reader ever sees half of one.</summary>
internal static class SchemaFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> unless the file already holds exactly it; returns
    /// whether it wrote. The text goes to a temporary file beside the target that is then renamed over it (a rename
    /// in one folder is atomic), so a parallel build (another target framework) reads the old file or the new one.
    /// </summary>
    public static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == text)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            try
            {
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            catch (IOException) when (File.Exists(path) && File.Exists(temporary))
            {
                // Another build wrote the file between the check and the move: replace what it wrote.
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return true;
    }
}
